/**
 * A1 addresses as Office.js hands them over ("'My sheet'!B2:T40") and as we hand
 * them back. Pure: no Office.js here, so the parsing is tested directly.
 */
import { columnLetters, parseAddress } from "../cells";

export interface RangeBounds {
  /** All 1-based and inclusive. */
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/** "'It''s'!A1:B2" → { sheet: "It's", range: "A1:B2" }; no sheet part → sheet null. */
export function splitSheetAddress(address: string): { sheet: string | null; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, range: address.trim() };
  const rawSheet = address.slice(0, bang).trim();
  const range = address.slice(bang + 1).trim();
  const quoted = rawSheet.length >= 2 && rawSheet.startsWith("'") && rawSheet.endsWith("'");
  const sheet = quoted ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return { sheet, range };
}

/** "B2:T40" or "C7" (with or without a sheet part, $ allowed) → bounds; null for anything else. */
export function parseRangeBounds(address: string): RangeBounds | null {
  const { range } = splitSheetAddress(address);
  const [startText, endText, extra] = range.split(":");
  if (startText === undefined || extra !== undefined) return null;
  const start = parseAddress(startText);
  const end = endText === undefined ? start : parseAddress(endText);
  if (!start || !end) return null;
  return {
    firstRow: Math.min(start.row, end.row),
    firstCol: Math.min(start.col, end.col),
    lastRow: Math.max(start.row, end.row),
    lastCol: Math.max(start.col, end.col),
  };
}

/** Bounds → "B2:T40", or "C7" for a single cell. */
export function formatRange(bounds: RangeBounds): string {
  const start = `${columnLetters(bounds.firstCol)}${bounds.firstRow}`;
  const end = `${columnLetters(bounds.lastCol)}${bounds.lastRow}`;
  return start === end ? start : `${start}:${end}`;
}

/** A block of `rows` × `cols` cells whose top-left cell is (row, col). */
export function blockRange(row: number, col: number, rows: number, cols: number): string {
  return formatRange({ firstRow: row, firstCol: col, lastRow: row + Math.max(rows, 1) - 1, lastCol: col + Math.max(cols, 1) - 1 });
}

/** Whole column 3 → "C:C" (for column widths). */
export function columnRange(col: number): string {
  const letters = columnLetters(col);
  return `${letters}:${letters}`;
}

export { quoteSheetName } from "../template/rename";
