/**
 * Figures as a UK reader expects them: dates 31/12/2023 in tables and on axes ("31 Dec 2023" in prose, the
 * core's formatUkDate), money "£52,100,000" (the core's formatPounds), shares as "62.5%". And the As-of box's
 * reading of what was typed, which the core's date text forms read with one addition, 31032025.
 */
import type { IsoDate } from "../core/dates";
import { EARLIEST_DATE, LATEST_DATE, formatUkDate, parseDateText } from "../core/read";

export { formatPounds, formatUkDate } from "../core/read";

/** 2023-12-31 → "31/12/2023": the short form, for tables and chart axes. */
export function formatUkShortDate(iso: IsoDate): string {
  const [y = "", m = "", d = ""] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** 0.625 → "62.5%" (to `places` decimals at most; 1 → "100%"). */
export function formatPercent(share: number, places = 1): string {
  return `${(share * 100).toLocaleString("en-GB", { maximumFractionDigits: places })}%`;
}

/** 57.142857 → "57.1" at one place: always `places` decimals, thousands grouped. */
export function formatDecimal(value: number, places: number): string {
  return value.toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places });
}

/** 1500 → "1,500". */
export function formatCount(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 0 });
}

export type TypedDate = { readonly ok: true; readonly iso: IsoDate } | { readonly ok: false; readonly message: string };

/** What the user is told to type. */
export const DATE_EXAMPLE = "31/03/2025";

/**
 * A date as typed into a box: the core's UK forms (31/03/2025, 31-03-2025, 31 Mar 2025, 2025-03-31, Mar 2025
 * as its last day), and eight digits as day, month, year (31032025). Null when the box is empty.
 */
export function readTypedDate(text: string): TypedDate | null {
  const tidy = text.trim();
  if (tidy === "") return null;
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(tidy);
  const parsed = parseDateText(digits ? `${digits[1]}/${digits[2]}/${digits[3]}` : tidy);
  if (parsed.ok) {
    if (parsed.iso < EARLIEST_DATE || parsed.iso > LATEST_DATE) {
      return { ok: false, message: `Use a date from ${formatUkDate(EARLIEST_DATE)} to ${formatUkDate(LATEST_DATE)}.` };
    }
    return { ok: true, iso: parsed.iso };
  }
  if (parsed.reason === "us_order" && parsed.suggestion !== undefined) {
    return { ok: false, message: `Put the day first: did you mean ${formatUkShortDate(parsed.suggestion)}?` };
  }
  if (parsed.reason === "no_such_day") return { ok: false, message: `There is no such day as “${tidy}”.` };
  return { ok: false, message: `Could not read “${tidy}” as a date. Use a date like ${DATE_EXAMPLE}.` };
}
