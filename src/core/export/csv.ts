/**
 * The return's canonical data as CSV, for people and tools that do not read .xlsx.
 *
 * Format:
 * - UTF-8 text starting with a byte-order mark (U+FEFF) so that Excel opens "£" correctly;
 * - lines end with CRLF (RFC 4180), the last one included;
 * - row 1 holds the template headers of spec section 3 in order (`COLUMNS`); when ICS details are given,
 *   two more columns follow them, `ICS name` and `ICB ODS code`, repeated on every row, so that returns
 *   from several ICSs can be concatenated and still be told apart;
 * - one line per trust row: canonical spellings, dates `YYYY-MM-DD`, numbers as plain numbers, blank as empty.
 *
 * Inert in every list-separator locale (docs/security.md "CSV export and formula injection"). Excel splits
 * a CSV line on the list separator of the user's locale: `,` in the UK, `;` in much of Europe, tab when
 * pasted. In a `;` locale our commas and quotes are ordinary characters, so a field `x;=cmd|…` would be
 * cut at the `;` and its second piece evaluated. Hence, for text fields:
 * - a field holding `,` `;` tab `"` CR or LF is quoted, with quotes doubled (one field whatever the separator
 *   when the reader honours quotes);
 * - formula injection: every piece of the field that starts, after any separator (`,` `;` tab CR LF) and
 *   any spaces or double quotes, with `=`, `+`, `-` or `@` gets a `'` at its start, and so does a field
 *   starting with tab, CR or LF; the field is then quoted. A spreadsheet shows such a piece as text instead
 *   of running it, whichever separator it splits on (OWASP's CSV injection advice, applied per piece);
 * - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and the line and
 *   paragraph separators (U+2028, U+2029) are replaced by the visible text `<U+202E>`: a spreadsheet shows
 *   them invisibly, reordering what the reader sees (a name that reads differently from what it is). No
 *   return value needs them; the JSON export keeps them exactly, as `\u202e` escapes.
 * Numbers are written as numbers and never prefixed: a spreadsheet reads `-5` as minus five, not a formula.
 */
import { COLUMNS } from "../columns";
import { BIDI_AND_SEPARATORS, visibleCodePoint } from "../quote";
import type { IcsDetails, TrustRow } from "../schema";
import { ICS_LABELS } from "../schema";

const BOM = "\uFEFF";
const LINE_END = "\r\n";
/** A field starting with one of these is run by some spreadsheet programs (a formula, or a formula after trimming). */
const LEADING_CONTROL = /^[\t\r\n]/;
/**
 * The start of each piece a spreadsheet could make a cell of (the field's start, or just after a separator)
 * whose text, after spaces and double quotes, is a formula trigger. Spaces here are whitespace other than the
 * separators tab, CR and LF, which start pieces of their own.
 */
const PIECE_WITH_TRIGGER = /(^|[,;\t\r\n])(?=(?:[^\S\t\r\n]|")*[=+\-@])/g;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Text made safe to open in a spreadsheet program: invisible controls shown, formula triggers neutralised, quoted when needed. */
export function csvText(text: string): string {
  const visible = text.replace(BIDI_AND_SEPARATORS, visibleCodePoint);
  const pieces = visible.replace(PIECE_WITH_TRIGGER, "$1'");
  const inert = LEADING_CONTROL.test(pieces) ? `'${pieces}` : pieces;
  const mustQuote = inert !== visible || NEEDS_QUOTES.test(inert);
  return mustQuote ? `"${inert.replace(/"/g, '""')}"` : inert;
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return csvText(value);
}

/**
 * The CSV a line at a time (the byte-order mark first): a return whose cells repeat a long text would
 * make one string too long for JavaScript, where each line stays as long as the row's own data.
 */
export function* exportCsvPieces(trusts: readonly TrustRow[], ics?: IcsDetails): Generator<string> {
  const headers: string[] = COLUMNS.map((c) => c.header);
  if (ics) headers.push(ICS_LABELS.icsName, ICS_LABELS.icbCode);
  yield BOM + headers.map(csvText).join(",") + LINE_END;
  // The ICS fields are the same on every row: made safe once.
  const icsFields = ics ? [csvField(ics.icsName), csvField(ics.icbCode)] : [];
  for (const trust of trusts) {
    const fields = COLUMNS.map((c) => csvField(trust[c.key]));
    yield [...fields, ...icsFields].join(",") + LINE_END;
  }
}

export function exportCsv(trusts: readonly TrustRow[], ics?: IcsDetails): string {
  return [...exportCsvPieces(trusts, ics)].join("");
}
