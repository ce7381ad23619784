/**
 * The template's Summary formulas, recalculated by LibreOffice, equal the core's section 7
 * calculations on the same canonical data, for both target profiles.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { scoreReturn } from "../../src/core/calc";
import { cellAt, type CellValue } from "../../src/core/cells";
import { isoFromDate, isoFromSerial } from "../../src/core/dates";
import type { ScoreResult } from "../../src/core/results";
import type { ProfileName, TrustRow } from "../../src/core/schema";
import { buildTemplate } from "../../src/core/template/build";
import { SUMMARY_LABELS, type SummaryLabel } from "../../src/core/template/summary";
import { openWorkbookFile } from "../../src/files/nodeFile";
import { templateWorkbook, writeTemplate } from "../../src/files/writeTemplate";
import { hasLibreOffice, recalculate } from "../helpers/libreoffice";
import { fillTrusts, TRUSTS } from "./summaryFixture";

const describeWithLibreOffice = hasLibreOffice() ? describe : describe.skip;
if (!hasLibreOffice()) console.warn("LibreOffice (soffice) not found: skipping the Summary recalculation tests");

function expected(score: ScoreResult): Record<SummaryLabel, number | boolean | string> {
  const { now, target } = score.convergence;
  const { coverage, funding } = score;
  return {
    Trusts: score.trusts,
    "Distinct systems (now)": now.systems,
    "HHI (now)": now.hhi,
    "Effective systems (now)": now.effective,
    "Convergence score (now)": now.score,
    "Distinct systems (target)": target.systems,
    "HHI (target)": target.hhi,
    "Effective systems (target)": target.effective,
    "Convergence score (target)": target.score,
    "Target date": coverage.asOf,
    "Installed by target date": coverage.installed,
    "Implementing at target date": coverage.implementing,
    "Installed share": coverage.installedShare,
    "Covered share": coverage.coveredShare,
    "Target met": coverage.met,
    "Total cost (£)": funding.totalCost,
    "Local funding (£)": funding.localFunding,
    "National funding requested (£)": funding.nationalFunding,
    "Funding gap (£)": funding.gap,
  };
}

function asIso(value: CellValue): string | null {
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === "number") return isoFromSerial(value);
  return null;
}

interface Case {
  readonly title: string;
  /** ICS target profile cell; null leaves the template's default. */
  readonly icsProfile: string | null;
  readonly profile: ProfileName;
  readonly trusts: readonly TrustRow[];
  /** Template sheets under other names (inserted next to the user's own). */
  readonly names?: Record<string, string>;
}

const CASES: readonly Case[] = [
  { title: "dec-2023 (the default profile)", icsProfile: null, profile: "dec-2023", trusts: TRUSTS },
  { title: "mar-2026 named on the ICS sheet", icsProfile: "mar-2026", profile: "mar-2026", trusts: TRUSTS },
  { title: "no trusts at all", icsProfile: "mar-2026", profile: "mar-2026", trusts: [] },
  {
    title: "sheets inserted under other names",
    icsProfile: "mar-2026",
    profile: "mar-2026",
    trusts: TRUSTS.slice(0, 9),
    names: { ICS: "ICS details", Trusts: "Trusts (2)", Lists: "Lists 2", Summary: "EPR Summary", Calc: "Calc (2)" },
  },
];

function workbookFor(c: Case): ExcelJS.Workbook {
  if (!c.names) return templateWorkbook();
  const wb = new ExcelJS.Workbook();
  // The user's own sheets, named like the template's, must be left alone.
  wb.addWorksheet("Trusts").getCell("A2").value = "not a trust";
  wb.addWorksheet("Summary");
  writeTemplate(wb, buildTemplate(), c.names);
  return wb;
}

function sheetOf(wb: ExcelJS.Workbook, c: Case, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(c.names?.[name] ?? name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describeWithLibreOffice("Summary recalculated in LibreOffice equals the core's calculations", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "epr-summary-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it.each(CASES.map((c) => [c.title, c] as const))("%s", async (_title, c) => {
    const wb = workbookFor(c);
    if (c.icsProfile !== null) sheetOf(wb, c, "ICS").getCell("B6").value = c.icsProfile;
    fillTrusts(sheetOf(wb, c, "Trusts"), c.trusts);
    const slug = c.title.replace(/[^a-z0-9]+/gi, "-");
    const written = join(dir, `${slug}.xlsx`);
    const recalculated = join(dir, `${slug}-recalculated.xlsx`);
    await wb.xlsx.writeFile(written);
    await recalculate(written, recalculated);

    // Read as the command line reads it: LibreOffice's cached results of the Summary formulas.
    const summary = await (await openWorkbookFile(recalculated)).readSheet(c.names?.["Summary"] ?? "Summary");
    const want = expected(scoreReturn(c.trusts, { profile: c.profile }));
    SUMMARY_LABELS.forEach((label, i) => {
      expect(cellAt(summary, i + 1, 1)).toBe(label);
      const got = cellAt(summary, i + 1, 2);
      const value = want[label];
      if (label === "Target date") expect([label, asIso(got)]).toEqual([label, value]);
      else if (typeof value === "number") {
        expect([label, typeof got]).toEqual([label, "number"]);
        expect([label, Math.abs((got as number) - value) < 1e-9]).toEqual([label, true]);
      } else expect([label, got]).toEqual([label, value]);
    });
  }, 120_000);

  it("the fixture exercises what it claims to", () => {
    const dec = scoreReturn(TRUSTS, { profile: "dec-2023" });
    const mar = scoreReturn(TRUSTS, { profile: "mar-2026" });
    expect(dec.coverage.implementing).toBeGreaterThan(0);
    expect(dec.coverage.met).toBe(false);
    expect(mar.coverage.installed).toBeGreaterThan(dec.coverage.installed);
    expect(dec.convergence.now.systems).toBeGreaterThan(5);
    expect(dec.funding.gap).not.toBe(0);
    expect(TRUSTS.filter((t) => t.trustCode === null && t.supplier === "In-house" && t.product === null)).toHaveLength(2);
  });
});
