/**
 * Consolidating trust returns into one ICS return: every source's trust rows, in the order given,
 * with duplicates (the same trust code twice) resolved by the user's choice.
 */
import type { ValidationResult } from "../results";
import type { TrustRow } from "../schema";

/**
 * What happens to a row whose trust code was already taken (from an earlier source or earlier in the same one):
 * - `keep`: the earlier row stays, the later one is skipped;
 * - `replace`: the later row takes the earlier one's place (same position in the merged order);
 * - `both`: both are kept, and validating the merged return flags `duplicate` on each.
 */
export const DUPLICATE_POLICIES = ["keep", "replace", "both"] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export interface MergeSource {
  /** Where the rows came from, e.g. `north.xlsx › Trusts`. */
  readonly source: string;
  readonly result: ValidationResult;
}

export interface MergedRow {
  readonly source: string;
  /** The row as read from its source (its `row` is the source sheet's row). */
  readonly trust: TrustRow;
}

/** A source row left out of the merged return, and why. */
export interface DroppedRow {
  readonly row: number;
  readonly trustCode: string;
  /** `kept-earlier`: skipped under `keep`; `replaced-by-later`: replaced under `replace`. */
  readonly reason: "kept-earlier" | "replaced-by-later";
  /** The source of the row that is in the merged return instead. */
  readonly instead: string;
}

export interface SourceSummary {
  readonly source: string;
  /** Trust rows the source has. */
  readonly rows: number;
  /** Of those, how many are in the merged return. */
  readonly taken: number;
  /** Of those, how many were dropped as duplicates (rows = taken + skipped). */
  readonly skipped: number;
  readonly dropped: readonly DroppedRow[];
  readonly errors: number;
  readonly warnings: number;
}

export interface MergeResult {
  readonly rows: readonly MergedRow[];
  readonly sources: readonly SourceSummary[];
}

interface Slot {
  /** Replaced in place under `replace`, so the merged order stays the order of first appearance. */
  row: MergedRow;
  /** Index of the source the row came from (a file given twice is two sources). */
  from: number;
}

/**
 * Merges the sources in the order given. A row whose trust code could not be read (null) is always
 * taken: there is nothing to compare, and validation reports it.
 */
export function mergeReturns(sources: readonly MergeSource[], onDuplicate: DuplicatePolicy): MergeResult {
  const slots: Slot[] = [];
  const byCode = new Map<string, Slot>();
  const dropped: DroppedRow[][] = sources.map(() => []);

  sources.forEach(({ source, result }, from) => {
    for (const trust of result.trusts) {
      const code = trust.trustCode;
      const earlier = code === null ? undefined : byCode.get(code);
      if (code === null || earlier === undefined || onDuplicate === "both") {
        const slot: Slot = { row: { source, trust }, from };
        slots.push(slot);
        if (code !== null && earlier === undefined) byCode.set(code, slot);
      } else if (onDuplicate === "keep") {
        dropped[from]?.push({ row: trust.row, trustCode: code, reason: "kept-earlier", instead: earlier.row.source });
      } else {
        dropped[earlier.from]?.push({ row: earlier.row.trust.row, trustCode: code, reason: "replaced-by-later", instead: source });
        earlier.row = { source, trust };
        earlier.from = from;
      }
    }
  });

  const summaries = sources.map(({ source, result }, index): SourceSummary => {
    const droppedHere = dropped[index] ?? [];
    return {
      source,
      rows: result.trusts.length,
      taken: result.trusts.length - droppedHere.length,
      skipped: droppedHere.length,
      dropped: droppedHere,
      errors: result.errors,
      warnings: result.warnings,
    };
  });
  return { rows: slots.map((s) => s.row), sources: summaries };
}
