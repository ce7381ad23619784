/** The task pane's pure helpers: mapping settings, issue groups, marks, fixes, figures, theme, file names. */
import type { SheetData } from "../../src/core/cells";
import type { Issue } from "../../src/core/issues";
import type { ColumnMapping } from "../../src/core/results";
import type { TrustRow } from "../../src/core/schema";
import { chooseMapping, mappingSettingKey } from "../../src/app/settings/mappingSetting";
import { fixWritesBySheet, groupIssues, isFixable } from "../../src/app/issueGroups";
import { marksBySheet, planMarks } from "../../src/app/marks";
import { coverageSteps, supplierShares } from "../../src/app/figures";
import { luminance, paneThemeFor } from "../../src/ui/theme";
import { verdict } from "../../src/app/verdict";
import { fileNameFor } from "../../src/ui/hooks/useObjectUrl";
import { exportFileName } from "../../src/app/exportFileName";

const sheet: SheetData = { name: "Data", firstRow: 1, firstCol: 1, rows: [["Code", "Name", "Odd"], ["RYJ", "Imperial", "x"]] };
const detected: ColumnMapping = {
  headerRow: 1,
  headers: [
    { col: 1, cell: "A1", text: "Code", key: "trustCode" },
    { col: 2, cell: "B1", text: "Name", key: "trustName" },
    { col: 3, cell: "C1", text: "Odd", key: null },
  ],
};

describe("chooseMapping", () => {
  const saved: ColumnMapping = { ...detected, headers: detected.headers.map((h) => (h.col === 3 ? { ...h, key: "notes" } : h)) };

  it("keys the setting by sheet", () => {
    expect(mappingSettingKey("Trusts (2)")).toBe("mapping:Trusts (2)");
  });

  it("uses a valid saved mapping that still fits the headers", () => {
    expect(chooseMapping(saved, sheet, detected)).toEqual({ mapping: saved, source: "saved" });
  });

  it("uses the detected mapping when nothing was saved", () => {
    expect(chooseMapping(null, sheet, detected)).toEqual({ mapping: detected, source: "detected" });
  });

  it.each([
    ["not an object", "mapping"],
    ["an unknown column key", { headerRow: 1, headers: [{ col: 1, cell: "A1", text: "Code", key: "bogus" }] }],
    ["a negative header row", { headerRow: -1, headers: [] }],
  ])("rejects %s", (_what, value) => {
    const chosen = chooseMapping(value, sheet, detected);
    expect(chosen.source).toBe("detected");
    expect(chosen.note).toMatch(/could not be read/);
  });

  it("drops a saved mapping whose headers changed", () => {
    const renamed: SheetData = { ...sheet, rows: [["Code", "Trust name", "Odd"]] };
    const chosen = chooseMapping(saved, renamed, detected);
    expect(chosen.source).toBe("detected");
    expect(chosen.note).toMatch(/headers have changed/);
  });
});

function issue(overrides: Partial<Issue>): Issue {
  return { sheet: "Trusts", cell: "A2", row: 2, column: "trustCode", code: "required", severity: "error", message: "m", value: null, ...overrides };
}

const trusts = [{ row: 2, trustName: "Imperial", trustCode: "RYJ" }, { row: 3, trustName: null, trustCode: null }] as unknown as TrustRow[];

describe("issue groups, marks and fixes", () => {
  const issues: Issue[] = [
    issue({ sheet: "ICS", row: 2, cell: "B2", column: null }),
    issue({ row: 1, cell: "A1", code: "missing_column" }),
    issue({ row: 2, cell: "E2", severity: "warning", code: "non_canonical", value: "Cerner", replacement: "Oracle Health" }),
    issue({ row: 2, cell: "E2", severity: "error", code: "invalid_enum" }),
    issue({ row: 3, cell: "A3", severity: "warning" }),
  ];

  it("groups by sheet and row, titled with the trust's name and code", () => {
    const groups = groupIssues(issues, trusts, 1, "Trusts");
    expect(groups.map((g) => [g.title, g.issues.length])).toEqual([
      ["ICS sheet, row 2", 1],
      ["Row 1: headers", 1],
      ["Row 2: Imperial (RYJ)", 2],
      ["Row 3: (no trust name)", 1],
    ]);
  });

  it("marks each cell once, the most severe issue winning (decided once, by planMarks)", () => {
    const marks = marksBySheet(issues);
    expect(marks.get("ICS")).toEqual([{ address: "B2", severity: "error" }]);
    expect(planMarks(marks.get("Trusts") ?? [])).toEqual({ error: ["A1", "E2"], warning: ["A3"] });
  });

  it("fixes only non_canonical issues that carry a replacement", () => {
    const fixable = issues.filter(isFixable);
    expect(fixable).toHaveLength(1);
    expect(isFixable(issue({ code: "non_canonical" }))).toBe(false);
    expect(fixWritesBySheet(fixable).get("Trusts")).toEqual([{ address: "E2", value: "Oracle Health" }]);
  });
});

function row(overrides: Partial<TrustRow>): TrustRow {
  return {
    row: 2, trustCode: "RYJ", trustName: "A", trustType: "Acute", eprStatus: "Live", supplier: "Epic", product: null,
    goLiveDate: "2021-01-01", contractEndDate: null, plan: "Keep", targetSupplier: null, targetGoLiveDate: null,
    businessCaseStage: null, procurementStartDate: null, contractAwardDate: null, fundingModel: null, totalCost: null,
    localFunding: null, nationalFunding: null, beds: null, notes: null, ...overrides,
  };
}

describe("figures", () => {
  const rows = [
    row({ supplier: "Epic" }),
    row({ supplier: "Oracle Health", plan: "Converge", targetSupplier: "Epic", targetGoLiveDate: "2025-06-30" }),
    row({ eprStatus: "Implementing", supplier: "Epic", goLiveDate: "2024-04-01" }),
    row({ eprStatus: "No EPR", supplier: null, goLiveDate: null, plan: "New EPR", targetSupplier: "System C", targetGoLiveDate: null }),
  ];

  it("gives supplier shares now (Live only) and at target, largest first", () => {
    expect(supplierShares(rows)).toEqual([
      { supplier: "Epic", now: 0.5, target: 0.75 },
      { supplier: "Oracle Health", now: 0.5, target: 0 },
      { supplier: "System C", now: 0, target: 0.25 },
    ]);
  });

  it("steps the installed share over the installation dates", () => {
    // Live/Implementing: go-live date (even with a plan to move); otherwise the target go-live date; blank never.
    const withProcuring = [...rows, row({ eprStatus: "Procuring", supplier: null, goLiveDate: null, targetGoLiveDate: "2026-01-31" })];
    expect(coverageSteps(withProcuring)).toEqual([
      { date: "2021-01-01", share: 2 / 5 },
      { date: "2024-04-01", share: 3 / 5 },
      { date: "2026-01-31", share: 4 / 5 },
    ]);
    expect(coverageSteps([])).toEqual([]);
  });
});

describe("verdict, theme and file names", () => {
  it("says ready to send only without errors", () => {
    expect(verdict({ errors: 0, warnings: 0, rows: 4 })).toBe("Ready to send");
    expect(verdict({ errors: 0, warnings: 2, rows: 4 })).toBe("Ready to send (2 warnings)");
    expect(verdict({ errors: 1, warnings: 1, rows: 4 })).toBe("1 error, 1 warning");
    expect(verdict({ errors: 3, warnings: 0, rows: 4 })).toBe("3 errors, 0 warnings");
  });

  it("never says ready to send without trust rows", () => {
    expect(verdict({ errors: 0, warnings: 0, rows: 0 })).toBe("No trust rows: nothing to send yet");
    expect(verdict({ errors: 0, warnings: 1, rows: 0 }, "terminal")).toBe("no trust rows: nothing to send yet");
    expect(verdict({ errors: 2, warnings: 0, rows: 0 })).toBe("2 errors, 0 warnings");
  });

  it("follows Office's dark flag, else the background colour", () => {
    expect(paneThemeFor({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe("dark");
    expect(paneThemeFor({ isDarkTheme: false })).toBe("light");
    expect(paneThemeFor({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(paneThemeFor({ bodyBackgroundColor: "#f3f3f3" })).toBe("light");
    expect(paneThemeFor(undefined)).toBe("light");
    expect(luminance("not a colour")).toBeNull();
  });

  it("names files after the sheet, without characters file systems reject", () => {
    expect(fileNameFor("Trusts", "csv")).toBe("Trusts.csv");
    expect(fileNameFor('a/b:c*"d', "json")).toBe("a_b_c__d.json");
    expect(fileNameFor("   ", "csv")).toBe("return.csv");
  });

  it("names exports after the ICS and its submission date, else the sheet and today", () => {
    const today = "2026-01-05";
    expect(exportFileName({ ics: { icsName: "North ICS", submissionDate: "2023-11-15" }, sheet: "Trusts", today }, "csv")).toBe("North ICS EPR return 2023-11-15.csv");
    expect(exportFileName({ ics: { icsName: "North ICS", submissionDate: null }, sheet: "Trusts", today }, "json")).toBe("North ICS EPR return 2026-01-05.json");
    expect(exportFileName({ ics: { icsName: null, submissionDate: "2023-11-15" }, sheet: "Trusts", today }, "csv")).toBe("Trusts EPR return 2023-11-15.csv");
    expect(exportFileName({ ics: { icsName: "   ", submissionDate: null }, sheet: "Providers", today }, "csv")).toBe("Providers EPR return 2026-01-05.csv");
    expect(exportFileName({ ics: null, sheet: "Trusts", today }, "csv")).toBe("Trusts EPR return 2026-01-05.csv");
    expect(exportFileName({ ics: undefined, sheet: "Trusts", today }, "json")).toBe("Trusts EPR return 2026-01-05.json");
    // Characters file systems reject are replaced, wherever they come from.
    expect(exportFileName({ ics: { icsName: 'North/East: "Dale" ICS?', submissionDate: "2023-11-15" }, sheet: "Trusts", today }, "csv")).toBe("North_East_ _Dale_ ICS_ EPR return 2023-11-15.csv");
  });
});

describe("formatFigure", () => {
  it("shows shares as percentages and money in pounds, other numbers plainly", async () => {
    const { formatFigure } = await import("../../src/ui/components/FiguresTable");
    expect(formatFigure(0.625, "Installed share")).toBe("62.5%");
    expect(formatFigure(52_100_000, "Total cost (£)")).toBe("£52,100,000");
    expect(formatFigure(-1500.5, "Funding gap (£)")).toBe("-£1,500.50");
    expect(formatFigure(57.142857, "Convergence score (target)")).toBe("57.1");
    expect(formatFigure(60, "Convergence score (now)")).toBe("60.0");
    expect(formatFigure(1.8, "Effective systems (now)")).toBe("1.8");
    expect(formatFigure(0.52, "HHI (now)")).toBe("0.520");
    expect(formatFigure(1500, "Trusts")).toBe("1,500");
    expect(formatFigure("2023-12-31", "Target date")).toBe("31/12/2023");
    expect(formatFigure("mar-2026", "Target profile")).toBe("mar-2026");
    expect(formatFigure(null, "Date 90% installed")).toBe("—");
    expect(formatFigure(true, "Target met")).toBe("Yes");
  });
});
