/** Everything found on one trust row: its reading notes and the row rules. */
import { readingMessage } from "../catalogue";
import { COLUMN_KEYS, type ColumnKey } from "../columns";
import { ROW_RULES } from "./table";
import type { Finding, ReadRow, RowContext, RowFinding, SheetContext } from "./types";

/** Where a column's cells are: the 1-based sheet column of its header. */
export type ColumnOf = (key: ColumnKey) => number | undefined;

/** Places a finding on the row's cell for its column; a rule on a column the sheet lacks lands on the row's first cell. */
export function placeRowFinding(f: RowFinding, columnOf: ColumnOf, firstCol: number): Finding {
  return {
    row: f.row.row, col: columnOf(f.column) ?? firstCol, column: f.column, code: f.code,
    severity: f.severity, message: f.message, value: f.row.cell(f.column),
  };
}

/** The reading notes of the row's cells, in template column order. Loops rather than flatMap: this runs for every row. */
function pushReadingFindings(out: Finding[], row: ReadRow, ctx: SheetContext, columnOf: ColumnOf): void {
  for (const key of COLUMN_KEYS) {
    const notes = row.fields[key].notes;
    if (notes.length === 0) continue;
    const col = columnOf(key);
    if (col === undefined) continue;
    const cell = row.cell(key);
    for (const note of notes) {
      const finding: Finding = {
        row: row.row, col, column: key, code: note.code, severity: note.severity,
        message: readingMessage(note, ctx.header(key), cell), value: cell,
      };
      out.push(note.code === "non_canonical" ? { ...finding, replacement: note.detail.canonical } : finding);
    }
  }
}

/** The rule table run over the row, in table order; a message is written only for a rule that applies. */
function pushRuleFindings(out: Finding[], row: ReadRow, ctx: SheetContext, columnOf: ColumnOf, firstCol: number): void {
  const rowCtx: RowContext = {
    submitted: ctx.submitted, header: ctx.header, hasColumn: ctx.hasColumn,
    row: row.row, trust: row.trust, fields: row.fields, cell: row.cell,
  };
  for (const rule of ROW_RULES) {
    if (!rule.applies(rowCtx)) continue;
    // Placed at once, as placeRowFinding would place it.
    out.push({
      row: row.row, col: columnOf(rule.column) ?? firstCol, column: rule.column, code: rule.code,
      severity: rule.severity, message: rule.message(rowCtx), value: row.cell(rule.column),
    });
  }
}

/** Appends the row's findings to out: its reading notes, then the row rules. */
export function pushFindingsOfRow(out: Finding[], row: ReadRow, ctx: SheetContext, columnOf: ColumnOf, firstCol: number): void {
  pushReadingFindings(out, row, ctx, columnOf);
  pushRuleFindings(out, row, ctx, columnOf, firstCol);
}

export function findingsOfRow(row: ReadRow, ctx: SheetContext, columnOf: ColumnOf, firstCol: number): Finding[] {
  const out: Finding[] = [];
  pushFindingsOfRow(out, row, ctx, columnOf, firstCol);
  return out;
}
