/**
 * The cells of the new return a diff points at, for marking them in the sheet: each changed field's cell, and
 * every mapped cell of an added trust's row. Removed trusts and ICS details have no cell in the trust sheet.
 */
import { cellAddress } from "../cells";
import type { ColumnKey } from "../columns";
import type { ColumnMapping } from "../results";
import type { ReturnDiff } from "./types";

/** A field's cell on the trust sheet read through `mapping`: (sheet row, column) → A1, or null when the column is not there. */
export type CellLocator = (row: number, column: ColumnKey) => string | null;

/** Where each column is, as the rows were read (a header repeated is read from its first column only). */
export function cellLocator(mapping: ColumnMapping): CellLocator {
  const columnOf = new Map<ColumnKey, number>();
  for (const header of mapping.headers) if (header.key !== null && !columnOf.has(header.key)) columnOf.set(header.key, header.col);
  return (row, column) => {
    const col = columnOf.get(column);
    return col === undefined ? null : cellAddress(row, col);
  };
}

/** A1 addresses on the new return's trust sheet, read through `mapping` (the one its rows were read with). */
export function changedCells(diff: ReturnDiff, mapping: ColumnMapping): string[] {
  const locate = cellLocator(mapping);
  const mapped = mapping.headers.flatMap((h) => (h.key === null ? [] : [h.key]));
  const cells: string[] = [];
  for (const trust of diff.changedTrusts) for (const field of trust.fields) cells.push(locate(trust.row, field.column) ?? "");
  for (const trust of diff.added) for (const column of mapped) cells.push(locate(trust.row, column) ?? "");
  return [...new Set(cells.filter((cell) => cell !== ""))];
}
