/**
 * Narrowing a long report: by severity, by kind of issue (code) and by column. The column choices name the
 * columns as the user's sheet heads them ("Vendor (E)"), with how many issues each has. Pure.
 */
import { columnDef, columnIndex, type ColumnKey } from "../../core/columns";
import { columnLetters } from "../../core/cells";
import type { Issue, IssueCode, Severity } from "../../core/issues";
import type { ColumnMapping } from "../../core/results";

export interface IssueFilter {
  /** null: every severity. */
  readonly severity: Severity | null;
  /** null: every kind. */
  readonly code: IssueCode | null;
  /** A columnFilterId; null: every column. */
  readonly column: string | null;
}

export const NO_FILTER: IssueFilter = { severity: null, code: null, column: null };

export function isFiltered(filter: IssueFilter): boolean {
  return filter.severity !== null || filter.code !== null || filter.column !== null;
}

/**
 * Which column choice an issue falls under: its column; or, for an issue that names no column, the header row of
 * the trust sheet (an unknown header) or the other sheet it is on (the ICS sheet).
 */
export function columnFilterId(issue: Issue, trustSheet: string): string {
  if (issue.sheet !== trustSheet) return `sheet:${issue.sheet}`;
  return issue.column === null ? "headers" : `column:${issue.column}`;
}

export function filterIssues(issues: readonly Issue[], filter: IssueFilter, trustSheet: string): Issue[] {
  if (!isFiltered(filter)) return [...issues];
  return issues.filter(
    (issue) =>
      (filter.severity === null || issue.severity === filter.severity) &&
      (filter.code === null || issue.code === filter.code) &&
      (filter.column === null || columnFilterId(issue, trustSheet) === filter.column),
  );
}

export interface ColumnOption {
  readonly id: string;
  readonly label: string;
  readonly count: number;
}

interface Placed {
  readonly label: string;
  /** Other sheets first, then the header row, then the sheet's columns left to right, then missing columns. */
  readonly order: number;
}

function placeOf(issue: Issue, trustSheet: string, mapped: ReadonlyMap<ColumnKey, { text: string; col: number }>): Placed {
  if (issue.sheet !== trustSheet) return { label: `${issue.sheet} sheet`, order: 0 };
  const key = issue.column;
  if (key === null) return { label: "Header row", order: 1 };
  const header = mapped.get(key);
  if (header) return { label: `${header.text} (${columnLetters(header.col)})`, order: 2 + header.col };
  return { label: `${columnDef(key).header} (missing)`, order: 1_000_000 + columnIndex(key) };
}

/** The columns that have issues, in sheet order, each with its count. */
export function columnOptions(issues: readonly Issue[], trustSheet: string, mapping: ColumnMapping): ColumnOption[] {
  const counts = new Map<string, { first: Issue; count: number }>();
  for (const issue of issues) {
    const id = columnFilterId(issue, trustSheet);
    const entry = counts.get(id);
    if (entry === undefined) counts.set(id, { first: issue, count: 1 });
    else entry.count++;
  }
  // A column headed twice is read from its first header only (duplicate_column): name it by that one.
  const mapped = new Map<ColumnKey, { text: string; col: number }>();
  for (const h of mapping.headers) if (h.key !== null && !mapped.has(h.key)) mapped.set(h.key, { text: h.text, col: h.col });
  return [...counts]
    .map(([id, { first, count }]) => ({ id, count, ...placeOf(first, trustSheet, mapped) }))
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ id, label, count }) => ({ id, label, count }));
}
