/**
 * A sheet's tables (ListObjects), reached through the sheet's relationships: only their totals
 * rows matter here, since a table's totals row is not data (spec: table totals rows are not trust
 * rows) and is left out of the grid.
 *
 * totalsRowCount says how many totals rows the table shows now, at the bottom of its ref. Its
 * totalsRowShown attribute only says whether one was ever shown, and Excel keeps the columns'
 * totalsRowFunction/totalsRowLabel when the row is turned off (exceljs writes totalsRowShown="1"
 * with labels on tables without one): reading either as a totals row would drop the last data row.
 */
import type { ZipArchive } from "../zip";
import { wholeNumber } from "./attributes";
import { parseRange } from "./cellRefs";
import type { Relationship } from "./relationships";
import { parseXmlPart } from "./xmlStream";

/** Cells on a totals row, from firstCol to lastCol. */
export interface ColumnSpan {
  readonly firstCol: number;
  readonly lastCol: number;
}

/** Sheet row number → the spans of that row that are tables' totals rows. */
export type TotalsRows = ReadonlyMap<number, readonly ColumnSpan[]>;

/** Excel shows at most one totals row; a larger count is honoured up to this many rows, no further. */
const MAX_TOTALS_ROWS_PER_TABLE = 8;

function readTotals(archive: ZipArchive, part: string, into: Map<number, ColumnSpan[]>): void {
  const entry = archive.find(part);
  if (!entry) return;
  parseXmlPart(archive, entry, {
    open(name, attributes) {
      if (name !== "table") return;
      const range = parseRange(attributes.get("ref") ?? "");
      const count = Math.min(wholeNumber(attributes.get("totalsRowCount")) ?? 0, MAX_TOTALS_ROWS_PER_TABLE);
      if (!range || count === 0) return;
      const first = Math.max(range.firstRow, range.lastRow - count + 1);
      for (let row = first; row <= range.lastRow; row++) {
        const spans = into.get(row) ?? [];
        spans.push({ firstCol: range.firstCol, lastCol: range.lastCol });
        into.set(row, spans);
      }
    },
  });
}

/** The totals rows of the tables among a sheet's relationships. */
export function readTotalsRows(archive: ZipArchive, tableRelationships: readonly Relationship[]): TotalsRows {
  const totals = new Map<number, ColumnSpan[]>();
  for (const relationship of tableRelationships) readTotals(archive, relationship.part, totals);
  return totals;
}

export function isInTotals(spans: readonly ColumnSpan[], col: number): boolean {
  for (const span of spans) if (col >= span.firstCol && col <= span.lastCol) return true;
  return false;
}
