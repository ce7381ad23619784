/**
 * The national report as a workbook (OUT.xlsx, docs/national.md): National, ICSs, Trusts, Suppliers, Problems.
 * Native formulas where a formula can say the figure, with their results cached so that programs that do not
 * recalculate show them too; formats as on the template's Summary sheet.
 */
import ExcelJS from "exceljs";
import type { NationalReport, ReturnSummary } from "../../core/national";
import { writeIcssSheet } from "./icssSheet";
import { writeNationalSheet } from "./nationalSheet";
import { writeProblemsSheet } from "./problemsSheet";
import { writeSuppliersSheet } from "./suppliersSheet";
import { writeTrustsSheet } from "./trustsSheet";

export { REPORT_SHEETS } from "./layout";

/** returns: the readable returns the report was made from, in its order (their rows fill the Trusts sheet). */
export function reportWorkbook(report: NationalReport, returns: readonly ReturnSummary[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "EPR Return";
  // Every formula's ranges end at the last trust row.
  const trustRows = returns.reduce((n, r) => n + r.trusts.length, 0);
  writeNationalSheet(wb, report, trustRows);
  writeIcssSheet(wb, report, trustRows);
  writeTrustsSheet(wb, returns, { profile: report.profile, asOf: report.asOf });
  writeSuppliersSheet(wb, report.suppliers, trustRows);
  writeProblemsSheet(wb, report.problems);
  // The cached results are the core's; a program that recalculates gets the same from the formulas.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return wb;
}
