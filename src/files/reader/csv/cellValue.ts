/**
 * A .csv field as the core's cell value (spec section 5): a plain number (`1200000`, `3.5`, `-2`) is a number,
 * an empty field is blank, and everything else is text as written (dates too: the core reads UK date text).
 * Kept strict on purpose: `1,200`, `1e5`, `007`, `+3`, ` 42` and `£5` stay text, so a code, a phone number or
 * an amount with a currency sign is never changed by reading; the core's money rules read those texts.
 */
import type { CellValue } from "../../../core/cells";

const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
/** Doubles hold 15 significant digits: a longer run of digits (an account or NHS number) stays text, unchanged. */
const MAX_DIGITS = 15;

function significantDigits(field: string): number {
  return field.replace(/[-.]/g, "").replace(/^0+/, "").length;
}

export function csvCellValue(field: string): CellValue {
  if (field === "") return null;
  if (PLAIN_NUMBER.test(field) && significantDigits(field) <= MAX_DIGITS) {
    const number = Number(field);
    return number === 0 ? 0 : number;
  }
  return field;
}
