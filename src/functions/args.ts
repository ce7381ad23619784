/**
 * Argument handling for the EPR.* custom functions, free of Office so that it
 * runs (and is tested) in Node. Excel passes ranges as rows of cells (numbers,
 * text, logical values; dates as serial numbers; blank cells as "" or null);
 * these helpers turn them into the core's arguments, and every problem into a
 * function error (#VALUE! or #N/A with a message) rather than a throw.
 */
import type { CellValue } from "../core/cells";
import { convertSerial, DEFAULT_DATE_SYSTEM, type DateSystem, type IsoDate } from "../core/dates";
import { STATUSES, type Status, type Supplier } from "../core/enums";
import { normalizeSupplier, parseUkDate, readEnumValue } from "../core/read";

/** The error codes these functions return (the values of CustomFunctions.ErrorCode). */
export const ERROR_CODES = { invalidValue: "#VALUE!", notAvailable: "#N/A" } as const;
export type FunctionErrorKind = keyof typeof ERROR_CODES;

/** A CustomFunctions.Error in Excel; the same shape elsewhere. Excel shows `code` in the cell and `message` on hover. */
export interface FunctionError {
  readonly code: string;
  readonly message?: string;
}

/** The part of Excel's CustomFunctions runtime these functions use. @types/office-js does not declare it. */
export interface CustomFunctionsRuntime {
  readonly Error: new (code: string, message?: string) => FunctionError;
  readonly ErrorCode: Readonly<Record<FunctionErrorKind, string>>;
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

/** The runtime when Excel has loaded it (the shared runtime in Excel); undefined in a plain browser or Node. */
export function customFunctionsRuntime(): CustomFunctionsRuntime | undefined {
  return (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
}

/**
 * What `CustomFunctions.associate` calls in functions.ts resolve to: the
 * runtime's when Excel provides one, otherwise a no-op, so that the functions
 * module also loads outside Excel (the workbench) and registers nothing there.
 */
export function associationTarget(): Pick<CustomFunctionsRuntime, "associate"> {
  return {
    associate(id, fn) {
      customFunctionsRuntime()?.associate(id, fn);
    },
  };
}

/** Outside Excel there is no CustomFunctions.Error: an object of the same shape stands in. */
class DetachedFunctionError implements FunctionError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

function functionError(kind: FunctionErrorKind, message: string): FunctionError {
  const runtime = customFunctionsRuntime();
  return runtime ? new runtime.Error(runtime.ErrorCode[kind], message) : new DetachedFunctionError(ERROR_CODES[kind], message);
}

/** #VALUE!: an argument Excel passed cannot be used. */
export function invalidValue(message: string): FunctionError {
  return functionError("invalidValue", message);
}

/** #N/A: there is no answer for these arguments (e.g. a name that matches no supplier). */
export function notAvailable(message: string): FunctionError {
  return functionError("notAvailable", message);
}

/** An argument read: its value, or the error the function should return. */
export type Arg<T> = { readonly value: T } | { readonly error: FunctionError };

/** An error value that Excel passed in (its cell shows #N/A, #REF! ...); such errors pass through unchanged. */
export function incomingError(value: unknown): FunctionError | null {
  if (typeof value !== "object" || value === null || value instanceof Date || Array.isArray(value)) return null;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#") ? (value as FunctionError) : null;
}

/** One of Excel's argument values as a core cell value: blank as null; anything that is no cell value as null too. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean" || value instanceof Date) return value;
  const error = incomingError(value);
  return error ? { kind: "error", code: error.code } : null;
}

export function isBlankArg(value: unknown): boolean {
  return toCellValue(value) === null;
}

/** A range (rows of cells) as one list, row by row; a single value as a list of one. */
export function flattenRange(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  return range.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/**
 * Each cell of a systems range as a canonical supplier, or null. Blank cells,
 * placeholders and names that match no supplier count as blank, as spec 7 does
 * with any value that failed to read, so the figures equal the add-in's and
 * the command line's on the same data.
 */
export function supplierList(systems: unknown): (Supplier | null)[] {
  return flattenRange(systems).map((cell) => (typeof cell === "string" ? normalizeSupplier(cell) : null));
}

/** Weights aligned with `count` systems: undefined when omitted; a cell that is not a number counts as blank. */
export function weightList(weights: unknown, count: number): Arg<(number | null)[] | undefined> {
  if (weights === null || weights === undefined) return { value: undefined };
  const cells = flattenRange(weights);
  if (cells.length !== count) {
    return { error: invalidValue(`weights has ${cells.length} cell(s) but systems has ${count}: give one weight per trust, in the same order`) };
  }
  return { value: cells.map((cell) => (typeof cell === "number" && Number.isFinite(cell) ? cell : null)) };
}

/**
 * A date argument: an Excel date (a serial number of the workbook's date system, 1900 unless told) or date text the
 * UK way (31/12/2023, Dec 2023, Q3 2023/24 ...), read by the core's rules. Blank and placeholders such as TBC are null.
 */
export function dateArg(value: unknown, name: string, dateSystem: DateSystem = DEFAULT_DATE_SYSTEM): Arg<IsoDate | null> {
  const passed = incomingError(value);
  if (passed) return { error: passed };
  // The core reads a number as a 1900-system serial.
  const cell = typeof value === "number" ? convertSerial(value, dateSystem, "1900") : value;
  const parsed = parseUkDate(toCellValue(cell));
  if (parsed === null) return { value: null };
  if ("error" in parsed) return { error: invalidValue(`${name}: ${parsed.message}`) };
  return { value: parsed.iso };
}

/** An EPR status in any spelling the reading rules accept; blank and placeholders such as TBC are null. */
export function statusArg(value: unknown): Arg<Status | null> {
  const passed = incomingError(value);
  if (passed) return { error: passed };
  const cell = toCellValue(value);
  const read = readEnumValue(cell, STATUSES);
  if (read.state === "invalid") {
    return { error: invalidValue(`status "${String(cell)}" is not an EPR status: use ${STATUSES.join(", ")}`) };
  }
  return { value: read.value };
}
