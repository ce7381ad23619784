/** Turning findings into the Issues of spec section 6, in report order. */
import { cellAddress } from "../cells";
import { COLUMN_KEYS, type ColumnKey } from "../columns";
import type { Issue } from "../issues";
import { issueValueOf } from "../read/display";
import type { Finding } from "./types";

/** The column letters, worked out once per column rather than once per issue (Excel's columns: at most 16,384 entries). */
const lettersOf = new Map<number, string>();
const LAST_EXCEL_COLUMN = 16_384;

function addressOf(row: number, col: number): string {
  if (col > LAST_EXCEL_COLUMN) return cellAddress(row, col);
  let letters = lettersOf.get(col);
  if (letters === undefined) {
    // cellAddress(1, col) is the letters and "1": the letters alone are all but the last character.
    letters = cellAddress(1, col).slice(0, -1);
    lettersOf.set(col, letters);
  }
  return `${letters}${row}`;
}

export function toIssue(sheet: string, f: Finding): Issue {
  const cell = addressOf(f.row, f.col);
  const value = issueValueOf(f.value);
  // Built in one go (same key order as before) rather than copied to add the replacement.
  return f.replacement === undefined
    ? { sheet, cell, row: f.row, column: f.column, code: f.code, severity: f.severity, message: f.message, value }
    : { sheet, cell, row: f.row, column: f.column, code: f.code, severity: f.severity, message: f.message, value, replacement: f.replacement };
}

const TEMPLATE_ORDER: ReadonlyMap<ColumnKey, number> = new Map(COLUMN_KEYS.map((key, index) => [key, index]));

/** By row, then sheet column; on one cell (e.g. missing columns on the header row's first cell) in template column order. Stable otherwise. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const order = (f: Finding): number => (f.column === null ? -1 : (TEMPLATE_ORDER.get(f.column) ?? -1));
  return [...findings].sort((a, b) => a.row - b.row || a.col - b.col || order(a) - order(b));
}
