/** Issues grouped for display: one group per sheet row, titled with the trust's name where there is one. */
import type { Issue } from "../core/issues";
import type { TrustRow } from "../core/schema";
import type { CellWrite } from "./gateway";

export interface IssueGroup {
  readonly key: string;
  readonly title: string;
  readonly issues: readonly Issue[];
}

function groupTitle(issue: Issue, trusts: ReadonlyMap<number, TrustRow>, headerRow: number | null, trustSheet: string): string {
  if (issue.sheet !== trustSheet) return `${issue.sheet} sheet, row ${issue.row}`;
  if (issue.row === headerRow) return `Row ${issue.row}: headers`;
  const trust = trusts.get(issue.row);
  const name = trust?.trustName ?? "(no trust name)";
  const code = trust?.trustCode ? ` (${trust.trustCode})` : "";
  return `Row ${issue.row}: ${name}${code}`;
}

/** Groups in the order the issues come (they are sorted by row), one per sheet and row. */
export function groupIssues(issues: readonly Issue[], trusts: readonly TrustRow[], headerRow: number | null, trustSheet: string): IssueGroup[] {
  const byRow = new Map(trusts.map((t) => [t.row, t]));
  const groups = new Map<string, { title: string; issues: Issue[] }>();
  for (const issue of issues) {
    const key = `${issue.sheet}!${issue.row}`;
    const group = groups.get(key);
    if (group) group.issues.push(issue);
    else groups.set(key, { title: groupTitle(issue, byRow, headerRow, trustSheet), issues: [issue] });
  }
  return [...groups].map(([key, g]) => ({ key, title: g.title, issues: g.issues }));
}

/** A fix the user can apply: an issue that says what to write (see review/fixes.ts for which do). */
export type FixableIssue = Issue & { readonly replacement: string | number | boolean };

/** The kinds of issue a Fix can correct: a non-standard spelling, a month-first date, a number typed as text. */
const FIXABLE_CODES: ReadonlySet<Issue["code"]> = new Set(["non_canonical", "invalid_date", "number_as_text"]);

/**
 * Whether the issue carries the value to write: the core's `non_canonical` replacement, or one worked out by
 * review/fixes.ts withSuggestedFixes (which the task pane runs over each check's issues).
 */
export function isFixable(issue: Issue): issue is FixableIssue {
  const r = issue.replacement;
  return FIXABLE_CODES.has(issue.code) && (typeof r === "string" || typeof r === "number" || typeof r === "boolean");
}

/**
 * The fixes of an open preview that still apply after a new check: those whose issue is still there with the same
 * value and replacement (taken from the new check). The user may have corrected a cell by hand meanwhile.
 */
export function stillPending(pending: readonly FixableIssue[], current: readonly Issue[]): FixableIssue[] {
  const keyOf = (fix: FixableIssue): string => JSON.stringify([fix.sheet, fix.cell, fix.code, fix.value, fix.replacement]);
  const byKey = new Map<string, FixableIssue>();
  for (const issue of current) if (isFixable(issue) && !byKey.has(keyOf(issue))) byKey.set(keyOf(issue), issue);
  return pending.flatMap((fix) => byKey.get(keyOf(fix)) ?? []);
}

/** Issues' cells per sheet, each issue made into what a gateway call takes (a write, a mark), in the issues' order. */
export function bySheet<I extends Issue, T>(issues: readonly I[], toItem: (issue: I) => T): Map<string, T[]> {
  const sheets = new Map<string, T[]>();
  for (const issue of issues) {
    const items = sheets.get(issue.sheet) ?? [];
    items.push(toItem(issue));
    sheets.set(issue.sheet, items);
  }
  return sheets;
}

export function fixWritesBySheet(fixes: readonly FixableIssue[]): Map<string, CellWrite[]> {
  return bySheet(fixes, (fix) => ({ address: fix.cell, value: fix.replacement }));
}
