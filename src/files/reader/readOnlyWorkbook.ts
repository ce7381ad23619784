/**
 * A workbook read from a file, for the use cases that only read (app/checkReturn.ts's WorkbookReader): the
 * command line's commands and Merge's sources. The settings sheet is hidden from callers, as in every gateway.
 */
import type { SheetData } from "../../core/cells";
import { SETTINGS_SHEET, sameSheetName } from "../../core/returnSheets";
import type { SheetInfo } from "../../app/gateway";
import type { WorkbookReader } from "../../app/checkReturn";
import { settingFromRows, settingKeysOf, settingsRowsOf, type SettingsRow } from "../../app/settings/settingsSheet";
import type { ReadSheet, WorkbookData } from "./types";

export class ReadOnlyWorkbook implements WorkbookReader {
  private settingsRows: SettingsRow[] | null = null;

  constructor(readonly data: WorkbookData) {}

  async listSheets(): Promise<SheetInfo[]> {
    return this.data.sheets.filter((s) => !sameSheetName(s.name, SETTINGS_SHEET)).map((s) => ({ name: s.name, visible: s.state === "visible" }));
  }

  async readSheet(name: string): Promise<SheetData> {
    const sheet = this.find(name);
    if (!sheet || sameSheetName(sheet.name, SETTINGS_SHEET)) throw new Error(`The workbook has no sheet "${name}".`);
    if (sheet.grid === null) throw new Error(`The sheet "${sheet.name}" was not read (only the sheets the command needs are).`);
    return sheet.grid;
  }

  async loadSetting(key: string): Promise<unknown> {
    return settingFromRows(this.settings(), key);
  }

  async settingKeys(): Promise<string[]> {
    return settingKeysOf(this.settings());
  }

  private find(name: string): ReadSheet | undefined {
    return this.data.sheets.find((s) => sameSheetName(s.name, name));
  }

  private settings(): SettingsRow[] {
    if (this.settingsRows === null) {
      const sheet = this.data.sheets.find((s) => sameSheetName(s.name, SETTINGS_SHEET));
      this.settingsRows = settingsRowsOf(sheet?.grid ?? null);
    }
    return this.settingsRows;
  }
}
