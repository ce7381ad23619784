/**
 * The validation stamp sheet over exceljs: the rows the core's layout gives (src/core/stamp/sheetLayout.ts),
 * on a very hidden sheet that replaces an earlier one in its place, as `epr-return stamp` writes it.
 */
import type ExcelJS from "exceljs";
import { STAMP_SHEET } from "../../core/returnSheets";
import type { StampSheetCell } from "../../app/gateway";
import { sameSheetName } from "./sheets";

export function writeStampRows(workbook: ExcelJS.Workbook, rows: readonly (readonly StampSheetCell[])[]): void {
  const existing = workbook.worksheets.find((ws) => sameSheetName(ws.name, STAMP_SHEET));
  if (existing) workbook.removeWorksheet(existing.id);
  const ws = workbook.addWorksheet(STAMP_SHEET, { state: "veryHidden" });
  for (const row of rows) ws.addRow([...row]);
}
