/** The core's cell values as exceljs cell values (errors as exceljs error objects, blank as null). */
import type ExcelJS from "exceljs";
import { isErrorValue, type CellValue } from "../../core/cells";

export function toExcelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  // exceljs types the error codes as a closed union; it writes whatever code it is given.
  if (isErrorValue(value)) return { error: value.code as ExcelJS.CellErrorValue["error"] };
  return value;
}
