/** The shapes the rules work on: a read trust row, and what a rule finds. */
import type { CellValue } from "../cells";
import type { ColumnKey } from "../columns";
import type { IsoDate } from "../dates";
import type { IssueCode, Severity } from "../issues";
import type { TrustFields } from "../read/row";
import type { TrustRow } from "../schema";

/** A trust row as the rules over the whole sheet see it: its number, its values and its raw cells. */
export interface PlacedRow {
  readonly row: number;
  readonly trust: TrustRow;
  /** The raw cell of a column on this row (null when the sheet has no such column). */
  readonly cell: (key: ColumnKey) => CellValue;
}

/** A trust row after reading: also how each cell read (kept only while the row's own rules run). */
export interface ReadRow extends PlacedRow {
  readonly fields: TrustFields;
}

/** What the rules know of the sheet as a whole. */
export interface SheetContext {
  readonly submitted: IsoDate;
  /** The header the sheet uses for a column; the template's header when the column is missing. */
  readonly header: (key: ColumnKey) => string;
  readonly hasColumn: (key: ColumnKey) => boolean;
}

export interface RowContext extends SheetContext, ReadRow {}

/** A row rule of spec section 6, as data. */
export interface RowRule {
  /** A short name, for tests and documentation. */
  readonly id: string;
  readonly code: IssueCode;
  readonly severity: Severity;
  /** The column whose cell the issue is reported on. */
  readonly column: ColumnKey;
  readonly applies: (ctx: RowContext) => boolean;
  readonly message: (ctx: RowContext) => string;
}

/** One issue found, located by sheet row and column, before it becomes an Issue. */
export interface Finding {
  readonly row: number;
  /** 1-based sheet column of the cell reported on. */
  readonly col: number;
  readonly column: ColumnKey | null;
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
  /** The offending cell's value (or a header's text). */
  readonly value: CellValue;
  readonly replacement?: string;
}

/** A finding of a rule over many rows, still to be placed on its column's cell. */
export interface RowFinding {
  readonly row: PlacedRow;
  readonly column: ColumnKey;
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
}
