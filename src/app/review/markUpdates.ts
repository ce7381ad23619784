/**
 * Marks that follow the check, as Excel's "Circle invalid data" drops a circle once its cell is valid: after each
 * check every sheet with issues gets its marks replaced (markCells replaces a sheet's earlier marks), and a sheet
 * marked before that has no issues now is cleared. A sheet whose marks would not change is left alone, so a check
 * after an edit that changed nothing costs no gateway call. One call per sheet, never one per cell. Pure.
 */
import type { CellMark } from "../gateway";
import type { Issue } from "../../core/issues";
import { marksBySheet, planMarks, type MarkRanges } from "../marks";

/** Per marked sheet, what its marks are (planMarks' ranges as JSON), to tell whether they would change. */
export type MarkedSheets = ReadonlyMap<string, string>;

export interface MarkUpdate {
  /** markCells calls: sheet and its marks. */
  readonly mark: readonly (readonly [string, readonly CellMark[]])[];
  /** clearMarks calls. */
  readonly clear: readonly string[];
  /** What is marked once every call has been made. */
  readonly after: MarkedSheets;
}

export function markFingerprint(marks: readonly CellMark[]): string {
  return JSON.stringify(planMarks(marks));
}

/**
 * The calls that bring the marks of the checked sheets in line with `issues` (a check's, less accepted warnings).
 * Sheets the check did not read (another trust sheet marked earlier) keep their marks. `force`: mark the checked
 * sheets even where the marks would not change (the Mark button, in case the user removed them by hand).
 */
export function planMarkUpdate(marked: MarkedSheets, issues: readonly Issue[], checked: readonly string[], force = false): MarkUpdate {
  const mark: [string, CellMark[]][] = [];
  const after = new Map(marked);
  const withIssues = marksBySheet(issues);
  for (const [sheet, marks] of withIssues) {
    const fingerprint = markFingerprint(marks);
    if (force || marked.get(sheet) !== fingerprint) mark.push([sheet, marks]);
    after.set(sheet, fingerprint);
  }
  const clear = checked.filter((sheet) => marked.has(sheet) && !withIssues.has(sheet));
  for (const sheet of clear) after.delete(sheet);
  return { mark, clear, after };
}

/**
 * The sheets the workbook's marks record (MARKS_SETTING, kept by every gateway's markCells) says are marked, as
 * MarkedSheets: after a reload the pane carries on keeping those marks up to date. Unreadable entries are left out.
 */
export function markedSheetsOf(record: unknown): MarkedSheets {
  const marked = new Map<string, string>();
  if (typeof record !== "object" || record === null || Array.isArray(record)) return marked;
  const valid = (list: unknown): list is string[] => Array.isArray(list) && list.every((r) => typeof r === "string");
  for (const [sheet, ranges] of Object.entries(record as Record<string, unknown>)) {
    if (typeof ranges !== "object" || ranges === null) continue;
    const { error, warning, changed } = ranges as Partial<Record<keyof MarkRanges, unknown>>;
    // A sheet marked by Compare (its changed cells) is not Validate's: the next check must not repaint it.
    if (valid(changed) && changed.length > 0) continue;
    if (valid(error) && valid(warning)) marked.set(sheet, JSON.stringify({ error, warning } satisfies MarkRanges));
  }
  return marked;
}
