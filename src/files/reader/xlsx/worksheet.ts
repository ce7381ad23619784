/**
 * One worksheet part, streamed cell by cell into the core's grid (spec section 5): shared and
 * inline strings as written, numbers (dates where the cell's format shows a date, in the
 * workbook's date system), booleans, error values, t="d" ISO dates, and formula cells by their
 * cached value only (none: blank). Rows and cells without an r reference follow the one before.
 *
 * Nothing is expanded: merged cells, data validations, conditional formats and hyperlinks are only
 * noted (../types.ts beyondValues). Every <row> and <c> element counts against the workbook's
 * budgets, empty ones included.
 *
 * Columns: values beyond column AMJ (1,024, LibreOffice's last column until 2022) are left out of
 * the grid and noted. A return has a few dozen columns, and the core reads every slot of a row up
 * to its last value, so a stray value in column XFD on each of 40,000 rows would otherwise cost
 * 650 million slots; with the cut (and the grid budget, ./budget.ts) the sheet stays readable.
 */
import { errorValue, type CellValue, type SheetData } from "../../../core/cells";
import type { ZipArchive, ZipEntry } from "../zip";
import { isTruthy, wholeNumber } from "./attributes";
import { BeyondValues, SHEET_ELEMENTS } from "./beyondValues";
import type { ReadBudget } from "./budget";
import { isoTextToDate, serialToDate } from "./cellDates";
import { columnOfRefBytes, digitsValue, MAX_SHEET_ROW } from "./cellRefs";
import { decodeExcelEscapes } from "./escapes";
import { GridBuilder } from "./gridBuilder";
import type { SharedStrings } from "./sharedStrings";
import { isInTotals, type ColumnSpan, type TotalsRows } from "./tables";
import { decodeText } from "./xml/text";
import { damagedPart, parseXmlPart } from "./xmlStream";

/** The last column read into the grid (AMJ). */
export const MAX_GRID_COLUMN = 1_024;
/** Hidden row numbers listed per sheet (informational: the core does not use them for rules). */
const MAX_HIDDEN_ROWS = 100_000;

export interface WorksheetContext {
  readonly sharedStrings: SharedStrings;
  /** 1 where a cell format shows dates (./numberFormats.ts). */
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
  readonly totals: TotalsRows;
  readonly budget: ReadBudget;
  readonly beyondValues: BeyondValues;
}

/** A cell's value from its type (the t attribute), its text (<v>, or an inline string's) and its format. */
function cellValueOf(type: string | undefined, text: string, style: number, context: WorksheetContext): CellValue {
  switch (type) {
    case undefined:
    case "n": {
      if (text === "") return null;
      const number = +text;
      // +"  " is 0: a <v> of spaces is no number.
      if (!Number.isFinite(number) || (number === 0 && text.trim() === "")) return null;
      return context.dateStyles[style] === 1 ? serialToDate(number, context.date1904) : number;
    }
    case "s": {
      const index = +text;
      return Number.isInteger(index) && index >= 0 ? (context.sharedStrings[index] ?? null) : null;
    }
    case "str":
    case "inlineStr":
      context.budget.countText(text.length);
      return text === "" ? null : decodeExcelEscapes(text);
    case "b": {
      const flag = text.trim().toLowerCase();
      if (flag === "1" || flag === "true") return true;
      if (flag === "0" || flag === "false") return false;
      return null;
    }
    case "e": {
      context.budget.countText(text.length);
      const code = text.trim();
      return code === "" ? null : errorValue(code);
    }
    case "d":
      // ISO 8601 text; a time of day alone (no date) is kept as the text written.
      context.budget.countText(text.length);
      return isoTextToDate(text) ?? (text === "" ? null : text);
    default:
      context.budget.countText(text.length);
      return text === "" ? null : text;
  }
}

/**
 * A number, shared-string or boolean cell whose text is plain digits (most cells of a return: indexes, serial
 * dates, amounts): the value read without making the text a string first. The same value cellValueOf gives.
 */
function wholeCellValue(type: string | undefined, value: number, style: number, context: WorksheetContext): CellValue {
  if (type === "s") return context.sharedStrings[value] ?? null;
  return context.dateStyles[style] === 1 ? serialToDate(value, context.date1904) : value;
}

export function readWorksheet(archive: ZipArchive, entry: ZipEntry, sheetName: string, context: WorksheetContext): SheetData {
  const { budget, totals, beyondValues } = context;
  const { maxRows, maxCells } = budget.limits;
  const grid = new GridBuilder(budget);
  const hiddenRows: number[] = [];
  let inSheetData = false;
  let inRow = false;
  let rowNumber = 0;
  let rowTotals: readonly ColumnSpan[] | undefined;
  let col = 0;
  let inCell = false;
  let cellType: string | undefined;
  let cellStyle = 0;
  let inInline = false;
  let phoneticDepth = 0;
  let capturing = false;
  let text = "";
  /** The cell's text when it came as one piece of plain digits (then `text` is empty), else -1. */
  let digits = -1;

  const startRow = (r: string | undefined, hidden: string | undefined): void => {
    if (++budget.rows > maxRows) budget.tooBig("rows, empty ones included", maxRows);
    const written = wholeNumber(r);
    rowNumber = written ?? rowNumber + 1;
    if (rowNumber < 1 || rowNumber > MAX_SHEET_ROW) throw damagedPart(entry.name, `has a row numbered ${rowNumber}, outside Excel's rows 1 to 1,048,576`);
    inRow = true;
    col = 0;
    rowTotals = totals.size === 0 ? undefined : totals.get(rowNumber);
    if (hidden !== undefined && isTruthy(hidden) && hiddenRows.length < MAX_HIDDEN_ROWS) hiddenRows.push(rowNumber);
  };

  const endCell = (): void => {
    inCell = false;
    const value =
      digits < 0 ? cellValueOf(cellType, text, cellStyle, context) : cellType === undefined || cellType === "n" || cellType === "s" ? wholeCellValue(cellType, digits, cellStyle, context) : cellValueOf(cellType, String(digits), cellStyle, context);
    text = "";
    digits = -1;
    if (value === null) return;
    if (col > MAX_GRID_COLUMN) {
      beyondValues.note("valuesFarRight");
      return;
    }
    if (rowTotals !== undefined && isInTotals(rowTotals, col)) return;
    grid.put(col, value);
  };

  parseXmlPart(archive, entry, {
    open(name, attributes) {
      switch (name) {
        case "c": {
          if (++budget.cells > maxCells) budget.tooBig("cells, empty ones included", maxCells);
          if (!inRow) return;
          const { bytes } = attributes;
          const ref = attributes.indexOf("r");
          const written = ref < 0 ? 0 : columnOfRefBytes(bytes, attributes.valueStart(ref), attributes.valueEnd(ref));
          col = written > 0 ? written : col + 1;
          cellType = attributes.get("t");
          const s = attributes.indexOf("s");
          const plain = s < 0 ? 0 : digitsValue(bytes, attributes.valueStart(s), attributes.valueEnd(s));
          const style = plain >= 0 ? plain : +attributes.valueAt(s);
          cellStyle = style >= 0 ? style : 0;
          inCell = true;
          text = "";
          digits = -1;
          return;
        }
        case "v":
          capturing = inCell;
          return;
        case "t":
          capturing = inInline && phoneticDepth === 0;
          return;
        case "is":
          inInline = inCell;
          return;
        case "rPh":
          phoneticDepth++;
          return;
        case "f":
          beyondValues.note("formulas");
          return;
        case "row":
          if (inSheetData) startRow(attributes.get("r"), attributes.get("hidden"));
          return;
        case "sheetData":
          inSheetData = true;
          return;
        default: {
          const kind = SHEET_ELEMENTS.get(name);
          if (kind !== undefined) beyondValues.note(kind);
        }
      }
    },
    wantsText: () => capturing,
    textBytes(bytes, from, to, flags) {
      if (!capturing) return;
      if (text === "" && digits < 0 && flags === 0) {
        digits = digitsValue(bytes, from, to);
        if (digits >= 0) return;
      }
      if (digits >= 0) {
        text = String(digits);
        digits = -1;
      }
      text += decodeText(bytes, from, to, flags);
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          capturing = false;
          return;
        case "rPh":
          phoneticDepth--;
          return;
        case "is":
          inInline = false;
          return;
        case "c":
          if (inCell) endCell();
          return;
        case "row":
          if (inRow) grid.endRow(rowNumber);
          inRow = false;
          return;
        case "sheetData":
          inSheetData = false;
          return;
      }
    },
  });
  return grid.finish(sheetName, hiddenRows);
}
