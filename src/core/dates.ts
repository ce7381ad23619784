/** ISO calendar dates (`YYYY-MM-DD`) and Excel 1900-system serials. */

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Day 0 of the serials from 61 on (Excel counts a fictional 1900-02-29 as day 60). */
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_LEAP_BUG = Date.UTC(1899, 11, 31);

export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (year < 1 || year > 9999) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function lastDayOfMonth(year: number, month: number): IsoDate | null {
  return isoFromParts(year, month, daysInMonth(year, month));
}

/** The calendar day of a Date, read in UTC (adapters store dates at UTC midnight). */
export function isoFromDate(date: Date): IsoDate | null {
  if (Number.isNaN(date.getTime())) return null;
  return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * An Excel serial (1900 system) as a date; the time of day is dropped.
 * Serial 60 is Excel's non-existent 1900-02-29: null.
 */
export function isoFromSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  const epoch = day < 60 ? EPOCH_BEFORE_LEAP_BUG : EPOCH_AFTER_LEAP_BUG;
  return isoFromDate(new Date(epoch + day * MS_PER_DAY));
}

/** The Excel serial of an ISO date (for dates from 1900-03-01 on). */
export function serialFromIso(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - EPOCH_AFTER_LEAP_BUG) / MS_PER_DAY);
}

export function dateFromIso(iso: IsoDate): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

/** Whole months from a to b, counting a partial month as more than the whole ones (for "more than 24 months"). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split("-").map(Number);
  const total = (y ?? 0) * 12 + ((m ?? 1) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d ?? 1, daysInMonth(year, month));
  return isoFromParts(year, month, day) ?? iso;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? "1970-01-01";
}

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
