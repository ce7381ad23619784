/**
 * The canonical form of a return's data, the text the validation stamp hashes.
 *
 * Exactly:
 * - a trust row is a JSON object with the 20 column keys of spec section 3, in template (column) order,
 *   and nothing else: the sheet row number is left out, so inserting or deleting a blank row above
 *   changes nothing;
 * - each value is the canonical value the reading rules give (`TrustRow`): enum and supplier values in
 *   their canonical spelling, trust codes upper case, text trimmed, dates `YYYY-MM-DD` strings, money and
 *   beds JSON numbers, blank or unreadable `null`;
 * - numbers are first rounded to 15 significant digits (what Excel and LibreOffice keep of a double) and
 *   -0 becomes 0, so a file re-saved by another spreadsheet program hashes the same;
 * - the ICS details are a JSON object with the keys of `ICS_LABELS` in order (icsName, icbCode, contactName,
 *   contactEmail, submissionDate, targetProfile), or `null` when the workbook has no `ICS` sheet;
 * - the whole return is `{"format":"epr-stamp/1","ics":…,"trusts":[…rows in sheet order…]}`;
 * - JSON.stringify without spaces; strings are UTF-16 as read, escaped the JSON way, then hashed as UTF-8.
 *
 * A field's canonical text (what its field hash covers, ./fieldHashes) is its value's JSON alone, the same
 * text it has inside the row's: `"2025-06-30"`, `52100000`, `null`.
 */
import { COLUMN_KEYS } from "../columns";
import { ICS_LABELS, type IcsDetails, type TrustRow } from "../schema";

export const CANONICAL_FORMAT = "epr-stamp/1";

type CanonicalValue = string | number | null;

/** The ICS details' keys in label order (the canonical order). */
export const ICS_KEYS = Object.keys(ICS_LABELS) as (keyof IcsDetails)[];

/** 15 significant digits, and no negative zero. */
export function canonicalNumber(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`cannot stamp the number ${value}`);
  const rounded = Number(value.toPrecision(15));
  return rounded === 0 ? 0 : rounded;
}

function canonicalValue(value: string | number | null): CanonicalValue {
  return typeof value === "number" ? canonicalNumber(value) : value;
}

function trustObject(trust: TrustRow): Record<string, CanonicalValue> {
  // Keys are inserted in column order, and JSON.stringify keeps insertion order.
  const object: Record<string, CanonicalValue> = {};
  for (const key of COLUMN_KEYS) object[key] = canonicalValue(trust[key]);
  return object;
}

function icsObject(ics: IcsDetails): Record<string, CanonicalValue> {
  const object: Record<string, CanonicalValue> = {};
  for (const key of ICS_KEYS) object[key] = canonicalValue(ics[key]);
  return object;
}

/** Each of the row's 20 fields as canonical JSON, in column order. */
export function canonicalRowFields(trust: TrustRow): string[] {
  return COLUMN_KEYS.map((key) => JSON.stringify(canonicalValue(trust[key])));
}

/** Each of the ICS details as canonical JSON, in label order. */
export function canonicalIcsFields(ics: IcsDetails): string[] {
  return ICS_KEYS.map((key) => JSON.stringify(canonicalValue(ics[key])));
}

export function canonicalRow(trust: TrustRow): string {
  return JSON.stringify(trustObject(trust));
}

export function canonicalIcs(ics: IcsDetails | null): string {
  return JSON.stringify(ics === null ? null : icsObject(ics));
}

/**
 * The canonical return in pieces whose concatenation is canonicalReturn's text, byte for byte (what
 * JSON.stringify gives for the object `{format, ics, trusts}`): hashed piece by piece, the whole is never built.
 */
export function* canonicalReturnPieces(ics: IcsDetails | null, trusts: readonly TrustRow[]): Generator<string, void, undefined> {
  yield `{"format":${JSON.stringify(CANONICAL_FORMAT)},"ics":${canonicalIcs(ics)},"trusts":[`;
  for (let i = 0; i < trusts.length; i++) {
    const row = canonicalRow(trusts[i] as TrustRow);
    yield i === 0 ? row : `,${row}`;
  }
  yield "]}";
}

/** The canonical return as one text; for tests and small returns (the stamp hashes canonicalReturnPieces). */
export function canonicalReturn(ics: IcsDetails | null, trusts: readonly TrustRow[]): string {
  return [...canonicalReturnPieces(ics, trusts)].join("");
}
