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
 * programs, never evaluated as formulas. But bidirectional controls and the line and paragraph separators
 * (../quote.ts BIDI_AND_SEPARATORS), which JSON.stringify leaves raw, are written as `\u202e`-style escapes:
 * the text parses back exactly, and no viewer of the file is shown reordered or broken lines.
 */
import { COLUMN_KEYS } from "../columns";
import type { ColumnKey } from "../columns";
import { BIDI_AND_SEPARATORS } from "../quote";
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

/** `\u202e`: the JSON escape of one UTF-16 code unit. */
const jsonEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * JSON text with the invisible controls escaped. They can only stand inside strings (JSON.stringify never
 * writes them as whitespace), where an escape means the same character.
 */
export function escapeInvisibleControls(json: string): string {
  return json.replace(BIDI_AND_SEPARATORS, jsonEscape);
}

/** Nested JSON.stringify output moved right by `depth` levels of two spaces. Newlines only occur between tokens: in strings they are escaped. */
const indented = (json: string, depth: number): string => json.replace(/\n/g, `\n${"  ".repeat(depth)}`);

/**
 * The JSON a trust at a time, exactly as JSON.stringify(exportDocument(…), null, 2) would write it: a return
 * whose cells repeat a long text would make one string too long for JavaScript.
 */
export function* exportJsonPieces(trusts: readonly TrustRow[], ics?: IcsDetails): Generator<string> {
  const head = `{\n  "format": ${JSON.stringify(EXPORT_FORMAT)},\n  "ics": ${indented(JSON.stringify(ics ?? null, null, 2), 1)},\n  "trusts": `;
  if (trusts.length === 0) {
    yield escapeInvisibleControls(`${head}[]\n}\n`);
    return;
  }
  yield escapeInvisibleControls(`${head}[\n`);
  for (const [index, trust] of trusts.entries()) {
    const separator = index === trusts.length - 1 ? "\n" : ",\n";
    yield escapeInvisibleControls(`    ${indented(JSON.stringify(exportedTrust(trust), null, 2), 2)}${separator}`);
  }
  yield "  ]\n}\n";
}

export function exportJson(trusts: readonly TrustRow[], ics?: IcsDetails): string {
  return [...exportJsonPieces(trusts, ics)].join("");
}
