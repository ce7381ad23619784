/** Comparing a return's data with its stamp, naming the rows that changed and, where the stamp can tell, their fields. */
import type { ColumnKey } from "../columns";
import type { IcsDetails, TrustRow } from "../schema";
import { canonicalIcs, canonicalReturnPieces } from "./canonical";
import { changedColumns, changedIcsKeys, icsFieldHashes, rowFieldHashes } from "./fieldHashes";
import { sha256Hex, sha256HexOfPieces } from "./hash";
import { rowStamps, type RowStamp, type Stamp, type StampedData } from "./stamp";

/** A field that changed, with its value now (the stamp keeps no values: what it was cannot be known). */
export interface FieldChange<K extends string = ColumnKey> {
  readonly key: K;
  /** The canonical value now (dates `YYYY-MM-DD`); null when blank. */
  readonly now: string | number | null;
}

export interface ChangedRow {
  /** Sheet row now. */
  readonly row: number;
  readonly trustCode: string | null;
  /** Sheet row and trust code when stamped (they differ when rows moved or the code itself was edited). */
  readonly stampedRow: number;
  readonly stampedTrustCode: string | null;
  /**
   * The fields that changed, in column order; null when the stamp cannot tell (made before stamps had field
   * hashes, or, once in 65,536 changes, a field whose short hash came out the same).
   */
  readonly fields: readonly FieldChange[] | null;
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
  /** When the ICS details changed: which of them; null when the stamp cannot tell (or the ICS sheet was added or is gone). */
  readonly icsFields: readonly FieldChange<keyof IcsDetails>[] | null;
  /** Same rows and values, in another order (the stamp covers the order too). */
  readonly orderChanged: boolean;
}

interface Pair {
  readonly stamped: RowStamp;
  readonly now: RowStamp;
}

/** The fields of a changed row, from the stamp's field hashes; null when it cannot tell. */
function changedFields(stamped: RowStamp, trust: TrustRow | undefined): FieldChange[] | null {
  if (stamped.fields === undefined || trust === undefined) return null;
  const keys = changedColumns(stamped.fields, rowFieldHashes(trust));
  return keys === null || keys.length === 0 ? null : keys.map((key) => ({ key, now: trust[key] }));
}

function changedIcsFields(stamp: Stamp, ics: IcsDetails | null): FieldChange<keyof IcsDetails>[] | null {
  if (stamp.icsFields === undefined || ics === null) return null;
  const keys = changedIcsKeys(stamp.icsFields, icsFieldHashes(ics));
  return keys === null || keys.length === 0 ? null : keys.map((key) => ({ key, now: ics[key] }));
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
  // Field hashes only for the rows that changed: comparing a return that matches costs no more than before.
  const now = await rowStamps(data.trusts, { fields: false });
  const trustOf = new Map<RowStamp, TrustRow>();
  now.forEach((rowStamp, i) => {
    const trust = data.trusts[i];
    if (trust) trustOf.set(rowStamp, trust);
  });
  const { pairs, removed, added } = pairRows(stamp.rows, now);
  const changedRows = pairs
    .filter((p) => p.stamped.sha256 !== p.now.sha256)
    .map((p): ChangedRow => ({
      row: p.now.row, trustCode: p.now.trustCode, stampedRow: p.stamped.row, stampedTrustCode: p.stamped.trustCode,
      fields: changedFields(p.stamped, trustOf.get(p.now)),
    }))
    .sort((a, b) => a.row - b.row);
  const matches = (await sha256HexOfPieces(canonicalReturnPieces(data.ics, data.trusts))) === stamp.sha256;
  const icsChanged = (await sha256Hex(canonicalIcs(data.ics))) !== stamp.icsSha256;
  return {
    status: matches ? "match" : "changed",
    changedRows,
    addedRows: added.map(ref),
    removedRows: removed.map(ref),
    icsChanged,
    icsFields: icsChanged ? changedIcsFields(stamp, data.ics) : null,
    orderChanged: !matches && reordered(pairs, stamp.rows, now),
  };
}

