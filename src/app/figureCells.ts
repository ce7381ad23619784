/**
 * How a figures sheet's cells are written (WorkbookGateway.writeFigures, FiguresSheet), one rule for every gateway
 * (Office.js, exceljs, the pane tests' fake), so the sheet reads and shows the same in each: a Date becomes a date
 * value (each gateway makes it a serial of its workbook's date system), a figure that cannot be computed a blank cell,
 * and every cell takes the number format FiguresSheet.numberFormats gives it (a Date without one: dd/mm/yyyy).
 */
import { isoFromDate, type IsoDate } from "../core/dates";
import { DATE_FORMAT } from "../core/template/layout";
import type { FigureCell, FiguresSheet } from "./gateway";

export type FigureInput =
  | { readonly kind: "blank" }
  | { readonly kind: "value"; readonly value: string | number | boolean }
  /** A calendar day, written as a date value (not text) in the workbook's date system. */
  | { readonly kind: "day"; readonly iso: IsoDate };

const BLANK: FigureInput = { kind: "blank" };

/** What a gateway writes for a figure: xlsx has no NaN or infinity, and an invalid Date is no day, so both are blank. */
export function figureInput(value: FigureCell | undefined): FigureInput {
  if (value === null || value === undefined) return BLANK;
  if (value instanceof Date) {
    const iso = isoFromDate(value);
    return iso === null ? BLANK : { kind: "day", iso };
  }
  if (typeof value === "number" && !Number.isFinite(value)) return BLANK;
  return { kind: "value", value };
}

/** The number format of the cell at 0-based (row, col), or null for General. */
export function figureFormat(figures: FiguresSheet, row: number, col: number): string | null {
  const given = figures.numberFormats?.[row]?.[col];
  if (given !== undefined && given !== null && given !== "") return given;
  return figures.rows[row]?.[col] instanceof Date ? DATE_FORMAT : null;
}

/** Whether any cell has a number format: a sheet with none (the Export's text) is written as values alone. */
export function hasFigureFormats(figures: FiguresSheet): boolean {
  return figures.rows.some((row, r) => row.some((_, c) => figureFormat(figures, r, c) !== null));
}
