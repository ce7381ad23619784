/**
 * The trust rows of a `Trusts` sheet (spec section 6): every row below the header row with any content, except a
 * totals row. (An Excel table's own totals row never reaches the core: the readers leave it out of the grid.)
 */
import { lastRow, type CellValue, type Row, type SheetData } from "../cells";
import { COLUMN_KEYS, type ColumnKey } from "../columns";
import type { ReadRow } from "../rules/types";
import { isBlankCell } from "./presence";
import { readTrustFields, trustRowOf } from "./row";

const NO_CELLS: Row = [];

/** The words that make a totals row, compared trimmed, in lower case, with runs of spaces as one. */
const TOTALS_WORDS: ReadonlySet<string> = new Set(["total", "totals", "grand total"]);
/** Longer trimmed text is no totals word: it is not lower-cased or tidied at all (a cell may hold a megabyte). */
const LONGEST_TOTALS_TEXT = 40;

function isTotalsWord(cell: CellValue): boolean {
  if (typeof cell !== "string") return false;
  const text = cell.trim();
  return text.length <= LONGEST_TOTALS_TEXT && TOTALS_WORDS.has(text.replace(/\s+/g, " ").toLowerCase());
}

/** The row's first non-blank cell, in whichever column; null for a wholly blank row. Holes in a sparse row are blank. */
function firstContent(cells: Row): Exclude<CellValue, null> | null {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? null;
    if (!isBlankCell(cell)) return cell;
  }
  return null;
}

/**
 * A row whose first non-blank cell, in whichever column, reads `Total`, `Totals` or `Grand total` (any case).
 * Only those words: `Total cost` or `Sub-total` starts a trust row like any other.
 */
export function isTotalsRow(cells: Row): boolean {
  const first = firstContent(cells);
  return first !== null && isTotalsWord(first);
}

/** Wholly blank rows are skipped, and so are totals rows. */
function isTrustRow(cells: Row): boolean {
  const first = firstContent(cells);
  return first !== null && !isTotalsWord(first);
}

/**
 * Reads each trust row in turn and hands it to visit. Rows are not kept here: a caller that keeps
 * only what it needs lets the rest (how every cell read) be collected young, which matters at
 * tens of thousands of rows. columnOf: the sheet column a key is read from, undefined when the sheet has none.
 */
export function forEachTrustRow(sheet: SheetData, headerRow: number, columnOf: (key: ColumnKey) => number | undefined, visit: (row: ReadRow) => void): void {
  // Each key's index within a row, found once for the sheet rather than once per cell.
  const indexOf = new Map<ColumnKey, number>();
  for (const key of COLUMN_KEYS) {
    const col = columnOf(key);
    if (col !== undefined) indexOf.set(key, col - sheet.firstCol);
  }
  const last = lastRow(sheet);
  for (let row = headerRow + 1; row <= last; row += 1) {
    const cells = sheet.rows[row - sheet.firstRow] ?? NO_CELLS;
    if (!isTrustRow(cells)) continue;
    const cell = (key: ColumnKey): CellValue => {
      const index = indexOf.get(key);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const fields = readTrustFields(cell);
    visit({ row, trust: trustRowOf(row, fields), fields, cell });
  }
}

/** Every trust row, read. */
export function readTrustRows(sheet: SheetData, headerRow: number, columnOf: (key: ColumnKey) => number | undefined): ReadRow[] {
  const rows: ReadRow[] = [];
  forEachTrustRow(sheet, headerRow, columnOf, (row) => rows.push(row));
  return rows;
}
