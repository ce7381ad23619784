/**
 * What the Columns view shows beside each header: a few sample values from the rows below it, and the other
 * headers mapped to the same column (validation reads only the leftmost; each later one is a duplicate_column
 * error, core/rules/columns.ts).
 */
import { cellAt, lastRow } from "../core/cells";
import type { SheetData } from "../core/cells";
import { COLUMNS } from "../core/columns";
import { headerText } from "../core/headers";
import type { MappedHeader } from "../core/results";

export const SAMPLE_COUNT = 3;
export const SAMPLE_MAX_CHARS = 40;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The first non-blank values below the header row in the header's column, as text, each shortened to 40 characters. */
export function sampleValues(sheet: SheetData, headerRow: number, col: number, count = SAMPLE_COUNT): string[] {
  const samples: string[] = [];
  for (let row = headerRow + 1; row <= lastRow(sheet) && samples.length < count; row += 1) {
    const text = headerText(cellAt(sheet, row, col)).replace(/\s+/g, " ");
    if (text !== "") samples.push(truncate(text, SAMPLE_MAX_CHARS));
  }
  return samples;
}

/**
 * For each header sharing its column with another, keyed by sheet column, a warning naming the others.
 * Headers are taken left to right, as the header row is.
 */
export function duplicateWarnings(headers: readonly MappedHeader[]): Map<number, string> {
  const warnings = new Map<number, string>();
  for (const header of headers) {
    if (header.key === null) continue;
    const same = headers.filter((h) => h.key === header.key);
    if (same.length < 2) continue;
    const others = same.filter((h) => h.col !== header.col).map((h) => `${h.text} (${h.cell})`).join(", ");
    const leftmost = same.reduce((a, b) => (b.col < a.col ? b : a));
    const column = COLUMNS.find((c) => c.key === header.key)?.header ?? header.key;
    const outcome = leftmost.col === header.col
      ? `Only this header, the leftmost, is read as ${column}.`
      : `Only the leftmost header (${leftmost.cell}) is read as ${column}; validation reports this one as a duplicate column error.`;
    warnings.set(header.col, `Also mapped to ${column}: ${others}. ${outcome}`);
  }
  return warnings;
}
