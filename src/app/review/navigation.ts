/**
 * Next and Previous issue, as Excel's error checking steps through a sheet: in list order, wrapping round at the
 * ends. When the current issue has gone (fixed, and the list re-checked), Next goes to the one that took its place
 * and Previous to the one before. Pure.
 */

export interface IssuePlace {
  /** The current issue's issueKey. */
  readonly key: string;
  /** Where it was in the list when it became current. */
  readonly index: number;
}

export type Direction = "next" | "previous";

/** The index of the issue to go to among `keys` (the list's issueKeys, in order), or null when the list is empty. */
export function stepIssue(keys: readonly string[], current: IssuePlace | null, direction: Direction): number | null {
  const count = keys.length;
  if (count === 0) return null;
  const wrap = (i: number): number => ((i % count) + count) % count;
  if (current === null) return direction === "next" ? 0 : count - 1;
  const at = keys.indexOf(current.key);
  if (at >= 0) return wrap(direction === "next" ? at + 1 : at - 1);
  return wrap(direction === "next" ? current.index : current.index - 1);
}
