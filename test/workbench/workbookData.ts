/** WorkbookData as the reader gives it (src/files/reader/types.ts), made by hand for the workbench's tests. */
import type { CellValue, Row, SheetData } from "../../src/core/cells";
import { rowsWithSetting } from "../../src/app/settings/settingsSheet";
import { SETTINGS_SHEET } from "../../src/core/returnSheets";
import type { DefinedName, ReadSheet, SheetState, WorkbookData } from "../../src/files/reader/types";

export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function grid(name: string, rows: readonly Row[], hiddenRows: readonly number[] = []): SheetData {
  return { name, rows, firstRow: 1, firstCol: 1, hiddenRows };
}

export function readSheet(name: string, rows: readonly (readonly CellValue[])[], state: SheetState = "visible", hiddenRows: readonly number[] = []): ReadSheet {
  return { name, state, grid: grid(name, rows, hiddenRows) };
}

/** The settings sheet holding these settings, laid out as every host writes it. */
export function settingsSheet(settings: Readonly<Record<string, unknown>>): ReadSheet {
  let rows: readonly (readonly string[])[] = [];
  for (const [key, value] of Object.entries(settings)) rows = rowsWithSetting(rows, key, value);
  return readSheet(SETTINGS_SHEET, rows, "veryHidden");
}

/** The add-in's marker on a sheet, as the reader gives a sheet-scoped defined name (the formula without "="). */
export function ownerName(sheet: string, marker: string): DefinedName {
  return { name: "_epr_owner", sheet, formula: `"${marker.replace(/"/g, '""')}"` };
}

export function workbookData(sheets: readonly ReadSheet[], more: Partial<Omit<WorkbookData, "sheets">> = {}): WorkbookData {
  return { format: "xlsx", date1904: false, definedNames: [], beyondValues: [], ...more, sheets };
}
