/**
 * What typing into a grid cell stores, as Excel does with a UK locale (en-GB): a number typed is a number, a whole
 * day typed the UK way is a date, TRUE or FALSE is a logical value, and anything else is the text as typed. Only
 * what Excel would store as a number, a date or a logical value is converted; whether the value is right for its
 * column is the core's reading rules' to say (a date in 2045 is still a date here, and "12/31/2019" is text, as in UK
 * Excel, for the core to call month-first). Forms where Excel would guess a part the user did not type (a day without
 * a year, "Mar 2025" as the 1st) stay text, so the core reads them as typed (it warns that "Mar 2025" is only a month).
 * Pure, so the rules are tested directly.
 */
import { dateFromIso, isoFromParts } from "../core/dates";

/** What a typed cell holds: blank (null), a number, a logical value, a date (UTC midnight, as readers give), or text. */
export type TypedValue = string | number | boolean | Date | null;

/** Excel's dates run from 1900 to 9999; a day typed outside them stays text. */
const FIRST_EXCEL_YEAR = 1900;

/** Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
const TWO_DIGIT_YEAR_PIVOT = 30;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ["jan", 1], ["january", 1], ["feb", 2], ["february", 2], ["mar", 3], ["march", 3], ["apr", 4], ["april", 4],
  ["may", 5], ["jun", 6], ["june", 6], ["jul", 7], ["july", 7], ["aug", 8], ["august", 8], ["sep", 9], ["sept", 9],
  ["september", 9], ["oct", 10], ["october", 10], ["nov", 11], ["november", 11], ["dec", 12], ["december", 12],
]);

/**
 * A number as UK Excel reads it: a sign, digits with or without thousands commas in threes, a decimal point, an
 * exponent, a leading £, a trailing % (a share: 50% is 0.5), or brackets for a negative amount, as accountants write.
 */
const NUMBER = /^([+-])?(£)?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(e[+-]?\d+)?(%)?$/i;
const BRACKETED = /^\((.*)\)$/;

function typedNumber(text: string): number | null {
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    const inner = typedNumber(bracketed[1] ?? "");
    // "(-5)" is no form Excel reads.
    return inner === null || inner < 0 || /^[+-]/.test(bracketed[1] ?? "") ? null : -inner;
  }
  const match = NUMBER.exec(text);
  if (!match) return null;
  const [, signBefore, pound, signAfter, digits = "", exponent = "", percent] = match;
  // One sign at most, before or after the £ ("-£5", "£-5"); "£" alone, or a sign after nothing, is not a number.
  if ((signBefore && signAfter) || (signAfter && !pound)) return null;
  const sign = (signBefore ?? signAfter) === "-" ? -1 : 1;
  const value = sign * Number(`${digits.replace(/,/g, "")}${exponent}`);
  if (!Number.isFinite(value)) return null;
  return percent ? value / 100 : value;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year < TWO_DIGIT_YEAR_PIVOT ? 2000 + year : 1900 + year;
}

/** The day at UTC midnight, or null when there is no such day in Excel's calendar. */
function day(year: number, month: number, dayOfMonth: number): Date | null {
  if (year < FIRST_EXCEL_YEAR) return null;
  const iso = isoFromParts(year, month, dayOfMonth);
  return iso === null ? null : dateFromIso(iso);
}

/** The forms of a whole day UK Excel reads as a date; each gives year, month, day or null. */
const DAY_FORMS: readonly { readonly pattern: RegExp; readonly parts: (m: RegExpExecArray) => readonly [number, number, number] | null }[] = [
  // 31/03/2025, 31/3/25, 31-03-2025, 31-3-25 (day first; the same separator twice).
  { pattern: /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})$/, parts: (m) => [fullYear(m[4] ?? ""), Number(m[3]), Number(m[1])] },
  // 2025-03-31, 2025/03/31: year first, which Excel reads in every locale.
  { pattern: /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/, parts: (m) => [Number(m[1]), Number(m[3]), Number(m[4])] },
  // 31 Mar 2025, 31-Mar-25, 31 March 2025.
  {
    pattern: /^(\d{1,2})([ -])([a-z]+)\2(\d{4}|\d{2})$/i,
    parts: (m) => {
      const month = MONTHS.get((m[3] ?? "").toLowerCase());
      return month === undefined ? null : [fullYear(m[4] ?? ""), month, Number(m[1])];
    },
  },
];

function typedDate(text: string): Date | null {
  for (const form of DAY_FORMS) {
    const match = form.pattern.exec(text);
    const parts = match ? form.parts(match) : null;
    if (parts) return day(...parts);
  }
  return null;
}

/**
 * What the user typed into a grid cell, as the value stored: blank → null (the cell is cleared); a number, a day or
 * TRUE/FALSE (spaces round them ignored) → that value; a leading apostrophe keeps the rest as text ('007 stays "007",
 * as in Excel); anything else → the text exactly as typed.
 */
export function typedValue(text: string): TypedValue {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (text.startsWith("'")) return text.slice(1) === "" ? null : text.slice(1);
  const number = typedNumber(trimmed);
  if (number !== null) return number;
  const date = typedDate(trimmed);
  if (date !== null) return date;
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  return text;
}
