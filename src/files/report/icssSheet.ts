/**
 * The ICSs sheet: one row per readable return, sortable and filterable (an autofilter), the returns that do not
 * meet the target marked (a conditional format). Trusts, shares, target met and funding asked are formulas over
 * the Trusts rows of the return's file; counts, stamp, scores and dates are values. With `--previous`, the changes
 * since each ICS's previous return follow at the right (values; blank where no previous return was matched).
 */
import type ExcelJS from "exceljs";
import type { IcsFigures, NationalReport } from "../../core/national";
import { dateValue, DATE_FORMAT, EFFECTIVE_FORMAT, MONEY_FORMAT, SCORE_FORMAT, setFormula, setValue, SHARE_FORMAT, writeHeaders, yesNo } from "./cells";
import { FIRST_ROW, lastRowFor, nationalCell, REPORT_SHEETS } from "./layout";
import { TrustSums } from "./trustSums";

export const ICS_HEADERS = [
  "File", "ICS name", "ICB code", "Region", "Trusts", "Errors", "Warnings", "Stamp", "Installed share", "Covered share", "Target met",
  "Convergence score (now)", "Convergence score (target)", "Effective systems (now)", "Effective systems (target)",
  "National funding requested (£)", "Submission date",
] as const;
const col = (header: (typeof ICS_HEADERS)[number]): number => ICS_HEADERS.indexOf(header) + 1;

/** The `--previous` columns, after ICS_HEADERS, with their widths. */
export const SINCE_PREVIOUS_HEADERS = [
  "Previous return", "Target dates slipped", "Median slip (days)", "Score change (now)", "Score change (target)", "National funding change (£)",
] as const;
const SINCE_PREVIOUS_WIDTHS = [28, 10, 10, 10, 10, 15];
/** Whole days and trusts. */
const WHOLE_FORMAT = "0";

function writeSincePrevious(ws: ExcelJS.Worksheet, row: number, ics: IcsFigures): void {
  const since = ics.sincePrevious;
  if (since === undefined || since.previousFile === null) return;
  const first = ICS_HEADERS.length + 1;
  setValue(ws, row, first, since.previousFile);
  setValue(ws, row, first + 1, since.targetDatesSlipped, WHOLE_FORMAT);
  setValue(ws, row, first + 2, since.medianSlipDays, WHOLE_FORMAT);
  setValue(ws, row, first + 3, since.scoreNowChange, SCORE_FORMAT);
  setValue(ws, row, first + 4, since.scoreTargetChange, SCORE_FORMAT);
  setValue(ws, row, first + 5, since.nationalFundingChange, MONEY_FORMAT);
}

/** Excel's own "light red fill with dark red text". */
const OFF_TRACK_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } },
  font: { color: { argb: "FF9C0006" } },
};

function writeRow(ws: ExcelJS.Worksheet, row: number, ics: IcsFigures, sums: TrustSums): void {
  const at = (header: (typeof ICS_HEADERS)[number]) => ws.getCell(row, col(header)).address;
  const mine = sums.where("file", `$A${row}`);
  setValue(ws, row, col("File"), ics.file);
  setValue(ws, row, col("ICS name"), ics.icsName);
  setValue(ws, row, col("ICB code"), ics.icbCode);
  setValue(ws, row, col("Region"), ics.region);
  setFormula(ws, row, col("Trusts"), sums.count(mine), ics.trusts);
  setValue(ws, row, col("Errors"), ics.errors);
  setValue(ws, row, col("Warnings"), ics.warnings);
  setValue(ws, row, col("Stamp"), ics.stamp);
  const trusts = at("Trusts");
  setFormula(ws, row, col("Installed share"), `IF(${trusts}=0,0,${sums.sum("installed", mine)}/${trusts})`, ics.installedShare, SHARE_FORMAT);
  setFormula(ws, row, col("Covered share"), `IF(${trusts}=0,0,(${sums.sum("installed", mine)}+${sums.sum("implementing", mine)})/${trusts})`, ics.coveredShare, SHARE_FORMAT);
  setFormula(
    ws, row, col("Target met"),
    `IF(AND(${trusts}>0,${at("Installed share")}>=${nationalCell("minInstalled")},${at("Covered share")}>=${nationalCell("minCovered")}),"Yes","No")`,
    yesNo(ics.met),
  );
  setValue(ws, row, col("Convergence score (now)"), ics.scoreNow, SCORE_FORMAT);
  setValue(ws, row, col("Convergence score (target)"), ics.scoreTarget, SCORE_FORMAT);
  setValue(ws, row, col("Effective systems (now)"), ics.effectiveNow, EFFECTIVE_FORMAT);
  setValue(ws, row, col("Effective systems (target)"), ics.effectiveTarget, EFFECTIVE_FORMAT);
  setFormula(ws, row, col("National funding requested (£)"), sums.sum("nationalFunding", mine), ics.nationalFunding, MONEY_FORMAT);
  setValue(ws, row, col("Submission date"), dateValue(ics.submissionDate), DATE_FORMAT);
  writeSincePrevious(ws, row, ics);
}

export function writeIcssSheet(wb: ExcelJS.Workbook, report: NationalReport, trustRows: number): void {
  const ws = wb.addWorksheet(REPORT_SHEETS.icss);
  const previous = report.previous !== undefined;
  const headers: readonly string[] = previous ? [...ICS_HEADERS, ...SINCE_PREVIOUS_HEADERS] : ICS_HEADERS;
  writeHeaders(ws, 1, headers, [28, 28, 9, 22, 8, 8, 9, 10, 10, 10, 8, 11, 11, 10, 10, 15, 12, ...(previous ? SINCE_PREVIOUS_WIDTHS : [])]);
  const sums = new TrustSums(trustRows);
  report.icss.forEach((ics, i) => writeRow(ws, FIRST_ROW + i, ics, sums));
  const last = lastRowFor(report.icss.length);
  const lastLetter = ws.getColumn(headers.length).letter;
  ws.autoFilter = `A1:${lastLetter}${last}`;
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
  const met = ws.getColumn(col("Target met")).letter;
  ws.addConditionalFormatting({
    ref: `A${FIRST_ROW}:${lastLetter}${last}`,
    rules: [{ type: "expression", priority: 1, formulae: [`$${met}${FIRST_ROW}="No"`], style: OFF_TRACK_STYLE }],
  });
}
