/**
 * What appending trust rows to a table writes, worked out without Excel from the table's header and data
 * body as loaded: which trailing blank rows are filled, which rows the table grows by, where Source goes,
 * and which cells get a date format. The gateway only replays this (trustRowsOps.ts). Pure.
 */
import { columnLetters, isErrorValue, type CellValue } from "../core/cells";
import { DEFAULT_DATE_SYSTEM, isoFromDate, serialFromIso, type DateSystem } from "../core/dates";
import { isOwnExtraHeader } from "../core/headers";
import { DATE_FORMAT } from "../core/template/layout";
import type { AppendTrustRowsOptions } from "../app/gateway";
import { parseRangeBounds, type RangeBounds } from "../core/sheet/addresses";
import { excelInput, TEXT_FORMAT, textInput, type WriteBlock, type WriteScalar } from "./chunks";

/** The table's header row and data body after load: their addresses and values; and the workbook's date system. */
export interface LoadedTable {
  readonly headerAddress: string;
  readonly headerValues: readonly (readonly unknown[])[];
  readonly bodyAddress: string;
  readonly bodyValues: readonly (readonly unknown[])[];
  /** The data body's number formats, when loaded: text goes into a Text-formatted ("@") cell as it is (textInput). */
  readonly bodyNumberFormats?: readonly (readonly unknown[])[];
  /** Dates are written as serials of this system (dateSystem.ts reads it in the same sync). */
  readonly dateSystem: DateSystem;
}

export interface TrustAppendPlan {
  /** Add a `Source` column at the table's right before anything else. */
  readonly addSourceColumn: boolean;
  /** Value blocks over the table's trailing blank rows (plain range writes). */
  readonly fill: readonly WriteBlock[];
  /** One value block of the rows the table grows by (written with table.rows.add, in order). */
  readonly grow: WriteBlock | null;
  /** Sheet columns formatted as Text in the table's last row: the grown rows get Text there, and those values again. */
  readonly growTextColumns: readonly number[];
  /** Date formats for date cells, as column blocks after the values. */
  readonly formats: readonly WriteBlock[];
  readonly firstRow: number;
  readonly lastRow: number;
  /** Sheet column of Source when sources were given. */
  readonly sourceColumn: number | null;
}

function bounds(address: string, what: string): RangeBounds {
  const parsed = parseRangeBounds(address);
  if (!parsed) throw new Error(`Excel returned a ${what} address the add-in cannot read: "${address}".`);
  return parsed;
}

const isBlankValue = (value: unknown): boolean => value === "" || value === null || value === undefined;

/**
 * A value as Excel takes it through Range.values: dates as serials of the workbook's date system (their format is
 * set apart), text kept as text (with the text prefix: excelInput).
 */
export function officeCellInput(value: CellValue, dateSystem: DateSystem = DEFAULT_DATE_SYSTEM): WriteScalar {
  if (value instanceof Date) {
    const iso = isoFromDate(value);
    if (iso === null) throw new Error("Cannot write an invalid date.");
    return serialFromIso(iso, dateSystem);
  }
  if (isErrorValue(value)) return value.code;
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`Cannot write ${String(value)}: a cell holds only finite numbers.`);
  return excelInput(value);
}

function checkRows(rows: readonly (readonly CellValue[])[], table: RangeBounds, sheet: string): void {
  rows.forEach((row, i) =>
    row.forEach((value, c) => {
      if (value !== null && (c + 1 < table.firstCol || c + 1 > table.lastCol)) {
        throw new Error(`Cannot add row ${i + 1} to the table on "${sheet}": it has a value in column ${columnLetters(c + 1)}, outside the table.`);
      }
    }),
  );
}

/** Consecutive rows of one column that hold dates → numberFormat blocks. */
function dateFormatBlocks(sheet: string, rows: readonly (readonly CellValue[])[], firstRow: number, cols: readonly number[]): WriteBlock[] {
  const blocks: WriteBlock[] = [];
  for (const col of cols) {
    let start: number | null = null;
    for (let i = 0; i <= rows.length; i++) {
      const isDate = i < rows.length && rows[i]?.[col - 1] instanceof Date;
      if (isDate && start === null) start = i;
      if (!isDate && start !== null) {
        blocks.push({ sheet, row: firstRow + start, col, kind: "numberFormat", data: Array.from({ length: i - start }, () => [DATE_FORMAT]) });
        start = null;
      }
    }
  }
  return blocks;
}

export function planTrustAppend(sheet: string, table: LoadedTable, rows: readonly (readonly CellValue[])[], options: AppendTrustRowsOptions): TrustAppendPlan {
  const header = bounds(table.headerAddress, "table header");
  const body = bounds(table.bodyAddress, "table body");
  if (options.sources !== undefined && options.sources.length !== rows.length) throw new Error(`${rows.length} rows to add but ${options.sources.length} sources: give one source per row.`);
  checkRows(rows, header, sheet);

  const headerTexts = (table.headerValues[0] ?? []).map((v) => String(v ?? ""));
  const sourceIndex = headerTexts.findIndex(isOwnExtraHeader);
  const addSourceColumn = options.sources !== undefined && sourceIndex < 0;
  const width = header.lastCol - header.firstCol + 1 + (addSourceColumn ? 1 : 0);
  const sourceCol = options.sources === undefined ? null : addSourceColumn ? header.lastCol + 1 : header.firstCol + sourceIndex;

  let blankRows = 0;
  while (blankRows < table.bodyValues.length && (table.bodyValues[table.bodyValues.length - 1 - blankRows] ?? []).every(isBlankValue)) blankRows++;
  const firstRow = body.lastRow - blankRows + 1;

  // Text takes the text prefix unless its cell is formatted as Text (textInput): a blank row filled keeps its own
  // cell's format. What format Excel gives the rows a table grows by is not documented, so where the table's last row
  // is Text in a column, the grown rows get Text there too and that column's values are written again over them
  // (growTextColumns; trustRowsOps.ts); elsewhere they get the text prefix. The Source column added now is General.
  const bodyFormats = table.bodyNumberFormats ?? [];
  const lastFormats = bodyFormats[bodyFormats.length - 1] ?? [];
  const formatOf = (i: number, j: number): unknown => {
    if (addSourceColumn && header.firstCol + j === sourceCol) return undefined;
    const bodyRow = firstRow - body.firstRow + i;
    return bodyRow < bodyFormats.length ? bodyFormats[bodyRow]?.[j] : lastFormats[j];
  };
  const data: WriteScalar[][] = rows.map((row, i) =>
    Array.from({ length: width }, (_, j) => {
      const col = header.firstCol + j;
      if (col === sourceCol) return excelInput(options.sources?.[i] ?? null, formatOf(i, j));
      const value = row[col - 1] ?? null;
      if (typeof value === "string") return textInput(value, formatOf(i, j));
      return officeCellInput(value, table.dateSystem);
    }),
  );
  const fillCount = Math.min(blankRows, data.length);
  const fill: WriteBlock[] = fillCount > 0 ? [{ sheet, row: firstRow, col: header.firstCol, kind: "values", data: data.slice(0, fillCount) }] : [];
  const growData = data.slice(fillCount);
  const grow: WriteBlock | null = growData.length > 0 ? { sheet, row: firstRow + fillCount, col: header.firstCol, kind: "values", data: growData } : null;
  const growTextColumns = grow === null ? [] : lastFormats.flatMap((format, j) => (format === TEXT_FORMAT ? [header.firstCol + j] : []));
  const cols = Array.from({ length: header.lastCol - header.firstCol + 1 }, (_, j) => header.firstCol + j);
  return { addSourceColumn, fill, grow, growTextColumns, formats: dateFormatBlocks(sheet, rows, firstRow, cols), firstRow, lastRow: firstRow + rows.length - 1, sourceColumn: sourceCol };
}
