/**
 * Field hashes: which values of a row (or of the ICS details) changed since the stamp. The row hash says
 * whether a row changed; these say which of its fields did. Each field's canonical text (./canonical) is hashed
 * and the first FIELD_HASH_DIGITS hex digits kept, concatenated in column order: 80 digits for a trust row.
 *
 * Short on purpose: a field that changed keeps its digits by chance once in 65,536 times, and then the row is
 * still reported changed (its full hash differs), only without the field's name. Longer digits would cost every
 * stamp sheet more without telling the user more. The stamp keeps no values, so the old value cannot be shown.
 */
import { COLUMN_KEYS, type ColumnKey } from "../columns";
import type { IcsDetails, TrustRow } from "../schema";
import { canonicalIcsFields, canonicalRowFields, ICS_KEYS } from "./canonical";
import { Sha256 } from "./hash";

export const FIELD_HASH_DIGITS = 4;

/** The length of a trust row's field hashes, and of the ICS details'. */
export const ROW_FIELD_HASH_LENGTH = COLUMN_KEYS.length * FIELD_HASH_DIGITS;
export const ICS_FIELD_HASH_LENGTH = ICS_KEYS.length * FIELD_HASH_DIGITS;

function fieldHashes(texts: readonly string[]): string {
  return texts.map((text) => new Sha256().update(text).digestHex().slice(0, FIELD_HASH_DIGITS)).join("");
}

export function rowFieldHashes(trust: TrustRow): string {
  return fieldHashes(canonicalRowFields(trust));
}

export function icsFieldHashes(ics: IcsDetails): string {
  return fieldHashes(canonicalIcsFields(ics));
}

/** The keys whose hashes differ, in order; null when the two cannot be compared (different lengths). */
function changedKeys<K>(keys: readonly K[], stamped: string, now: string): K[] | null {
  if (stamped.length !== keys.length * FIELD_HASH_DIGITS || now.length !== stamped.length) return null;
  return keys.filter((_, i) => {
    const at = i * FIELD_HASH_DIGITS;
    return stamped.slice(at, at + FIELD_HASH_DIGITS) !== now.slice(at, at + FIELD_HASH_DIGITS);
  });
}

export function changedColumns(stamped: string, now: string): ColumnKey[] | null {
  return changedKeys(COLUMN_KEYS, stamped, now);
}

export function changedIcsKeys(stamped: string, now: string): (keyof IcsDetails)[] | null {
  return changedKeys(ICS_KEYS, stamped, now);
}
