/**
 * The National sheet: the target the figures are measured against (the cells every coverage formula reads), then
 * one row for England and one per region: formulas over Trusts where a formula can say it (counts, shares, target
 * met, sums), values where it cannot simply (date90, systems, effective systems, scores). Cached results throughout.
 */
import type ExcelJS from "exceljs";
import type { AreaFigures, NationalReport, RegionFigures } from "../../core/national";
import { dateValue, DATE_FORMAT, EFFECTIVE_FORMAT, MONEY_FORMAT, SCORE_FORMAT, setFormula, setValue, SHARE_FORMAT, writeHeaders, yesNo } from "./cells";
import { FIRST_ROW, lastRowFor, NATIONAL_CELLS, REPORT_SHEETS } from "./layout";
import { textLiteral, TrustSums } from "./trustSums";

/** The area table's headers, row AREA_HEADER_ROW. */
export const AREA_HEADERS = [
  "Area", "ICSs", "Trusts", "Installed", "Implementing", "Installed share", "Covered share", "Target met", "Date 90% installed",
  "Distinct systems (now)", "Distinct systems (target)", "Effective systems (now)", "Effective systems (target)",
  "Convergence score (now)", "Convergence score (target)", "Total cost (£)", "Local funding (£)", "National funding requested (£)", "Funding gap (£)",
] as const;
export const AREA_HEADER_ROW = 8;
export const ENGLAND = "England";
export const NO_REGION = "Region not given";

const PROFILE_FROM = { given: "as asked", returns: "named by most returns", default: "the default: no return names one" } as const;

function writeTarget(ws: ExcelJS.Worksheet, report: NationalReport, returns: number): void {
  const rows: readonly [string, ExcelJS.CellValue, string | undefined][] = [
    ["Target profile", report.profile, undefined],
    ["Target date", dateValue(report.asOf), DATE_FORMAT],
    ["Minimum installed share", report.minInstalledShare, SHARE_FORMAT],
    ["Minimum covered share", report.minCoveredShare, SHARE_FORMAT],
  ];
  rows.forEach(([label, value, numFmt], i) => {
    setValue(ws, i + 1, 1, label);
    ws.getCell(i + 1, 1).font = { bold: true };
    setValue(ws, i + 1, 2, value, numFmt);
  });
  setValue(ws, 1, 3, `(${PROFILE_FROM[report.profileFrom]})`);
  setValue(ws, 5, 1, "Returns read");
  setFormula(ws, 5, 2, `COUNTA(${REPORT_SHEETS.icss}!$A$${FIRST_ROW}:$A$${lastRowFor(returns)})`, returns);
  setValue(ws, 6, 1, "Returns not read");
  setValue(ws, 6, 2, report.problems.unreadable.length);
  for (const row of [5, 6]) ws.getCell(row, 1).font = { bold: true };
}

/** One row of the area table: its label, which rows it counts (null: all) and its figures. */
interface AreaRow {
  readonly label: string;
  /** A SUMPRODUCT factor over Trusts rows, and the text the ICSs sheet's Region column must equal; null for England. */
  readonly trustsWhere: string | null;
  readonly regionEquals: string | null;
  readonly figures: AreaFigures;
}

function writeArea(ws: ExcelJS.Worksheet, row: number, area: AreaRow, sums: TrustSums, returns: number): void {
  const at = (col: number) => ws.getCell(row, col).address;
  const f = area.figures;
  const where = area.trustsWhere;
  const icsFiles = `${REPORT_SHEETS.icss}!$A$${FIRST_ROW}:$A$${lastRowFor(returns)}`;
  const icsRegions = `${REPORT_SHEETS.icss}!$D$${FIRST_ROW}:$D$${lastRowFor(returns)}`;
  setValue(ws, row, 1, area.label);
  ws.getCell(row, 1).font = { bold: where === null };
  setFormula(ws, row, 2, area.regionEquals === null ? `COUNTA(${icsFiles})` : `SUMPRODUCT((${icsFiles}<>"")*(${icsRegions}=${area.regionEquals}))`, f.icss);
  setFormula(ws, row, 3, sums.count(where), f.trusts);
  setFormula(ws, row, 4, sums.sum("installed", where), f.installed);
  setFormula(ws, row, 5, sums.sum("implementing", where), f.implementing);
  setFormula(ws, row, 6, `IF(${at(3)}=0,0,${at(4)}/${at(3)})`, f.installedShare, SHARE_FORMAT);
  setFormula(ws, row, 7, `IF(${at(3)}=0,0,(${at(4)}+${at(5)})/${at(3)})`, f.coveredShare, SHARE_FORMAT);
  setFormula(ws, row, 8, `IF(AND(${at(3)}>0,${at(6)}>=${NATIONAL_CELLS.minInstalled},${at(7)}>=${NATIONAL_CELLS.minCovered}),"Yes","No")`, yesNo(f.met));
  setValue(ws, row, 9, dateValue(f.date90), DATE_FORMAT);
  setValue(ws, row, 10, f.systemsNow);
  setValue(ws, row, 11, f.systemsTarget);
  setValue(ws, row, 12, f.effectiveNow, EFFECTIVE_FORMAT);
  setValue(ws, row, 13, f.effectiveTarget, EFFECTIVE_FORMAT);
  setValue(ws, row, 14, f.scoreNow, SCORE_FORMAT);
  setValue(ws, row, 15, f.scoreTarget, SCORE_FORMAT);
  setFormula(ws, row, 16, sums.sum("totalCost", where), f.totalCost, MONEY_FORMAT);
  setFormula(ws, row, 17, sums.sum("localFunding", where), f.localFunding, MONEY_FORMAT);
  setFormula(ws, row, 18, sums.sum("nationalFunding", where), f.nationalFunding, MONEY_FORMAT);
  setFormula(ws, row, 19, `${at(16)}-${at(17)}-${at(18)}`, f.gap, MONEY_FORMAT);
}

/** The region's name as the Trusts and ICSs sheets hold it ("" for none: a blank cell equals ""). */
const regionLiteral = (r: RegionFigures): string => textLiteral(r.region ?? "");

export function writeNationalSheet(wb: ExcelJS.Workbook, report: NationalReport, trustRows: number): void {
  const ws = wb.addWorksheet(REPORT_SHEETS.national);
  const sums = new TrustSums(trustRows);
  const returns = report.icss.length;
  writeTarget(ws, report, returns);
  writeHeaders(ws, AREA_HEADER_ROW, AREA_HEADERS, [26, 14, 8, 10, 12, 10, 10, 8, 12, 10, 10, 10, 10, 11, 11, 15, 15, 15, 15]);
  writeArea(ws, AREA_HEADER_ROW + 1, { label: ENGLAND, trustsWhere: null, regionEquals: null, figures: report.national }, sums, returns);
  report.regions.forEach((region, i) => {
    const literal = regionLiteral(region);
    const row: AreaRow = { label: region.region ?? NO_REGION, trustsWhere: sums.where("region", literal), regionEquals: literal, figures: region };
    writeArea(ws, AREA_HEADER_ROW + 2 + i, row, sums, returns);
  });
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: AREA_HEADER_ROW }];
}
