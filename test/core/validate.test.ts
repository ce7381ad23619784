import { errorValue, type SheetData } from "../../src/core/cells";
import type { ColumnMapping } from "../../src/core/results";
import { TrustRowSchema } from "../../src/core/schema";
import { validateSheet } from "../../src/core/validate";
import { LIVE_ROW, NEW_EPR_ROW, SUBMITTED, trustsSheet } from "./rules/sheetBuilder";

const options = { submitted: SUBMITTED };

describe("validateSheet: rows", () => {
  const sheet: SheetData = {
    name: "Trusts", firstRow: 1, firstCol: 1,
    rows: [
      ["North ICS EPR return", null, null],
      ["Trust code", "Trust name", "Trust type", "Status", "Supplier", "Go-live date", "Plan", "Colour"],
      ["RYJ", "Imperial", "Acute", "Live", "Epic", "2019-06-01", "Keep"],
      [null, "   ", null],
      [],
      [null, null, null, null, null, null, null, "only in an unknown column"],
      ["R1H", "Barts", "Acute", "Live", "Epic", "2020-06-01", "Keep"],
    ],
  };
  const result = validateSheet(sheet, options);

  it("ignores rows above the header row and wholly blank rows; any other row is a trust row", () => {
    expect(result.headerRow).toBe(2);
    expect(result.rows).toBe(3);
    expect(result.trusts.map((t) => t.row)).toEqual([3, 6, 7]);
  });

  it("reports the mapping as header cell → column key", () => {
    expect(result.mapping).toEqual({ A2: "trustCode", B2: "trustName", C2: "trustType", D2: "eprStatus", E2: "supplier", F2: "goLiveDate", G2: "plan" });
  });

  it("treats a row with content anywhere as a trust row needing its required fields", () => {
    expect(result.issues.filter((i) => i.row === 6).map((i) => `${i.cell} ${i.code}`)).toEqual([
      "A6 required", "B6 required", "C6 required", "D6 required", "G6 required",
    ]);
  });

  it("counts errors and warnings", () => {
    expect(result.errors).toBe(5);
    expect(result.warnings).toBe(1);
    expect(result.issues).toHaveLength(6);
  });
});

describe("validateSheet: issues", () => {
  const rows = [
    { ...LIVE_ROW, trustType: "acute", goLiveDate: "Dec 2018", beds: errorValue("#REF!"), contractEndDate: new Date(Date.UTC(2018, 0, 1)) },
    { ...NEW_EPR_ROW, trustCode: "ryj", totalCost: "£12m", targetGoLiveDate: 36526 },
  ];
  const result = validateSheet(trustsSheet(rows), options);

  it("sorts issues by row, then by column position", () => {
    expect(result.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([
      "A2 duplicate",
      "C2 non_canonical",
      "G2 imprecise_date",
      "H2 inconsistent",
      "S2 formula_error",
      "A3 non_canonical",
      "A3 duplicate",
      "K3 inconsistent",
      "P3 number_as_text",
      "P3 funding_gap",
    ]);
  });

  it("gives each issue its sheet, cell, row, column, code, severity, message and a JSON-safe value", () => {
    const byCell = (cell: string, code: string) => result.issues.find((i) => i.cell === cell && i.code === code);
    expect(byCell("H2", "inconsistent")).toEqual({
      sheet: "Trusts", cell: "H2", row: 2, column: "contractEndDate", code: "inconsistent", severity: "error",
      message: expect.stringContaining("1 Jan 2018 is before the Go-live date 31 Dec 2018"), value: "2018-01-01",
    });
    expect(byCell("S2", "formula_error")?.value).toBe("#REF!");
    expect(byCell("K3", "inconsistent")?.value).toBe(36526);
    expect(JSON.parse(JSON.stringify(result.issues))).toEqual(result.issues);
  });

  it("gives non_canonical issues the canonical replacement", () => {
    expect(result.issues.filter((i) => i.code === "non_canonical").map((i) => [i.cell, i.replacement])).toEqual([["C2", "Acute"], ["A3", "RYJ"]]);
    expect(result.issues.filter((i) => i.code !== "non_canonical").every((i) => i.replacement === undefined)).toBe(true);
  });

  it("produces trust rows in canonical form, failed values null", () => {
    expect(result.trusts[0]).toMatchObject({ row: 2, trustType: "Acute", goLiveDate: "2018-12-31", beds: null, contractEndDate: "2018-01-01" });
    expect(result.trusts[1]).toMatchObject({ row: 3, trustCode: "RYJ", totalCost: 12_000_000, targetGoLiveDate: "2000-01-01" });
  });
});

describe("validateSheet: trust rows match TrustRowSchema", () => {
  it("whatever the cells hold", () => {
    const messy = [
      LIVE_ROW, NEW_EPR_ROW,
      { trustCode: "bad code", trustName: 42, trustType: true, eprStatus: errorValue("#N/A"), supplier: "nobody", product: new Date(Date.UTC(2020, 0, 1)),
        goLiveDate: "31/02/2023", contractEndDate: 60, plan: "?", targetSupplier: "TBC", targetGoLiveDate: "Q5 2023", businessCaseStage: "obc",
        procurementStartDate: "1989-01-01", contractAwardDate: "2041-01-01", fundingModel: "matched", totalCost: -1, localFunding: "lots",
        nationalFunding: "£-5", beds: 10.5, notes: "n".repeat(3000) },
      { trustCode: "t1a", totalCost: "1,000", localFunding: "1bn", beds: "1,200" },
    ];
    const result = validateSheet(trustsSheet(messy), options);
    expect(result.trusts).toHaveLength(4);
    for (const trust of result.trusts) expect(TrustRowSchema.safeParse(trust).success).toBe(true);
    expect(result.trusts[2]).toMatchObject({ trustCode: null, trustName: "42", trustType: null, eprStatus: null, supplier: null, totalCost: null, beds: null, businessCaseStage: "OBC" });
  });
});

describe("validateSheet: a mapping chosen by the user", () => {
  const sheet: SheetData = {
    name: "Trusts", firstRow: 1, firstCol: 1,
    rows: [
      ["Org", "Name", "Kind", "Now", "Vendor", "Since", "Intent", "Ignore me"],
      ["RYJ", "Imperial", "Acute", "Live", "Epic", "2019-06-01", "Keep", "x"],
    ],
  };

  it("replaces detection", () => {
    expect(validateSheet(sheet, options).headerRow).toBeNull();
    const keys = ["trustCode", "trustName", "trustType", "eprStatus", "supplier", "goLiveDate", "plan", null] as const;
    const mapping: ColumnMapping = {
      headerRow: 1,
      headers: keys.map((key, i) => ({ col: i + 1, cell: `${"ABCDEFGH"[i]}1`, text: String(sheet.rows[0]?.[i]), key })),
    };
    const result = validateSheet(sheet, { submitted: SUBMITTED, mapping });
    expect(result.headerRow).toBe(1);
    expect(result.rows).toBe(1);
    expect(result.trusts[0]).toMatchObject({ trustCode: "RYJ", eprStatus: "Live", supplier: "Epic", plan: "Keep" });
    // "Ignore me" names no column: still reported as unknown, as detection would.
    expect(result.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["H1 unknown_column"]);
  });

  it("does not warn about a known header the user chose to ignore", () => {
    const mapping: ColumnMapping = {
      headerRow: 1,
      headers: [
        { col: 1, cell: "A1", text: "Trust code", key: "trustCode" },
        { col: 2, cell: "B1", text: "Notes", key: null },
      ],
    };
    const result = validateSheet({ name: "Trusts", firstRow: 1, firstCol: 1, rows: [["Trust code", "Notes"], ["RYJ", "n"]] }, { submitted: SUBMITTED, mapping });
    expect(result.issues.filter((i) => i.code === "unknown_column")).toEqual([]);
    expect(result.trusts[0]?.notes).toBeNull();
  });
});

describe("validateSheet: no header row", () => {
  it("reports each always-required column missing at A1, and no rows", () => {
    const result = validateSheet({ name: "Data", firstRow: 1, firstCol: 1, rows: [["hello", "world"], ["RYJ", "x"]] }, options);
    expect(result.headerRow).toBeNull();
    expect(result.rows).toBe(0);
    expect(result.trusts).toEqual([]);
    expect(result.mapping).toEqual({});
    expect(result.issues.map((i) => `${i.sheet} ${i.cell} ${i.column} ${i.code} ${i.severity}`)).toEqual([
      "Data A1 trustCode missing_column error",
      "Data A1 trustName missing_column error",
      "Data A1 trustType missing_column error",
      "Data A1 eprStatus missing_column error",
      "Data A1 plan missing_column error",
    ]);
    expect(result.errors).toBe(5);
  });

  it("uses the sheet's first cell when the data does not start at A1, and copes with an empty sheet", () => {
    expect(validateSheet({ name: "T", firstRow: 3, firstCol: 2, rows: [["x"]] }, options).issues[0]?.cell).toBe("B3");
    expect(validateSheet({ name: "T", firstRow: 1, firstCol: 1, rows: [] }, options).issues).toHaveLength(5);
  });
});

describe("validateSheet: a block that does not start at A1", () => {
  it("reports cells in sheet coordinates", () => {
    const sheet: SheetData = {
      name: "Trusts", firstRow: 5, firstCol: 3,
      rows: [["Trust code", "Trust name", "Trust type", "Status", "Supplier", "Go-live", "Plan"], ["ryj", "Imperial", "Acute", "Live", "Epic", "2019-06-01", "Keep"]],
    };
    const result = validateSheet(sheet, options);
    expect(result.headerRow).toBe(5);
    expect(result.issues.map((i) => `${i.cell} ${i.row} ${i.code}`)).toEqual(["C6 6 non_canonical"]);
    expect(result.mapping.C5).toBe("trustCode");
  });
});
