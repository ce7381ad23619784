/** A1 references as SpreadsheetML writes them, read without allocating. */

/** Excel's last row and column (XFD). */
export const MAX_SHEET_ROW = 1_048_576;
export const MAX_SHEET_COLUMN = 16_384;

/** The column of a cell reference ("AB12" → 28), or 0 when it does not start with 1 to 3 letters. */
export function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  return i === 0 || i > 3 ? 0 : col;
}

/** As columnOfRef, from the reference's bytes (ASCII) in bytes[from, to). */
export function columnOfRefBytes(bytes: Uint8Array, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to && i < from + 4; i++) {
    const code = bytes[i]! | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  return i === from || i > from + 3 ? 0 : col;
}

/**
 * The whole number written as 1 to 15 ASCII digits without a leading zero (or "0") in bytes[from, to), else
 * -1. Exactly the number `+text` gives, and String() of it gives the digits back.
 */
export function digitsValue(bytes: Uint8Array, from: number, to: number): number {
  const length = to - from;
  if (length < 1 || length > 15 || (length > 1 && bytes[from] === 0x30)) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = bytes[i]! - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export interface CellRange {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

const RANGE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;

/** "A1:D10" (or a single cell) as a range, or null when not a reference. */
export function parseRange(ref: string): CellRange | null {
  const match = RANGE.exec(ref.trim());
  if (!match) return null;
  const firstCol = columnOfRef(match[1] as string);
  const firstRow = Number(match[2]);
  const lastCol = match[3] === undefined ? firstCol : columnOfRef(match[3]);
  const lastRow = match[4] === undefined ? firstRow : Number(match[4]);
  return { firstRow: Math.min(firstRow, lastRow), lastRow: Math.max(firstRow, lastRow), firstCol: Math.min(firstCol, lastCol), lastCol: Math.max(firstCol, lastCol) };
}
