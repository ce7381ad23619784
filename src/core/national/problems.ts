/** What a national report must point out (docs/national.md): trusts in two returns, returns unread, returns with errors. */
import type { DuplicateTrust, NationalProblems, ReturnSummary, ReturnWithErrors, TrustPlace, UnreadableReturn } from "./types";

/**
 * Trust codes found in more than one return, in code order, each with every place it appears. A code twice in the
 * same return is that return's own `duplicate` error (already counted in its errors), so only codes spanning returns
 * are listed here. Both rows stay in every figure: the report cannot know which return is right.
 */
export function duplicateTrusts(returns: readonly ReturnSummary[]): DuplicateTrust[] {
  const places = new Map<string, TrustPlace[]>();
  const files = new Map<string, Set<string>>();
  for (const r of returns) {
    for (const trust of r.trusts) {
      if (trust.trustCode === null) continue;
      const list = places.get(trust.trustCode) ?? [];
      list.push({ file: r.file, row: trust.row });
      places.set(trust.trustCode, list);
      const seen = files.get(trust.trustCode) ?? new Set<string>();
      seen.add(r.file);
      files.set(trust.trustCode, seen);
    }
  }
  return [...places]
    .filter(([code]) => (files.get(code)?.size ?? 0) > 1)
    .map(([trustCode, at]) => ({ trustCode, places: at }))
    .sort((a, b) => (a.trustCode < b.trustCode ? -1 : a.trustCode > b.trustCode ? 1 : 0));
}

export function nationalProblems(returns: readonly ReturnSummary[], unreadable: readonly UnreadableReturn[]): NationalProblems {
  const withErrors: ReturnWithErrors[] = returns
    .filter((r) => r.errors > 0)
    .map(({ file, icsName, errors, warnings }) => ({ file, icsName, errors, warnings }));
  return { duplicateTrusts: duplicateTrusts(returns), unreadable: [...unreadable], withErrors };
}
