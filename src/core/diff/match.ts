/**
 * Which trust row of the old return is which of the new: matched by trust code only (a code changed counts as one
 * trust removed and another added). A code on several rows of a return is matched in order, the first with the
 * first; so are the rows with no readable code, so that a return compared with itself shows no change.
 */
import type { TrustRow } from "../schema";
import type { RepeatedCode } from "./types";

export interface TrustPair {
  readonly old: TrustRow;
  readonly new: TrustRow;
}

export interface Pairing {
  /** In the new return's row order. */
  readonly pairs: readonly TrustPair[];
  /** New rows with no old row of their code, in the new return's order. */
  readonly added: readonly TrustRow[];
  /** Old rows with no new row of their code, in the old return's order. */
  readonly removed: readonly TrustRow[];
  /** Codes on more than one row of either return, and the rows with no code, in order of first appearance. */
  readonly repeated: readonly RepeatedCode[];
}

function countByCode(rows: readonly TrustRow[], counts: Map<string | null, { old: number; new: number }>, side: "old" | "new"): void {
  for (const row of rows) {
    const entry = counts.get(row.trustCode) ?? { old: 0, new: 0 };
    entry[side] += 1;
    counts.set(row.trustCode, entry);
  }
}

export function pairTrusts(oldRows: readonly TrustRow[], newRows: readonly TrustRow[]): Pairing {
  // The old rows of each code, in order; matching takes them from the front.
  const waiting = new Map<string | null, TrustRow[]>();
  for (const row of oldRows) {
    const queue = waiting.get(row.trustCode);
    if (queue) queue.push(row);
    else waiting.set(row.trustCode, [row]);
  }
  const pairs: TrustPair[] = [];
  const added: TrustRow[] = [];
  const matched = new Set<TrustRow>();
  for (const row of newRows) {
    const match = waiting.get(row.trustCode)?.shift();
    if (match) {
      pairs.push({ old: match, new: row });
      matched.add(match);
    } else added.push(row);
  }
  const counts = new Map<string | null, { old: number; new: number }>();
  countByCode(oldRows, counts, "old");
  countByCode(newRows, counts, "new");
  const repeated = [...counts]
    .filter(([code, n]) => code === null || n.old > 1 || n.new > 1)
    .map(([trustCode, n]): RepeatedCode => ({ trustCode, old: n.old, new: n.new }));
  return { pairs, added, removed: oldRows.filter((row) => !matched.has(row)), repeated };
}
