/** Turning findings into the Issues of spec section 6, in report order. */
import { cellAddress } from "../cells";
import { columnIndex } from "../columns";
import type { Issue } from "../issues";
import { issueValueOf } from "../read/display";
import type { Finding } from "./types";

export function toIssue(sheet: string, f: Finding): Issue {
  const issue: Issue = {
    sheet, cell: cellAddress(f.row, f.col), row: f.row, column: f.column,
    code: f.code, severity: f.severity, message: f.message, value: issueValueOf(f.value),
  };
  return f.replacement === undefined ? issue : { ...issue, replacement: f.replacement };
}

/** By row, then sheet column; on one cell (e.g. missing columns on the header row's first cell) in template column order. Stable otherwise. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const order = (f: Finding): number => (f.column === null ? -1 : columnIndex(f.column));
  return [...findings].sort((a, b) => a.row - b.row || a.col - b.col || order(a) - order(b));
}
