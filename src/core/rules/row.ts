/** Everything found on one trust row: its reading notes and the row rules. */
import { readingMessage } from "../catalogue";
import { COLUMN_KEYS, type ColumnKey } from "../columns";
import { ROW_RULES } from "./table";
import type { Finding, ReadRow, RowFinding, SheetContext } from "./types";

/** Where a column's cells are: the 1-based sheet column of its header. */
export type ColumnOf = (key: ColumnKey) => number | undefined;

/** Places a finding on the row's cell for its column; a rule on a column the sheet lacks lands on the row's first cell. */
export function placeRowFinding(f: RowFinding, columnOf: ColumnOf, firstCol: number): Finding {
  return {
    row: f.row.row, col: columnOf(f.column) ?? firstCol, column: f.column, code: f.code,
    severity: f.severity, message: f.message, value: f.row.cell(f.column),
  };
}

function readingFindings(row: ReadRow, ctx: SheetContext, columnOf: ColumnOf): Finding[] {
  return COLUMN_KEYS.flatMap((key) => {
    const col = columnOf(key);
    if (col === undefined) return [];
    const cell = row.cell(key);
    return row.fields[key].notes.map((note): Finding => {
      const finding: Finding = {
        row: row.row, col, column: key, code: note.code, severity: note.severity,
        message: readingMessage(note, ctx.header(key), cell), value: cell,
      };
      return note.code === "non_canonical" ? { ...finding, replacement: note.detail.canonical } : finding;
    });
  });
}

function ruleFindings(row: ReadRow, ctx: SheetContext): RowFinding[] {
  const rowCtx = { ...ctx, ...row };
  return ROW_RULES.filter((rule) => rule.applies(rowCtx)).map((rule) => ({
    row, column: rule.column, code: rule.code, severity: rule.severity, message: rule.message(rowCtx),
  }));
}

export function findingsOfRow(row: ReadRow, ctx: SheetContext, columnOf: ColumnOf, firstCol: number): Finding[] {
  return [...readingFindings(row, ctx, columnOf), ...ruleFindings(row, ctx).map((f) => placeRowFinding(f, columnOf, firstCol))];
}
