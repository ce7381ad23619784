/**
 * Splitting .csv text into records and fields as RFC 4180 says and Excel reads it: fields in double quotes may
 * hold separators, line ends and doubled quotes; records end at CRLF, LF or CR. One pass over the text with
 * indexOf and slices, so time is linear in its length and a huge field is just one long string.
 *
 * Where the RFC is silent, Excel's behaviour is kept:
 * - a quote inside an unquoted field is an ordinary character (`5" disk` stays as written);
 * - text after a closing quote, up to the next separator, is appended (`"abc"def` is `abcdef`);
 * - a quote left open at the end of the file takes everything after it, line ends included, into that one
 *   field (Excel and LibreOffice do the same), so a damaged file still shows what it holds.
 * Line ends inside a quoted field become LF, as Excel stores a line break typed into a cell.
 */
import { overLimit } from "./budget";

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The index of the next separator or line end at or after `from` (text.length when none). */
function fieldEnd(text: string, from: number, separator: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === separator || ch === LF || ch === CR) return i;
    i++;
  }
  return n;
}

function withLfLineEnds(value: string): string {
  return value.includes("\r") ? value.replace(/\r\n?/g, "\n") : value;
}

/** A quoted field whose opening quote is at `open`: its value and the index just past it. */
function quotedField(text: string, open: number, separator: number): { value: string; next: number } {
  const chunks: string[] = [];
  let chunkStart = open + 1;
  let i = chunkStart;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) {
      // Never closed: the rest of the file is this field (see above).
      chunks.push(text.slice(chunkStart));
      return { value: withLfLineEnds(chunks.join("")), next: text.length };
    }
    if (text.charCodeAt(quote + 1) === QUOTE) {
      chunks.push(text.slice(chunkStart, quote + 1));
      i = quote + 2;
      chunkStart = i;
      continue;
    }
    chunks.push(text.slice(chunkStart, quote));
    const end = fieldEnd(text, quote + 1, separator);
    if (end > quote + 1) chunks.push(text.slice(quote + 1, end));
    return { value: withLfLineEnds(chunks.join("")), next: end };
  }
}

/**
 * Calls onRecord with each record's fields (as written, "" for an empty field), from `start`. The array passed is
 * reused for the next record: copy what you keep. A record of more than maxFields fields is refused as over the
 * cell budget before it is built whole, so a line of ten million commas costs no more than the budget.
 */
export function forEachCsvRecord(
  text: string,
  start: number,
  separator: string,
  maxFields: number,
  onRecord: (fields: readonly string[]) => void,
): void {
  const sep = separator.charCodeAt(0);
  const n = text.length;
  const fields: string[] = [];
  let i = start;
  if (i >= n) return;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      const field = quotedField(text, i, sep);
      fields.push(field.value);
      i = field.next;
    } else {
      const end = fieldEnd(text, i, sep);
      fields.push(text.slice(i, end));
      i = end;
    }
    if (fields.length > maxFields) throw overLimit("cells", maxFields);
    if (i >= n) {
      onRecord(fields);
      return;
    }
    const ch = text.charCodeAt(i);
    if (ch === sep) {
      i++;
      // A separator just before the end of the file leaves one more, empty, field.
      if (i >= n) {
        fields.push("");
        onRecord(fields);
        return;
      }
      continue;
    }
    i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    onRecord(fields);
    fields.length = 0;
    if (i >= n) return;
  }
}
