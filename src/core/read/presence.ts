/** Blank cells and placeholders (spec section 5): the first thing every reading rule decides. */
import { isErrorValue, type CellValue, type ErrorValue } from "../cells";
import { DEFAULT_SEVERITY } from "../catalogue";
import { isoFromDate } from "../dates";
import { BoundedMemo } from "./memo";
import { BLANK, makeNote, PLACEHOLDER, readInvalid, type ReadResult } from "./note";

/** Text that means "not known yet" and so counts as blank; compared in lower case. */
export const PLACEHOLDERS: ReadonlySet<string> = new Set(["tbc", "tba", "tbd", "unknown", "n/a", "-", "?"]);

/** A cell that is empty or holds only spaces. */
export function isBlankCell(cell: CellValue): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** "unknown": no longer text is a placeholder (lower-casing never shortens text), so most text skips toLowerCase. */
const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((p) => p.length));

export function isPlaceholderText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= LONGEST_PLACEHOLDER && PLACEHOLDERS.has(trimmed.toLowerCase());
}

export type Presence =
  | { readonly kind: "blank" }
  | { readonly kind: "placeholder"; readonly text: string }
  | { readonly kind: "content"; readonly cell: Exclude<CellValue, null> };

/** Every value is trimmed first: a string in "content" is already trimmed. */
export function presenceOf(cell: CellValue): Presence {
  if (cell === null) return { kind: "blank" };
  if (typeof cell === "string") {
    const text = cell.trim();
    if (text === "") return { kind: "blank" };
    return isPlaceholderText(text) ? { kind: "placeholder", text } : { kind: "content", cell: text };
  }
  return { kind: "content", cell };
}

export type Content = Exclude<CellValue, null>;

/**
 * An Excel error value (spec section 5): one `formula_error` and nothing else. Its state is "invalid", so the cell
 * counts as blank for every rule (its value is null) yet draws no `required` or `placeholder` of its own. One
 * result per error code (a sheet repeats the same few), bounded against a file that invents codes.
 */
const formulaErrors = new BoundedMemo<string, ReadResult<never>>(64, (error) =>
  readInvalid(makeNote("formula_error", DEFAULT_SEVERITY.formula_error, { error })),
);

function readFormulaError(cell: ErrorValue): ReadResult<never> {
  return formulaErrors.get(cell.code);
}

/** Settles blank cells, placeholders and Excel errors, then hands trimmed content to the type's own reader. */
export function readContent<T>(cell: CellValue, readPresent: (content: Content) => ReadResult<T>): ReadResult<T> {
  // presenceOf's decision, without its object: this runs for every cell of every trust row.
  if (cell === null) return BLANK;
  if (typeof cell !== "string") return isErrorValue(cell) ? readFormulaError(cell) : readPresent(cell);
  const text = cell.trim();
  if (text === "") return BLANK;
  return isPlaceholderText(text) ? PLACEHOLDER : readPresent(text);
}

/**
 * Content as text for the text-like columns: numbers as written, dates as
 * YYYY-MM-DD. Logical values and Excel errors are not text: null.
 */
export function contentText(content: Content): string | null {
  if (typeof content === "string") return content;
  if (typeof content === "number") return String(content);
  if (content instanceof Date) return isoFromDate(content);
  return null;
}
