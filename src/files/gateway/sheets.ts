/**
 * Finding sheets in an exceljs workbook as Excel does (names ignore case), keeping the
 * add-in's own settings sheet out of the user's sight.
 */
import type ExcelJS from "exceljs";
import { SETTINGS_SHEET, sameSheetName } from "../../core/returnSheets";

export { SETTINGS_SHEET, sameSheetName };

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
