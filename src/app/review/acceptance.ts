/**
 * Warnings the user has looked at and accepted ("a quarter date is all we know"), as Excel's error checking lets
 * one ignore an error. Stored in the workbook (settings sheet, ACCEPTED_WARNINGS_SETTING), so every host and the
 * next session see them. An acceptance names the sheet, cell, kind and the value the cell held: when the value
 * changes the warning is a new one and the acceptance lapses (a renamed sheet lapses it too, as the record is
 * keyed by name). Errors cannot be accepted: they stop the return being sent. Pure.
 */
import { ISSUE_CODES, type Issue, type IssueCode, type IssueValue } from "../../core/issues";

export const ACCEPTED_WARNINGS_SETTING = "eprReturn.acceptedWarnings";

export interface AcceptedWarning {
  readonly sheet: string;
  readonly cell: string;
  readonly code: IssueCode;
  readonly value: IssueValue;
  /** When it was accepted: an ISO 8601 timestamp. */
  readonly at: string;
}

/** Acceptances by acceptanceKey. */
export type Acceptances = ReadonlyMap<string, AcceptedWarning>;

export const NO_ACCEPTANCES: Acceptances = new Map();

type Accepting = Pick<AcceptedWarning, "sheet" | "cell" | "code" | "value">;

/** Sheet, cell, kind and value: JSON, so that no sheet name (which may hold `!` or `|`) can make two keys meet. */
export function acceptanceKey({ sheet, cell, code, value }: Accepting): string {
  return JSON.stringify([sheet, cell, code, value]);
}

const CODES: ReadonlySet<string> = new Set(ISSUE_CODES);

/**
 * One stored entry, checked field by field (by hand rather than with zod: this module is in the pane's first
 * download, which the build keeps free of zod); null when it does not parse.
 */
function parseAccepted(entry: unknown): AcceptedWarning | null {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return null;
  const { sheet, cell, code, value, at } = entry as Record<string, unknown>;
  if (typeof sheet !== "string" || typeof cell !== "string" || typeof at !== "string") return null;
  if (typeof code !== "string" || !CODES.has(code)) return null;
  if (!(value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)))) return null;
  return { sheet, cell, code: code as IssueCode, value, at };
}

/** The stored value read back; entries that do not parse (another version, a hand edit) are left out. */
export function readAcceptances(stored: unknown): Acceptances {
  if (!Array.isArray(stored)) return NO_ACCEPTANCES;
  const acceptances = new Map<string, AcceptedWarning>();
  for (const entry of stored) {
    const parsed = parseAccepted(entry);
    if (parsed !== null) acceptances.set(acceptanceKey(parsed), parsed);
  }
  return acceptances;
}

/** The value saveSetting stores (null when there are none, which removes the setting). */
export function storedAcceptances(acceptances: Acceptances): AcceptedWarning[] | null {
  return acceptances.size === 0 ? null : [...acceptances.values()];
}

export function canAccept(issue: Issue): boolean {
  return issue.severity === "warning";
}

export function isAccepted(acceptances: Acceptances, issue: Issue): boolean {
  return canAccept(issue) && acceptances.has(acceptanceKey(issue));
}

/** With the warning accepted at `at`; an error is refused (it must be corrected). */
export function withAccepted(acceptances: Acceptances, issue: Issue, at: string): Acceptances {
  if (!canAccept(issue)) throw new Error(`${issue.sheet}!${issue.cell} is an error, not a warning: correct it rather than accept it.`);
  const next = new Map(acceptances);
  const entry: AcceptedWarning = { sheet: issue.sheet, cell: issue.cell, code: issue.code, value: issue.value, at };
  next.set(acceptanceKey(entry), entry);
  return next;
}

export function withoutAccepted(acceptances: Acceptances, accepted: Accepting): Acceptances {
  const next = new Map(acceptances);
  next.delete(acceptanceKey(accepted));
  return next;
}

/**
 * Without the acceptances that have lapsed on the checked sheets (no warning there matches them any more: the
 * value changed, or the cell is fine now), so the record does not grow for ever. Other sheets' are kept.
 */
export function withoutLapsed(acceptances: Acceptances, issues: readonly Issue[], checkedSheets: readonly string[]): Acceptances {
  const current = new Set(issues.filter(canAccept).map(acceptanceKey));
  const checked = new Set(checkedSheets);
  const next = new Map<string, AcceptedWarning>();
  for (const [key, entry] of acceptances) if (!checked.has(entry.sheet) || current.has(key)) next.set(key, entry);
  return next;
}

export interface AcceptedIssue {
  readonly issue: Issue;
  readonly acceptance: AcceptedWarning;
}

/** The issues still to deal with, and the accepted warnings with when they were accepted; in the issues' order. */
export function splitAccepted(issues: readonly Issue[], acceptances: Acceptances): { open: Issue[]; accepted: AcceptedIssue[] } {
  const open: Issue[] = [];
  const accepted: AcceptedIssue[] = [];
  for (const issue of issues) {
    const acceptance = canAccept(issue) ? acceptances.get(acceptanceKey(issue)) : undefined;
    if (acceptance === undefined) open.push(issue);
    else accepted.push({ issue, acceptance });
  }
  return { open, accepted };
}
