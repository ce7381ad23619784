/**
 * A data table: a caption, column headers (th scope="col"), and a first column of row headers (th scope="row").
 * Cells are plain text, escaped here; numeric columns are right-aligned so that figures line up.
 */
import { escapeHtml } from "./escape";

export interface Column {
  readonly header: string;
  readonly numeric?: boolean;
}

export interface TableRows {
  readonly caption: string;
  readonly columns: readonly Column[];
  /** One array of cell texts per row, as many as the columns; the first is the row's header. */
  readonly rows: readonly (readonly string[])[];
  /** A class for the table (styles.ts). */
  readonly className?: string;
}

const cellClass = (column: Column | undefined): string => (column?.numeric ? ' class="num"' : "");

export function dataTable(table: TableRows): string {
  const head = table.columns.map((c) => `<th scope="col"${cellClass(c)}>${escapeHtml(c.header)}</th>`).join("");
  const body = table.rows.map((row) => {
    const cells = row.map((text, i) => (i === 0
      ? `<th scope="row">${escapeHtml(text)}</th>`
      : `<td${cellClass(table.columns[i])}>${escapeHtml(text)}</td>`));
    return `<tr>${cells.join("")}</tr>`;
  }).join("\n");
  return `<table${table.className ? ` class="${escapeHtml(table.className)}"` : ""}><caption>${escapeHtml(table.caption)}</caption>`
    + `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
