/** How many issues of each severity and of each kind a report has: the summary above the list. Pure. */
import type { Issue, IssueCode, Severity } from "../../core/issues";
import { ISSUE_CODE_LABELS } from "./codeLabels";

export interface SeverityCounts {
  readonly errors: number;
  readonly warnings: number;
}

export function countBySeverity(issues: readonly Issue[]): SeverityCounts {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}

export interface CodeCount {
  readonly code: IssueCode;
  readonly label: string;
  readonly count: number;
  /** "error" when any issue of this kind is an error (too_long and inconsistent can be either). */
  readonly severity: Severity;
}

/** One entry per kind of issue present: errors' kinds first, then the larger counts, then by name. */
export function countByCode(issues: readonly Issue[]): CodeCount[] {
  const counts = new Map<IssueCode, { count: number; severity: Severity }>();
  for (const issue of issues) {
    const entry = counts.get(issue.code);
    if (entry === undefined) counts.set(issue.code, { count: 1, severity: issue.severity });
    else {
      entry.count++;
      if (issue.severity === "error") entry.severity = "error";
    }
  }
  const rank = (severity: Severity): number => (severity === "error" ? 0 : 1);
  return [...counts]
    .map(([code, { count, severity }]) => ({ code, label: ISSUE_CODE_LABELS[code], count, severity }))
    .sort((a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count || a.label.localeCompare(b.label));
}
