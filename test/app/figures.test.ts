/**
 * What Write Summary gives the gateway (figuresSheet): the figures as numbers, dates and Yes/No, each under the
 * number format the template's own Summary gives it (issue 12, item 7), and what every gateway makes of a cell
 * (app/figureCells.ts).
 */
import { figureKind, figuresSheet, SCORES_SHEET } from "../../src/app/figures";
import { figureFormat, figureInput, hasFigureFormats } from "../../src/app/figureCells";
import type { FigureCell } from "../../src/app/gateway";
import { scoreReturn } from "../../src/core/calc";
import { dateFromIso } from "../../src/core/dates";
import { DATE_FORMAT, MONEY_FORMAT } from "../../src/core/template/layout";
import { buildSummarySheet, SUMMARY_LABELS, summaryCell } from "../../src/core/template/summary";
import { exportSheet } from "../../src/ui/exportSheet";
import { TRUSTS } from "../files/summaryFixture";

const score = scoreReturn(TRUSTS, { profile: "dec-2023" });
const sheet = figuresSheet(score, true);

function figure(label: string): { value: FigureCell | undefined; format: string | null } {
  const row = sheet.rows.findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`no figure ${label}`);
  return { value: sheet.rows[row]?.[1], format: figureFormat(sheet, row, 1) };
}

describe("figuresSheet (Write Summary)", () => {
  it("writes money, shares, scores and dates as values under the template Summary's formats", () => {
    expect(sheet.name).toBe(SCORES_SHEET);
    expect(figure("Total cost (£)")).toEqual({ value: score.funding.totalCost, format: MONEY_FORMAT });
    expect(figure("Funding gap (£)")).toEqual({ value: score.funding.gap, format: MONEY_FORMAT });
    expect(figure("Installed share")).toEqual({ value: score.coverage.installedShare, format: "0.0%" });
    expect(figure("Covered share")).toEqual({ value: score.coverage.coveredShare, format: "0.0%" });
    // Unrounded: the format shows one decimal place, the cell keeps the figure.
    expect(figure("Convergence score (now)")).toEqual({ value: score.convergence.now.score, format: "0.0" });
    expect(figure("HHI (target)")).toEqual({ value: score.convergence.target.hhi, format: "0.0000" });
    expect(figure("Effective systems (now)")).toEqual({ value: score.convergence.now.effective, format: "0.00" });
    expect(figure("Target date")).toEqual({ value: dateFromIso(score.coverage.asOf), format: DATE_FORMAT });
    expect(figure("Trusts")).toEqual({ value: score.trusts, format: null });
  });

  it("each Summary figure has exactly the format of its cell on the template's Summary sheet", () => {
    const template = new Map(buildSummarySheet().cells.map((c) => [c.address, c.numFmt ?? null]));
    for (const label of SUMMARY_LABELS) expect([label, figure(label).format]).toEqual([label, template.get(summaryCell(label))]);
  });

  it("writes yes/no figures as Yes and No, not TRUE/FALSE", () => {
    expect(figure("Target met").value).toBe(score.coverage.met ? "Yes" : "No");
    expect(figure("Weighted by beds").value).toBe("Yes");
    expect(figuresSheet(score, false).rows).toContainEqual(["Weighted by beds", "No"]);
    expect(sheet.rows.flat().some((v) => typeof v === "boolean")).toBe(false);
  });

  it("writes the 90% date as a date, or a blank cell when there is none", () => {
    const { value, format } = figure("Date 90% installed");
    if (score.coverage.date90 === null) expect(value).toBeNull();
    else expect({ value, format }).toEqual({ value: dateFromIso(score.coverage.date90), format: DATE_FORMAT });
    const none = figuresSheet({ ...score, coverage: { ...score.coverage, date90: null } }, false);
    expect(none.rows).toContainEqual(["Date 90% installed", null]);
  });

  it("every figure shown as money, a share, a decimal or a date in the pane has a format on the sheet", () => {
    const unformatted = sheet.rows
      .map((row, r) => ({ label: String(row[0]), format: figureFormat(sheet, r, 1) }))
      .filter(({ label, format }) => figureKind(label) !== "count" && figureKind(label) !== "text" && format === null);
    expect(unformatted).toEqual([]);
    // Labels never get a format.
    expect(sheet.rows.map((_, r) => figureFormat(sheet, r, 0)).filter((f) => f !== null)).toEqual([]);
  });
});

describe("figure cells (every gateway)", () => {
  it("a Date is a day, a figure that cannot be computed or an invalid Date is blank, anything else as it is", () => {
    expect(figureInput(dateFromIso("2023-12-31"))).toEqual({ kind: "day", iso: "2023-12-31" });
    expect(figureInput(new Date(Number.NaN))).toEqual({ kind: "blank" });
    expect(figureInput(Number.NaN)).toEqual({ kind: "blank" });
    expect(figureInput(Number.NEGATIVE_INFINITY)).toEqual({ kind: "blank" });
    expect(figureInput(null)).toEqual({ kind: "blank" });
    expect(figureInput(0)).toEqual({ kind: "value", value: 0 });
    expect(figureInput("")).toEqual({ kind: "value", value: "" });
    expect(figureInput("2023-12-31")).toEqual({ kind: "value", value: "2023-12-31" });
  });

  it("a Date without a format gets dd/mm/yyyy; a given format wins; a sheet without formats has none", () => {
    const figures = { name: "F", rows: [[dateFromIso("2024-01-01"), dateFromIso("2024-01-01"), 1]], numberFormats: [[null, "d mmm yyyy"]] };
    expect([0, 1, 2].map((c) => figureFormat(figures, 0, c))).toEqual([DATE_FORMAT, "d mmm yyyy", null]);
    expect(hasFigureFormats(figures)).toBe(true);
    expect(hasFigureFormats({ name: "F", rows: [["a", 1]] })).toBe(false);
  });

  it("the Export's sheet stays text: no formats, every field a string or blank", () => {
    const csv = "\uFEFFTrust code,Beds,Go-live date,Total cost (£)\r\nRYJ,1000,2021-05-01,52100000\r\n";
    const exported = exportSheet(csv);
    expect(hasFigureFormats(exported)).toBe(false);
    expect(exported.rows[1]).toEqual(["RYJ", "1000", "2021-05-01", "52100000"]);
  });
});
