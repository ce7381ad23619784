/** The shape of an issue (spec section 6). Messages come from the catalogue in ./catalogue. */
import type { CellValue } from "./cells";
import type { ColumnKey } from "./columns";

export const ISSUE_CODES = [
  "required", "placeholder", "non_canonical", "invalid_enum", "invalid_code", "duplicate", "imprecise_date",
  "invalid_date", "out_of_range", "number_as_text", "invalid_number", "too_long", "inconsistent", "formula_error",
  "procurement_over_two_years", "funding_gap", "matched_funding_exceeded", "missing_column", "unknown_column",
  "duplicate_column",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];
export type Severity = "error" | "warning";

/** A JSON-safe rendering of the offending cell value (dates as YYYY-MM-DD, errors as their code). */
export type IssueValue = string | number | boolean | null;

export interface Issue {
  readonly sheet: string;
  /** A1 address, e.g. `G7`. */
  readonly cell: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** The column key, or null for an issue about a header that names no column. */
  readonly column: ColumnKey | null;
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
  readonly value: IssueValue;
  /** For `non_canonical`: the canonical value a Fix writes into the cell. Not part of the JSON report. */
  readonly replacement?: Exclude<CellValue, Date> ;
}
