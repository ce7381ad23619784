/** Sheet names and the fixed shape of the template (spec section 2), shared by every part of it. */
import { COLUMN_KEYS, type ColumnKey } from "../columns";
import { columnLetters, parseAddress } from "../cells";

export const SHEET = {
  guidance: "Guidance",
  ics: "ICS",
  trusts: "Trusts",
  lists: "Lists",
  summary: "Summary",
  /** Hidden helper sheet: one row of intermediate figures per Trusts data row. */
  calc: "Calc",
} as const;

/** Trusts data rows the validations and the Summary formulas cover. */
export const FIRST_DATA_ROW = 2;
export const LAST_DATA_ROW = 1001;
export const DATA_ROW_CAPACITY = LAST_DATA_ROW - FIRST_DATA_ROW + 1;

/** Dates the template's date validations accept (spec 5: outside this is out_of_range). */
export const DATE_MIN = "1990-01-01";
export const DATE_MAX = "2040-12-31";

/** UK day-first display for date cells. */
export const DATE_FORMAT = "dd/mm/yyyy";
export const MONEY_FORMAT = '"£"#,##0';

/** Column letter of a Trusts column, e.g. `supplier` → `E`. */
export function trustsColumn(key: ColumnKey): string {
  return columnLetters(COLUMN_KEYS.indexOf(key) + 1);
}

/** A whole-column data range on Trusts, e.g. `E2:E1001`. */
export function trustsDataRange(key: ColumnKey): string {
  const col = trustsColumn(key);
  return `${col}${FIRST_DATA_ROW}:${col}${LAST_DATA_ROW}`;
}

/** `B6` → `$B$6`. */
export function absolute(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`not an A1 address: ${address}`);
  return `$${columnLetters(parsed.col)}$${parsed.row}`;
}
