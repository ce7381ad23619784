/** A read trust row back as the cells of a template `Trusts` row (dates as Date cells), columns A..T. */
import type { CellValue } from "./cells";
import { COLUMN_KEYS, columnDef } from "./columns";
import { dateFromIso } from "./dates";
import type { TrustRow } from "./schema";

export function trustRowCells(row: TrustRow): CellValue[] {
  return COLUMN_KEYS.map((key) => {
    const value = row[key];
    if (value === null) return null;
    return columnDef(key).type === "date" && typeof value === "string" ? dateFromIso(value) : value;
  });
}
