/**
 * The add-in's workbook settings in an exceljs workbook: the very hidden SETTINGS_SHEET, in the layout every
 * host shares (src/app/settings/settingsSheet.ts), so Excel, the workbench and the command line read the same.
 */
import type ExcelJS from "exceljs";
import { SETTINGS_SHEET, sameSheetName } from "../../core/returnSheets";
import { rowsWithSetting, settingFromRows, settingKeysOf, type SettingsRow } from "../../app/settings/settingsSheet";

function findSettingsSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((ws) => sameSheetName(ws.name, SETTINGS_SHEET));
}

/** The sheet's cells as text rows from column A (only strings count: the codec writes nothing else). */
function rowsOf(ws: ExcelJS.Worksheet): SettingsRow[] {
  const rows: SettingsRow[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: string[] = [];
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      while (cells.length < col - 1) cells.push("");
      cells.push(typeof cell.value === "string" ? cell.value : "");
    });
    rows.push(cells);
  }
  return rows;
}

/** The stored value, or undefined when there is none (or it is not valid JSON). */
export function readSetting(workbook: ExcelJS.Workbook, key: string): unknown {
  const ws = findSettingsSheet(workbook);
  return ws ? settingFromRows(rowsOf(ws), key) : undefined;
}

/** The keys the settings sheet holds a value for, in its order. */
export function settingKeys(workbook: ExcelJS.Workbook): string[] {
  const ws = findSettingsSheet(workbook);
  return ws ? settingKeysOf(rowsOf(ws)) : [];
}

/** Stores the value as JSON; undefined or null removes the key (as Excel's document settings do). */
export function writeSetting(workbook: ExcelJS.Workbook, key: string, value: unknown): void {
  const existing = findSettingsSheet(workbook);
  const next = rowsWithSetting(existing ? rowsOf(existing) : [], key, value);
  if (!existing && next.length === 0) return;
  // veryHidden: not even listed under Unhide in Excel, so nobody edits it by accident.
  const ws = existing ?? workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => (cell.value = null)));
  next.forEach((row, r) => row.forEach((text, c) => (ws.getCell(r + 1, c + 1).value = text === "" ? null : text)));
}
