/**
 * The Trusts sheet: every trust row of every readable return with its ICS (the input of anyone's own analysis),
 * and four per-row figures as formulas over the row (cached values written too), which the other sheets add up.
 */
import type ExcelJS from "exceljs";
import { PLANS_CHANGING_SYSTEM } from "../../core/enums";
import { supplierAtTarget, supplierNow, trustCoverageAt, type NationalOptions, type ReturnSummary } from "../../core/national";
import { trustRowCells } from "../../core/rowCells";
import { COLUMNS } from "../../core/columns";
import { toExcelValue } from "../gateway/excelValue";
import { DATE_FORMAT, MONEY_FORMAT, setFormula, setValue, writeHeaders } from "./cells";
import { FIRST_ROW, nationalCell, REPORT_SHEETS, TRUSTS_COLUMNS, TRUSTS_HEADERS, TRUSTS_LEAD_HEADERS, trustsLetter } from "./layout";

const LIVE_OR_IMPLEMENTING = ["Live", "Implementing"] as const;
const anyOf = (cell: string, values: readonly string[]): string => `OR(${values.map((v) => `${cell}="${v}"`).join(",")})`;
/** 1 when the date cell holds a date on or before the target date (INT drops a time of day, as the core reads days). */
const byTarget = (cell: string): string => `IF(ISNUMBER(${cell}),IF(INT(${cell})<=${nationalCell("asOf")},1,0),0)`;

/** The per-row formulas of spec 7.1 and 7.3, as the template's Calc sheet has them, over the report's columns. */
function figureFormulas(r: number): readonly string[] {
  const c = (key: Parameters<typeof trustsLetter>[0]) => `$${trustsLetter(key)}${r}`;
  const liveOrImplementing = anyOf(c("eprStatus"), LIVE_OR_IMPLEMENTING);
  return [
    `IF(${c("eprStatus")}="Live",${c("supplier")}&"","")`,
    `IF(${anyOf(c("plan"), PLANS_CHANGING_SYSTEM)},${c("targetSupplier")}&"",IF(${liveOrImplementing},${c("supplier")}&"",""))`,
    `IF(${liveOrImplementing},${byTarget(c("goLiveDate"))},${byTarget(c("targetGoLiveDate"))})`,
    `IF($${TRUSTS_COLUMNS.installed}${r}=1,0,IF(${liveOrImplementing},1,${byTarget(c("contractAwardDate"))}))`,
  ];
}

export function writeTrustsSheet(wb: ExcelJS.Workbook, returns: readonly ReturnSummary[], options: NationalOptions): void {
  const ws = wb.addWorksheet(REPORT_SHEETS.trusts);
  const widths = [28, 28, 20, ...COLUMNS.map((c) => (c.type === "date" ? 12 : c.type === "money" ? 14 : c.key === "trustName" ? 36 : 14)), 16, 16, 12, 12];
  writeHeaders(ws, 1, TRUSTS_HEADERS, widths);
  const lead = TRUSTS_LEAD_HEADERS.length;
  let r = FIRST_ROW;
  for (const ret of returns) {
    for (const trust of ret.trusts) {
      setValue(ws, r, 1, ret.file);
      setValue(ws, r, 2, ret.icsName);
      setValue(ws, r, 3, ret.region);
      trustRowCells(trust).forEach((value, i) => {
        const type = COLUMNS[i]?.type;
        setValue(ws, r, lead + i + 1, toExcelValue(value), type === "date" ? DATE_FORMAT : type === "money" ? MONEY_FORMAT : undefined);
      });
      const flags = trustCoverageAt(trust, options);
      const cached = [supplierNow(trust) ?? "", supplierAtTarget(trust) ?? "", flags.installed ? 1 : 0, flags.implementing ? 1 : 0];
      figureFormulas(r).forEach((formula, i) => setFormula(ws, r, lead + COLUMNS.length + i + 1, formula, cached[i] ?? ""));
      r++;
    }
  }
  ws.views = [{ state: "frozen", xSplit: lead, ySplit: 1 }];
  ws.autoFilter = `A1:${TRUSTS_COLUMNS.implementing}${Math.max(r - 1, 1)}`;
}

