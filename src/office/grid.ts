/**
 * Turns what Office.js loads for a range (values, valueTypes, numberFormat and the
 * range's address) into the core's SheetData grid. Pure, so it is tested without Excel.
 * Date cells come as serials in the workbook's date system (readSheet.ts finds which).
 */
import { errorValue, type CellValue, type Row, type SheetData } from "../core/cells";
import { dateFromIso, DEFAULT_DATE_SYSTEM, isoFromSerial, type DateSystem } from "../core/dates";
import { parseRangeBounds } from "../core/sheet/addresses";
import { isDateNumberFormat } from "../core/sheet/numberFormats";

/** The loaded properties of one range (Excel.Range after load + sync). */
export interface LoadedRange {
  readonly address: string;
  readonly values: readonly (readonly unknown[])[];
  /** Excel.RangeValueType per cell: "Empty", "String", "Double", "Integer", "Boolean", "Error", "RichValue", "Unknown". */
  readonly valueTypes: readonly (readonly string[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
}

/** One loaded cell as the core's CellValue; a date-formatted number is a serial of the workbook's date system. */
export function cellFromExcel(value: unknown, valueType: string | undefined, numberFormat: unknown, dateSystem: DateSystem = DEFAULT_DATE_SYSTEM): CellValue {
  switch (valueType) {
    case "Empty":
      return null;
    case "Error":
      return errorValue(typeof value === "string" && value !== "" ? value : "#VALUE!");
    default:
      return primitiveCell(value, numberFormat, dateSystem);
  }
}

function primitiveCell(value: unknown, numberFormat: unknown, dateSystem: DateSystem): CellValue {
  if (typeof value === "number") {
    if (!isDateNumberFormat(numberFormat)) return value;
    const iso = isoFromSerial(value, dateSystem);
    // A serial Excel cannot show as a date (e.g. negative) stays a number: the rules report it.
    return iso === null ? value : dateFromIso(iso);
  }
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean") return value;
  return null;
}

/** The loaded used range as SheetData; the address gives firstRow/firstCol; dates read in the workbook's date system. */
export function sheetDataFromRange(name: string, range: LoadedRange, dateSystem: DateSystem = DEFAULT_DATE_SYSTEM): SheetData {
  const bounds = parseRangeBounds(range.address);
  if (!bounds) throw new Error(`Excel returned a range address the add-in cannot read: "${range.address}".`);
  // Read each property once: on a proxy object every access may cost a conversion.
  const { values, valueTypes, numberFormat } = range;
  const rows: Row[] = values.map((valueRow, r) =>
    valueRow.map((value, c) => cellFromExcel(value, valueTypes[r]?.[c], numberFormat[r]?.[c], dateSystem)),
  );
  return { name, rows, firstRow: bounds.firstRow, firstCol: bounds.firstCol };
}

/** SheetData for a sheet with nothing in it. */
export function emptySheetData(name: string): SheetData {
  return { name, rows: [], firstRow: 1, firstCol: 1 };
}

/** Stacks row blocks read separately (top to bottom) into one SheetData. */
export function joinRowBlocks(name: string, blocks: readonly SheetData[]): SheetData {
  const first = blocks[0];
  if (!first) return emptySheetData(name);
  return { name, rows: blocks.flatMap((b) => b.rows), firstRow: first.firstRow, firstCol: first.firstCol };
}
