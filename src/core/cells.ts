/**
 * The plain grid every adapter produces and the core reads. Excel (Office.js),
 * exceljs and the custom functions all turn a sheet into this shape, so the
 * rules run the same way everywhere.
 */

/** An Excel error value such as `#REF!` or `#N/A`, kept apart from text. */
export interface ErrorValue {
  readonly kind: "error";
  readonly code: string;
}

/**
 * One cell. Dates are JS `Date`s whose UTC year/month/day is the calendar day
 * (adapters that only see serial numbers may pass the number: the reading rules
 * treat a number in a date column as an Excel 1900-system serial). A formula
 * cell is its cached result. Blank is `null`.
 */
export type CellValue = string | number | boolean | Date | ErrorValue | null;

export type Row = readonly CellValue[];

/** A rectangular-ish block of a sheet (rows may be ragged). */
export interface SheetData {
  readonly name: string;
  /** rows[0][0] is the cell at (firstRow, firstCol), both 1-based. */
  readonly rows: readonly Row[];
  readonly firstRow: number;
  readonly firstCol: number;
  /** 1-based sheet row numbers that are hidden (informational only). */
  readonly hiddenRows?: readonly number[];
}

export function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === "object" && value !== null && !(value instanceof Date) && (value as { kind?: unknown }).kind === "error";
}

export function errorValue(code: string): ErrorValue {
  return { kind: "error", code };
}

/** 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** (2, 3) → C2. Both 1-based. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** C2 → { row: 2, col: 3 }; null when not an A1 address. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  const letters = (match[1] ?? "").toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

/** The cell at 1-based sheet coordinates, or null when outside the block. */
export function cellAt(sheet: SheetData, row: number, col: number): CellValue {
  const r = sheet.rows[row - sheet.firstRow];
  if (!r) return null;
  const v = r[col - sheet.firstCol];
  return v === undefined ? null : v;
}

/** Number of the last sheet row the block covers. */
export function lastRow(sheet: SheetData): number {
  return sheet.firstRow + sheet.rows.length - 1;
}

/** Widest row of the block, as the last 1-based sheet column. */
export function lastCol(sheet: SheetData): number {
  let width = 0;
  for (const r of sheet.rows) if (r.length > width) width = r.length;
  return sheet.firstCol + width - 1;
}
