/**
 * The return's canonical data as JSON.
 *
 * Format (pretty-printed with two spaces):
 * ```
 * {
 *   "format": "epr-return/1",
 *   "ics": { "icsName", "icbCode", "contactName", "contactEmail", "submissionDate", "targetProfile" } | null,
 *   "trusts": [ { "trustCode": "RYJ", ..., "notes": null }, ... ]
 * }
 * ```
 * Each trust object has exactly the 20 column keys of spec section 3, in template order: canonical spellings,
 * dates `YYYY-MM-DD`, money and beds as numbers, blank or unreadable as null. The sheet row number is left
 * out: it describes the workbook, not the return. Text is not neutralised as in the CSV: JSON is read by
 * programs, never evaluated as formulas.
 */
import { COLUMN_KEYS } from "../columns";
import type { ColumnKey } from "../columns";
import type { IcsDetails, TrustRow } from "../schema";

export const EXPORT_FORMAT = "epr-return/1";

export type ExportedTrust = { readonly [K in ColumnKey]: TrustRow[K] };

export interface ExportDocument {
  readonly format: typeof EXPORT_FORMAT;
  readonly ics: IcsDetails | null;
  readonly trusts: readonly ExportedTrust[];
}

function exportedTrust(trust: TrustRow): ExportedTrust {
  const entries = COLUMN_KEYS.map((key) => [key, trust[key]] as const);
  return Object.fromEntries(entries) as ExportedTrust;
}

export function exportDocument(trusts: readonly TrustRow[], ics?: IcsDetails): ExportDocument {
  return { format: EXPORT_FORMAT, ics: ics ?? null, trusts: trusts.map(exportedTrust) };
}

export function exportJson(trusts: readonly TrustRow[], ics?: IcsDetails): string {
  return JSON.stringify(exportDocument(trusts, ics), null, 2) + "\n";
}
