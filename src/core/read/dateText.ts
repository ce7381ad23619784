/**
 * The UK text forms of a date (spec section 5), each read to a calendar day and
 * the precision the text gave. Range checks are left to ./date.
 */
import { isoFromParts, lastDayOfMonth, type IsoDate } from "../dates";
import type { DatePrecision, InvalidDateReason } from "./note";

export type DateParse =
  | { readonly ok: true; readonly iso: IsoDate; readonly precision: DatePrecision }
  | { readonly ok: false; readonly reason: InvalidDateReason; readonly suggestion?: IsoDate };

const MONTH_NAMES: ReadonlyMap<string, number> = new Map([
  ["jan", 1], ["january", 1], ["feb", 2], ["february", 2], ["mar", 3], ["march", 3], ["apr", 4], ["april", 4],
  ["may", 5], ["jun", 6], ["june", 6], ["jul", 7], ["july", 7], ["aug", 8], ["august", 8], ["sep", 9], ["sept", 9],
  ["september", 9], ["oct", 10], ["october", 10], ["nov", 11], ["november", 11], ["dec", 12], ["december", 12],
]);

const UNREADABLE: DateParse = { ok: false, reason: "unreadable" };

/** Two-digit years are 20yy. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** The year after `first`, written as yy or yyyy (the second half of `2023/24`). */
function isFollowingYear(first: number, second: string): boolean {
  return second.length === 2 ? Number(second) === (first + 1) % 100 : Number(second) === first + 1;
}

function dayOf(year: number, month: number, day: number): DateParse {
  if (month < 1 || month > 12) return UNREADABLE;
  const iso = isoFromParts(year, month, day);
  return iso === null ? { ok: false, reason: "no_such_day" } : { ok: true, iso, precision: "day" };
}

/** 31/12/2023 and its kin; a month over 12 that makes sense as the day is the American order. */
function numericDay(day: number, month: number, year: number): DateParse {
  if (month > 12) {
    const swapped = isoFromParts(year, day, month);
    return swapped === null ? UNREADABLE : { ok: false, reason: "us_order", suggestion: swapped };
  }
  return dayOf(year, month, day);
}

function endOfMonth(year: number, month: number, precision: DatePrecision): DateParse {
  const iso = month >= 1 && month <= 12 ? lastDayOfMonth(year, month) : null;
  return iso === null ? UNREADABLE : { ok: true, iso, precision };
}

/** Q1 of the NHS financial year is April to June, so Q4 ends in March of the following year. */
function endOfFinancialQuarter(quarter: number, firstYear: number): DateParse {
  return quarter === 4 ? endOfMonth(firstYear + 1, 3, "quarter") : endOfMonth(firstYear, quarter * 3 + 3, "quarter");
}

interface Form {
  readonly pattern: RegExp;
  readonly read: (m: readonly string[]) => DateParse | null;
}

const n = (m: readonly string[], i: number): number => Number(m[i] ?? NaN);
const s = (m: readonly string[], i: number): string => m[i] ?? "";
const monthNamed = (name: string): number | undefined => MONTH_NAMES.get(name.toLowerCase());

/** Tried in order; a form returning null lets the later forms try. */
const FORMS: readonly Form[] = [
  // 2023-12-31
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, read: (m) => dayOf(n(m, 1), n(m, 2), n(m, 3)) },
  // 31/12/2023, 31/12/23, 31-12-2023, 31.12.2023
  { pattern: /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/, read: (m) => numericDay(n(m, 1), n(m, 3), fullYear(s(m, 4))) },
  // 31 Dec 2023, 31 December 2023, 31-Dec-23, 1st Jan 2024
  {
    pattern: /^(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]+)\.?,?[ -](\d{4}|\d{2})$/i,
    read: (m) => {
      const month = monthNamed(s(m, 2));
      return month === undefined ? UNREADABLE : dayOf(fullYear(s(m, 3)), month, n(m, 1));
    },
  },
  // Dec 2023, December 2023, Dec-23
  {
    pattern: /^([a-z]+)\.?,?[ -](\d{4}|\d{2})$/i,
    read: (m) => {
      const month = monthNamed(s(m, 1));
      return month === undefined ? null : endOfMonth(fullYear(s(m, 2)), month, "month");
    },
  },
  // 12/2023
  { pattern: /^(\d{1,2})[/.-](\d{4})$/, read: (m) => endOfMonth(n(m, 2), n(m, 1), "month") },
  // 2023-12 (a "month" over 12 falls through to the financial year forms below)
  { pattern: /^(\d{4})-(\d{1,2})$/, read: (m) => (n(m, 2) >= 1 && n(m, 2) <= 12 ? endOfMonth(n(m, 1), n(m, 2), "month") : null) },
  // Q3 2023/24, Q3 FY2023/24
  {
    pattern: /^q([1-4])[ -]?(?:fy ?)?(\d{4}) ?[/-] ?(\d{2}|\d{4})$/i,
    read: (m) => (isFollowingYear(n(m, 2), s(m, 3)) ? endOfFinancialQuarter(n(m, 1), n(m, 2)) : UNREADABLE),
  },
  // 2023/24 Q3
  {
    pattern: /^(?:fy ?)?(\d{4}) ?[/-] ?(\d{2}|\d{4})[ -]?q([1-4])$/i,
    read: (m) => (isFollowingYear(n(m, 1), s(m, 2)) ? endOfFinancialQuarter(n(m, 3), n(m, 1)) : UNREADABLE),
  },
  // Q3 2023: a calendar quarter
  { pattern: /^q([1-4])[ -]?(\d{4})$/i, read: (m) => endOfMonth(n(m, 2), n(m, 1) * 3, "quarter") },
  // 2023/24, FY 2023/24: the financial year, ending 31 March
  {
    pattern: /^(?:fy ?)?(\d{4}) ?[/-] ?(\d{2}|\d{4})$/i,
    read: (m) => (isFollowingYear(n(m, 1), s(m, 2)) ? endOfMonth(n(m, 1) + 1, 3, "year") : UNREADABLE),
  },
];

function parseForms(tidy: string): DateParse {
  for (const form of FORMS) {
    const match = form.pattern.exec(tidy);
    if (!match) continue;
    const parsed = form.read(match);
    if (parsed !== null) return parsed;
  }
  return UNREADABLE;
}

/**
 * A day followed by a time of day, as exports write date-times: `31/12/2023 14:30`, `2023-12-31T00:00:00Z`,
 * `31 Dec 2023 2:30 pm`. The time is dropped (a date-time is its date); a time of day alone matches nothing.
 */
const WITH_TIME_OF_DAY = /^(.*\S)(?: |T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)? ?(?:[ap]\.?m\.?)? ?(?:z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Longer text is no date-time: the time is not looked for at all. */
const LONGEST_DATE_TIME = 64;

/** Reads date text; whitespace is collapsed first, so `31  Dec 2023` reads too. */
export function parseDateText(text: string): DateParse {
  const tidy = text.trim().replace(/\s+/g, " ");
  const parsed = parseForms(tidy);
  if (parsed.ok || parsed.reason !== "unreadable" || tidy.length > LONGEST_DATE_TIME) return parsed;
  const dateTime = WITH_TIME_OF_DAY.exec(tidy);
  if (!dateTime) return parsed;
  const day = parseForms(dateTime[1] ?? "");
  // Only a whole day takes a time: `Dec 2023 10:30` is not a form anyone writes.
  return day.ok && day.precision !== "day" ? UNREADABLE : day;
}
