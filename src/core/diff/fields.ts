/**
 * The fields of one trust that changed between two returns, compared as the core reads them (spec section 5):
 * "31/03/2025" typed as text and a date cell holding the same day are the same date, "Cerner" and "Oracle Health"
 * the same supplier, "£18m" and 18000000 the same amount.
 */
import { COLUMN_KEYS, columnDef, type ColumnKey } from "../columns";
import { serialFromIso, type IsoDate } from "../dates";
import { ICS_LABELS, type IcsDetails, type TrustRow } from "../schema";
import { directionOf, hasProgression } from "./progress";
import type { FieldChange, FieldValue, IcsChange } from "./types";

/** Every column but the code (trusts are matched by it, so it never differs within a pair). */
const COMPARED: readonly ColumnKey[] = COLUMN_KEYS.filter((key) => key !== "trustCode");

/** b − a in whole days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return serialFromIso(b) - serialFromIso(a);
}

function fieldChange(column: ColumnKey, old: FieldValue, now: FieldValue): FieldChange {
  const base = { column, old, new: now };
  const type = columnDef(column).type;
  if (type === "date") return typeof old === "string" && typeof now === "string" ? { ...base, days: daysBetween(old, now) } : base;
  if (type === "money") return { ...base, change: (typeof now === "number" ? now : 0) - (typeof old === "number" ? old : 0) };
  if (hasProgression(column)) return { ...base, direction: directionOf(column, old, now) };
  return base;
}

/** The changed fields of a matched pair, in column order (none when the rows hold the same values). */
export function changedFields(old: TrustRow, now: TrustRow): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const column of COMPARED) {
    if (old[column] !== now[column]) changes.push(fieldChange(column, old[column], now[column]));
  }
  return changes;
}

/** In the ICS sheet's order. */
const ICS_FIELDS = Object.keys(ICS_LABELS) as (keyof IcsDetails)[];

/** The ICS details that changed; a return without an ICS sheet has every detail blank. */
export function changedIcsDetails(old: IcsDetails | null, now: IcsDetails | null): IcsChange[] {
  const changes: IcsChange[] = [];
  for (const field of ICS_FIELDS) {
    const before = old?.[field] ?? null;
    const after = now?.[field] ?? null;
    if (before === after) continue;
    const dated = field === "submissionDate" && before !== null && after !== null;
    changes.push(dated ? { field, old: before, new: after, days: daysBetween(before, after) } : { field, old: before, new: after });
  }
  return changes;
}
