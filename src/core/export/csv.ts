/**
 * The return's canonical data as CSV, for people and tools that do not read .xlsx.
 *
 * Format:
 * - UTF-8 text starting with a byte-order mark (U+FEFF) so that Excel opens "£" correctly;
 * - lines end with CRLF (RFC 4180), the last one included;
 * - row 1 holds the template headers of spec section 3 in order (`COLUMNS`); when ICS details are given,
 *   two more columns follow them, `ICS name` and `ICB ODS code`, repeated on every row, so that returns
 *   from several ICSs can be concatenated and still be told apart;
 * - one line per trust row: canonical spellings, dates `YYYY-MM-DD`, numbers as plain numbers, blank as empty;
 * - a field holding a comma, a double quote, CR or LF is quoted, with quotes doubled;
 * - formula injection: text starting with `=`, `+`, `-`, `@`, tab, CR or LF is prefixed with `'` and quoted,
 *   so a spreadsheet program shows it as text instead of running it. Numbers are never prefixed: money and
 *   beds are never negative, so a number cannot start with `-`.
 */
import { COLUMNS } from "../columns";
import type { IcsDetails, TrustRow } from "../schema";
import { ICS_LABELS } from "../schema";

const BOM = "\uFEFF";
const LINE_END = "\r\n";
const FORMULA_TRIGGERS = /^[=+\-@\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text made safe to open in a spreadsheet program: quoted when needed, formula triggers neutralised. */
export function csvText(text: string): string {
  const inert = FORMULA_TRIGGERS.test(text) ? `'${text}` : text;
  const mustQuote = inert !== text || NEEDS_QUOTES.test(inert);
  return mustQuote ? `"${inert.replace(/"/g, '""')}"` : inert;
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return csvText(value);
}

export function exportCsv(trusts: readonly TrustRow[], ics?: IcsDetails): string {
  const headers: string[] = COLUMNS.map((c) => c.header);
  if (ics) headers.push(ICS_LABELS.icsName, ICS_LABELS.icbCode);
  const lines = [headers.map(csvText).join(",")];
  for (const trust of trusts) {
    const fields = COLUMNS.map((c) => csvField(trust[c.key]));
    if (ics) fields.push(csvField(ics.icsName), csvField(ics.icbCode));
    lines.push(fields.join(","));
  }
  return BOM + lines.map((line) => line + LINE_END).join("");
}
