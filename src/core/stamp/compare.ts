/** Comparing a return's data with its stamp, naming the rows that changed. */
import { canonicalIcs, canonicalReturnPieces } from "./canonical";
import { sha256Hex, sha256HexOfPieces } from "./hash";
import { rowStamps, type RowStamp, type Stamp, type StampedData } from "./stamp";

export interface ChangedRow {
  /** Sheet row now. */
  readonly row: number;
  readonly trustCode: string | null;
  /** Sheet row and trust code when stamped (they differ when rows moved or the code itself was edited). */
  readonly stampedRow: number;
  readonly stampedTrustCode: string | null;
}

export interface RowRef {
  readonly row: number;
  readonly trustCode: string | null;
}

export interface StampComparison {
  readonly status: "match" | "changed";
  readonly changedRows: readonly ChangedRow[];
  /** Rows now that the stamp does not know (row numbers are current ones). */
  readonly addedRows: readonly RowRef[];
  /** Stamped rows that are gone (row numbers are the stamped ones). */
  readonly removedRows: readonly RowRef[];
  readonly icsChanged: boolean;
  /** Same rows and values, in another order (the stamp covers the order too). */
  readonly orderChanged: boolean;
}

interface Pair {
  readonly stamped: RowStamp;
  readonly now: RowStamp;
}

/**
 * Rows are paired by trust code first (the first unpaired row with the same code); a stamped row left
 * over is then paired with an unpaired row now at the same sheet row (its code was edited); what is
 * still left is removed (stamped) or added (now).
 */
function pairRows(stamped: readonly RowStamp[], now: readonly RowStamp[]): { pairs: Pair[]; removed: RowStamp[]; added: RowStamp[] } {
  const unpairedNow = new Set(now);
  const pairs: Pair[] = [];
  const leftOver: RowStamp[] = [];
  for (const s of stamped) {
    const match = s.trustCode === null ? undefined : now.find((n) => unpairedNow.has(n) && n.trustCode === s.trustCode);
    if (match) {
      unpairedNow.delete(match);
      pairs.push({ stamped: s, now: match });
    } else leftOver.push(s);
  }
  const removed: RowStamp[] = [];
  for (const s of leftOver) {
    const sameRow = now.find((n) => unpairedNow.has(n) && n.row === s.row);
    if (sameRow) {
      unpairedNow.delete(sameRow);
      pairs.push({ stamped: s, now: sameRow });
    } else removed.push(s);
  }
  return { pairs, removed, added: now.filter((n) => unpairedNow.has(n)) };
}

/** Whether the paired rows appear in a different order now than when stamped. */
function reordered(pairs: readonly Pair[], stamped: readonly RowStamp[], now: readonly RowStamp[]): boolean {
  const byStampedOrder = [...pairs].sort((a, b) => stamped.indexOf(a.stamped) - stamped.indexOf(b.stamped));
  return byStampedOrder.some((p, i) => i > 0 && now.indexOf(p.now) < now.indexOf(byStampedOrder[i - 1]?.now ?? p.now));
}

const ref = (r: RowStamp): RowRef => ({ row: r.row, trustCode: r.trustCode });

export async function compareWithStamp(stamp: Stamp, data: StampedData): Promise<StampComparison> {
  const now = await rowStamps(data.trusts);
  const { pairs, removed, added } = pairRows(stamp.rows, now);
  const changedRows = pairs
    .filter((p) => p.stamped.sha256 !== p.now.sha256)
    .map((p): ChangedRow => ({ row: p.now.row, trustCode: p.now.trustCode, stampedRow: p.stamped.row, stampedTrustCode: p.stamped.trustCode }))
    .sort((a, b) => a.row - b.row);
  const matches = (await sha256HexOfPieces(canonicalReturnPieces(data.ics, data.trusts))) === stamp.sha256;
  return {
    status: matches ? "match" : "changed",
    changedRows,
    addedRows: added.map(ref),
    removedRows: removed.map(ref),
    icsChanged: (await sha256Hex(canonicalIcs(data.ics))) !== stamp.icsSha256,
    orderChanged: !matches && reordered(pairs, stamp.rows, now),
  };
}

