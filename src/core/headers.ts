/** Finding the `Trusts` header row and matching headers to columns (spec section 6). */
import { cellAddress, type CellValue, type SheetData } from "./cells";
import { COLUMNS, type ColumnKey } from "./columns";
import { isoFromDate } from "./dates";
import type { ColumnMapping, MappedHeader } from "./results";

/** The header row is looked for in this many rows from the top of the sheet data. */
export const HEADER_SCAN_ROWS = 10;
/** A row is the header row when at least this many of its cells name known columns. */
export const MIN_KNOWN_HEADERS = 3;

/** Ignores case, spaces, punctuation, `£`, `(£)` and a separate word `GBP`: "Total cost (£)" and "total cost GBP" → "totalcost". */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "gbp")
    .join("");
}

/** Normalized spelling → column. A Map, so header text such as `__proto__` or `constructor` finds nothing. */
const HEADER_LOOKUP: ReadonlyMap<string, ColumnKey> = (() => {
  const map = new Map<string, ColumnKey>();
  for (const column of COLUMNS) {
    for (const spelling of [column.header, ...column.alternatives]) {
      const key = normalizeHeader(spelling);
      if (!map.has(key)) map.set(key, column.key);
    }
  }
  return map;
})();

export function matchHeader(text: string): ColumnKey | null {
  const key = normalizeHeader(text);
  return key === "" ? null : (HEADER_LOOKUP.get(key) ?? null);
}

/**
 * Headers the add-in itself writes beside the return's columns: `Source` (where a merged row came
 * from). They are read as nothing and, unlike other unknown headers, draw no `unknown_column` warning.
 */
export const SOURCE_HEADER = "Source";
const OWN_EXTRA_HEADERS: ReadonlySet<string> = new Set([normalizeHeader(SOURCE_HEADER)]);

export function isOwnExtraHeader(text: string): boolean {
  return OWN_EXTRA_HEADERS.has(normalizeHeader(text));
}

/** A header cell's text; "" for a blank cell. Numbers, dates and errors are shown as text. */
export function headerText(cell: CellValue): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return isoFromDate(cell) ?? "";
  return cell.code;
}

/** One entry per non-blank cell of the given sheet row, left to right. */
export function headersOfRow(sheet: SheetData, headerRow: number): MappedHeader[] {
  const cells = sheet.rows[headerRow - sheet.firstRow] ?? [];
  const headers: MappedHeader[] = [];
  cells.forEach((cell, index) => {
    const text = headerText(cell);
    if (text === "") return;
    const col = sheet.firstCol + index;
    headers.push({ col, cell: cellAddress(headerRow, col), text, key: matchHeader(text) });
  });
  return headers;
}

/**
 * The header row is the first of the first 10 rows of the sheet data with at
 * least 3 cells naming known columns (rows above it are titles).
 */
export function detectMapping(sheet: SheetData): ColumnMapping {
  const scanned = Math.min(HEADER_SCAN_ROWS, sheet.rows.length);
  for (let index = 0; index < scanned; index += 1) {
    const headerRow = sheet.firstRow + index;
    const headers = headersOfRow(sheet, headerRow);
    if (headers.filter((h) => h.key !== null).length >= MIN_KNOWN_HEADERS) return { headerRow, headers };
  }
  return { headerRow: null, headers: [] };
}
