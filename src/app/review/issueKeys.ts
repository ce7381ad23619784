/** Names for one issue: which list entry it is (issueKey) and where it is in the sheet (issueCellName). Pure. */
import type { Issue } from "../../core/issues";

/**
 * One issue of one check, told apart from the others: two issues of a cell differ by code or, for the same code
 * (two rules on one cell), by message. Stable across checks while the issue stays the same, so the list can keep
 * its place (the current issue, an open fix preview) when a live check replaces it.
 */
export function issueKey(issue: Issue): string {
  return JSON.stringify([issue.sheet, issue.cell, issue.code, issue.message]);
}

/** `Trusts!G5`, as the pane names a cell. */
export function issueCellName(issue: Issue): string {
  return `${issue.sheet}!${issue.cell}`;
}
