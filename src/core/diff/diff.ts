/** What changed between two submissions of the same return (docs/diff.md). Pure. */
import { DEFAULT_PROFILE } from "../profiles";
import type { IcsDetails, ProfileName, TrustRow } from "../schema";
import { changedFields, changedIcsDetails } from "./fields";
import { figureOf, headlineChange } from "./figures";
import { pairTrusts } from "./match";
import type { AddedTrust, DateSlip, DiffSummary, ReturnDiff, TrustChange, TrustRef } from "./types";

/** One submission: its trust rows as read (spec section 5) and its ICS details (null without an ICS sheet). */
export interface ReturnSide {
  readonly trusts: readonly TrustRow[];
  readonly ics: IcsDetails | null;
}

export interface DiffOptions {
  /** The profile both are scored against; by default the new return's, else the old one's, else dec-2023. */
  readonly profile?: ProfileName;
}

const ref = (row: TrustRow): TrustRef => ({ trustCode: row.trustCode, trustName: row.trustName, row: row.row });

/** The median of sorted whole days, a half rounded up; null for none. */
function medianDays(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : Math.round(((sorted[middle - 1] ?? 0) + upper) / 2);
}

function dateSlip(changed: readonly TrustChange[], column: DateSlip["column"]): DateSlip {
  const days = changed.flatMap((t) => t.fields.filter((f) => f.column === column && f.days !== undefined).map((f) => f.days ?? 0));
  const later = days.filter((d) => d > 0).sort((a, b) => a - b);
  return { column, slipped: later.length, medianDays: medianDays(later), broughtForward: days.filter((d) => d < 0).length };
}

function statusMoves(changed: readonly TrustChange[]): DiffSummary["status"] {
  const directions = changed.map((t) => t.fields.find((f) => f.column === "eprStatus")?.direction ?? null);
  return { progress: directions.filter((d) => d === "progress").length, regress: directions.filter((d) => d === "regress").length };
}

export function diffReturns(old: ReturnSide, now: ReturnSide, options: DiffOptions = {}): ReturnDiff {
  const { pairs, added, removed, repeated } = pairTrusts(old.trusts, now.trusts);
  const changedTrusts = pairs.flatMap((pair): TrustChange[] => {
    const fields = changedFields(pair.old, pair.new);
    return fields.length === 0 ? [] : [{ ...ref(pair.new), oldRow: pair.old.row, fields }];
  });
  // A removed trust of exactly the same name as an added one: perhaps a corrected code (said, never assumed).
  const removedByName = new Map<string, string>();
  for (const row of removed) if (row.trustName !== null && row.trustCode !== null && !removedByName.has(row.trustName)) removedByName.set(row.trustName, row.trustCode);
  const addedTrusts = added.map((row): AddedTrust => ({ ...ref(row), sameNameAs: row.trustName === null ? null : (removedByName.get(row.trustName) ?? null) }));
  const ics = changedIcsDetails(old.ics, now.ics);
  const profile = options.profile ?? now.ics?.targetProfile ?? old.ics?.targetProfile ?? DEFAULT_PROFILE;
  const headline = headlineChange(old.trusts, now.trusts, profile);
  const met = figureOf(headline, "coverage.met");
  const summary: DiffSummary = {
    matched: pairs.length,
    changed: changedTrusts.length,
    added: added.length,
    removed: removed.length,
    slips: [dateSlip(changedTrusts, "goLiveDate"), dateSlip(changedTrusts, "targetGoLiveDate")],
    status: statusMoves(changedTrusts),
    nationalFunding: figureOf(headline, "funding.nationalFunding")?.change ?? 0,
    met: { old: met?.old === true, new: met?.new === true },
    icsChanged: ics.length,
  };
  return {
    changed: changedTrusts.length > 0 || added.length > 0 || removed.length > 0 || ics.length > 0,
    trusts: { old: old.trusts.length, new: now.trusts.length },
    changedTrusts,
    added: addedTrusts,
    removed: removed.map(ref),
    repeatedCodes: repeated,
    ics,
    headline,
    summary,
  };
}
