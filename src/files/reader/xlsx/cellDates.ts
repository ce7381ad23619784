/**
 * Dates as the program that saved the workbook shows them: a date-formatted number is a serial
 * day in the workbook's date system, and a t="d" cell holds ISO 8601 text. Either becomes the
 * calendar day at UTC midnight (../../../core/cells.ts): a date-time is its day.
 */
const MS_PER_DAY = 86_400_000;
/** 1899-12-31, Excel's day 0 in the 1900 system ("0 Jan 1900"): serial 1 is 1 Jan 1900. */
const EPOCH_1900 = Date.UTC(1899, 11, 31);
/** 1904-01-01 is day 0 in the 1904 system (Excel for Mac's old default). */
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** The last day Excel shows as a date (9999-12-31) in each system; beyond it Excel shows ####. */
const LAST_SERIAL_1900 = 2_958_465;
const LAST_SERIAL_1904 = LAST_SERIAL_1900 - 1462;

/**
 * The day a serial shows, or the number itself when Excel shows no day for it (before its first
 * day or after 9999). In the 1900 system Excel counts a 29 Feb 1900 that never was (serial 60,
 * Lotus 1-2-3's leap-year bug): serials from 61 are one day ahead of a plain count, so only
 * those before 61 count from 31 Dec 1899 and the rest from 30 Dec 1899; serial 60 itself
 * becomes 1 Mar 1900, the day JavaScript makes of 29 Feb 1900.
 */
export function serialToDate(serial: number, date1904: boolean): Date | number {
  // Rounded to the millisecond first, as Excel rounds a time of day when showing it: a
  // date-time a hair before midnight shows the next day.
  const dayMs = Math.round(serial * MS_PER_DAY);
  const day = Math.floor(dayMs / MS_PER_DAY);
  if (date1904) {
    if (day < 0 || day > LAST_SERIAL_1904) return serial;
    return new Date(EPOCH_1904 + day * MS_PER_DAY);
  }
  if (day < 1 || day > LAST_SERIAL_1900) return serial;
  return new Date(EPOCH_1900 + (day < 61 ? day : day - 1) * MS_PER_DAY);
}

const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]|\s*$)/;

/**
 * A t="d" cell's ISO 8601 text as its day (a date-time as its day, the date as written whatever
 * the time zone after it); null when the text holds no valid date (a time of day alone included).
 */
export function isoTextToDate(text: string): Date | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2023-02-31 over into March: such a day is not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}
