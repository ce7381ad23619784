/**
 * What the reading rules (spec section 5) say about one cell, before it becomes
 * an Issue. Each note carries the facts its message needs; the wording lives in
 * ../catalogue so that every message is written in one place.
 */
import type { IsoDate } from "../dates";
import type { Severity } from "../issues";

export type DatePrecision = "day" | "month" | "quarter" | "year";

/** Which code form a value was checked against: a trust's (R/T..) or an ICB's (Q..). */
export type CodeForm = "trust" | "icb";

export type InvalidDateReason =
  /** Not in any form we read (or not a date at all, e.g. a logical value). */
  | "unreadable"
  /** The form is right but the day does not exist, e.g. 31/02/2023. */
  | "no_such_day"
  /** Month and day swapped the American way, e.g. 12/31/2023. */
  | "us_order"
  /** A number that is no Excel date, e.g. 0, a negative or 60 (Excel's 29/02/1900). */
  | "bad_serial";

/** too_large: past Number.MAX_SAFE_INTEGER, where sums over a sheet stop being exact (and squares or totals overflow). */
export type OutOfRangeReason = "before_1990" | "after_2040" | "negative" | "too_large";

/** The facts behind each reading note, by issue code. */
export interface NoteDetails {
  readonly non_canonical: { readonly canonical: string };
  /** allowed is empty for a text column: the cell held something that is not text at all. */
  readonly invalid_enum: { readonly allowed: readonly string[] };
  readonly invalid_code: { readonly form: CodeForm };
  readonly imprecise_date: { readonly iso: IsoDate; readonly precision: Exclude<DatePrecision, "day"> };
  readonly invalid_date: { readonly reason: InvalidDateReason; readonly suggestion?: IsoDate };
  readonly out_of_range: { readonly reason: OutOfRangeReason };
  readonly number_as_text: { readonly amount: number; readonly expected: "money" | "whole" };
  readonly invalid_number: { readonly expected: "money" | "whole" };
  readonly too_long: { readonly length: number; readonly max: number };
  /** error: the Excel error value's code as the file gave it, e.g. `#DIV/0!`. */
  readonly formula_error: { readonly error: string };
}

export type ReadCode = keyof NoteDetails;

/** A note; the type parameter narrows it to some codes (and lets code and detail be used together). */
export type ReadNote<C extends ReadCode = ReadCode> = {
  [K in C]: { readonly code: K; readonly severity: Severity; readonly detail: NoteDetails[K] };
}[C];

/**
 * How a cell read: a value; blank; a placeholder such as TBC (blank too, but
 * worth a warning); or unreadable (at least one error note explains why).
 */
export type FieldState = "value" | "blank" | "placeholder" | "invalid";

export interface ReadResult<T> {
  readonly state: FieldState;
  /** The canonical value; null unless state is "value". */
  readonly value: T | null;
  readonly notes: readonly ReadNote[];
}

/** Shared by every result without notes: results are read-only, and most cells have none. */
const NO_NOTES: readonly ReadNote[] = Object.freeze([]);

export function readValue<T>(value: T, notes: readonly ReadNote[] = NO_NOTES): ReadResult<T> {
  return { state: "value", value, notes };
}

export function readInvalid<T>(note: ReadNote): ReadResult<T> {
  return { state: "invalid", value: null, notes: [note] };
}

export const BLANK: ReadResult<never> = { state: "blank", value: null, notes: NO_NOTES };
export const PLACEHOLDER: ReadResult<never> = { state: "placeholder", value: null, notes: NO_NOTES };

/** Builds a note (severities come from the catalogue's rules). */
export function makeNote<C extends ReadCode>(code: C, severity: Severity, detail: NoteDetails[C]): ReadNote<C> {
  // TypeScript cannot see that a generic code and its detail form one member of the union; the parameter types guarantee it.
  return { code, severity, detail } as ReadNote<C>;
}
