/** ISO calendar dates (`YYYY-MM-DD`) and Excel serials in either of Excel's two date systems. */

export type IsoDate = string;

/**
 * A workbook's date system: "1900" (Excel's default: serial 1 is 1900-01-01, with a fictional 1900-02-29 as 60)
 * or "1904" (Excel for Mac before 2011 and files made there: serial 0 is 1904-01-01). The same day's serials differ
 * by DATE_1904_OFFSET: 1904 serial = 1900 serial − 1462. Office.js passes and takes dates as the workbook's serials.
 */
export type DateSystem = "1900" | "1904";

export const DEFAULT_DATE_SYSTEM: DateSystem = "1900";

/** 1900 serial − 1904 serial of the same day (four years and a day: the 1900 system starts at 1, the 1904 at 0). */
export const DATE_1904_OFFSET = 1462;

const MS_PER_DAY = 86_400_000;
/** Day 0 of the serials from 61 on (Excel counts a fictional 1900-02-29 as day 60). */
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_LEAP_BUG = Date.UTC(1899, 11, 31);
/** The first serial past 9999-12-31 in the 1900 system (Excel's last day). */
const END_1900 = 2_958_466;

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
 * An Excel serial as a date, in the workbook's date system (1900 unless told); the time of day is dropped.
 * Null for what Excel cannot show as a date: 1900 system below 1 or past 9999-12-31, and 60, Excel's
 * non-existent 1900-02-29; 1904 system below 0 (1904-01-01) or past 9999-12-31.
 */
export function isoFromSerial(serial: number, system: DateSystem = DEFAULT_DATE_SYSTEM): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  if (system === "1904") return serial < 0 || serial >= END_1900 - DATE_1904_OFFSET ? null : isoFromSerial1900(serial + DATE_1904_OFFSET);
  return isoFromSerial1900(serial);
}

function isoFromSerial1900(serial: number): IsoDate | null {
  if (serial < 1 || serial >= END_1900) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  const epoch = day < 60 ? EPOCH_BEFORE_LEAP_BUG : EPOCH_AFTER_LEAP_BUG;
  return isoFromDate(new Date(epoch + day * MS_PER_DAY));
}

/**
 * The Excel serial of an ISO date in the workbook's date system (1900 unless told): for dates from 1900-03-01 on in
 * the 1900 system, from 1904-01-01 on in the 1904 system (earlier dates give serials Excel does not show as dates).
 */
export function serialFromIso(iso: IsoDate, system: DateSystem = DEFAULT_DATE_SYSTEM): number {
  const [y, m, d] = iso.split("-").map(Number);
  const serial1900 = Math.round((Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - EPOCH_AFTER_LEAP_BUG) / MS_PER_DAY);
  return system === "1904" ? serial1900 - DATE_1904_OFFSET : serial1900;
}

/**
 * A serial of one date system as the same day's serial in another (the time of day kept); anything but a finite
 * number is given back unchanged.
 */
export function convertSerial(serial: number, from: DateSystem, to: DateSystem): number {
  if (from === to || !Number.isFinite(serial)) return serial;
  return from === "1904" ? serial + DATE_1904_OFFSET : serial - DATE_1904_OFFSET;
}

/**
 * How an Office host tells the date system apart with APIs every Excel has: the DATE worksheet function gives
 * 2000-01-01's serial in the workbook's own system (36526 in the 1900 system, 35064 in the 1904).
 */
export const DATE_SYSTEM_PROBE = { year: 2000, month: 1, day: 1 } as const;
const PROBE_ISO: IsoDate = "2000-01-01";

/** The date system DATE(2000, 1, 1) gave this serial in; null for anything else (an error, a value not loaded). */
export function dateSystemFromProbe(value: unknown): DateSystem | null {
  if (value === serialFromIso(PROBE_ISO, "1900")) return "1900";
  if (value === serialFromIso(PROBE_ISO, "1904")) return "1904";
  return null;
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
