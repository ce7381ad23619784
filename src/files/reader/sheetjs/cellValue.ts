/**
 * A SheetJS cell as the core's cell value, as the .xlsx reader gives it (spec section 5): a formula by its cached
 * value; a number whose format shows a date as that day (a Date at UTC midnight, from the serial in the workbook's
 * date system; a time of day alone stays a number); booleans; error values by their text ("#N/A").
 * SheetJS is asked for serials, not Dates (cellDates false): its Dates carry the machine's time zone.
 */
import type { CellObject } from "@e965/xlsx";
import { errorValue, type CellValue } from "../../../core/cells";
import { isoFromSerial } from "../../../core/dates";
import { isDateNumberFormat } from "../../../core/sheet/numberFormats";

/** BIFF's error codes (SheetJS keeps an error cell's value as this code). */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

function errorText(cell: CellObject): string {
  if (typeof cell.w === "string" && cell.w.startsWith("#")) return cell.w;
  if (typeof cell.v === "number") return ERROR_TEXT[cell.v] ?? "#VALUE!";
  return typeof cell.v === "string" && cell.v.startsWith("#") ? cell.v : "#VALUE!";
}

function dayFromSerial(serial: number, date1904: boolean): Date | null {
  const iso = isoFromSerial(serial, date1904 ? "1904" : "1900");
  return iso === null ? null : new Date(`${iso}T00:00:00Z`);
}

function numberValue(value: number, format: CellObject["z"], date1904: boolean): CellValue {
  if (!Number.isFinite(value)) return null;
  // A serial Excel cannot show as a date (below day 1, or 60, its 29/02/1900) stays the number it is.
  if (typeof format === "string" && isDateNumberFormat(format)) return dayFromSerial(value, date1904) ?? value;
  return value;
}

export function sheetJsCellValue(cell: CellObject, date1904: boolean): CellValue {
  const value = cell.v;
  switch (cell.t) {
    case "s":
      return typeof value === "string" && value !== "" ? value : null;
    case "n":
      return typeof value === "number" ? numberValue(value, cell.z, date1904) : null;
    case "b":
      return typeof value === "boolean" ? value : null;
    case "e":
      return errorValue(errorText(cell));
    case "d":
      // Only with cellDates, which is not used; read the day as SheetJS made it (local midnight) just in case.
      return value instanceof Date && !Number.isNaN(value.getTime())
        ? new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()))
        : null;
    default:
      return null;
  }
}
