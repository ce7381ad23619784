/**
 * Finding sheets in an exceljs workbook as Excel does (names ignore case), keeping the
 * add-in's own settings sheet out of the user's sight.
 */
import type ExcelJS from "exceljs";
import { ADDIN_SHEET_PREFIX } from "../../core/sheetChoice";

/** The veryHidden sheet holding the add-in's workbook settings (see settingsSheet.ts). */
export const SETTINGS_SHEET = `${ADDIN_SHEET_PREFIX}settings`;

export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function isSettingsSheet(ws: ExcelJS.Worksheet): boolean {
  return sameSheetName(ws.name, SETTINGS_SHEET);
}

/** The user's sheets, in workbook order (everything but the settings sheet). */
export function userSheets(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return workbook.worksheets.filter((ws) => !isSettingsSheet(ws));
}

/** Every sheet name in the workbook, the settings sheet's too: new sheets must not take any of them. */
export function takenSheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((ws) => ws.name);
}

export function findUserSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return userSheets(workbook).find((ws) => sameSheetName(ws.name, name));
}

/** The user's sheet of that name, or an error that names it. */
export function requireUserSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = findUserSheet(workbook, name);
  if (!ws) throw new Error(`The workbook has no sheet named "${name}".`);
  return ws;
}
