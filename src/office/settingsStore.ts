/**
 * The add-in's workbook settings over Office.js (column mappings, the marks record, the figures sheets record), kept
 * on the very hidden sheet SETTINGS_SHEET (`_epr_settings`) in the layout every host shares
 * (src/app/settings/settingsSheet.ts): a mapping saved in Excel is the one the command line and the workbench read
 * from the saved file, and the other way round.
 *
 * Syncs: load 1 (one Excel.run; the sheet's null check and its used range's values come back together). save and
 * update 2 in one Excel.run (read, then write), 1 when the rows would not change; more only past ~4 MB of settings,
 * one per chunk (chunks.ts). Should Excel fail a batch that reads through a missing sheet's null object (the docs do
 * not say what that does), the read checks for the sheet on its own, one sync more.
 *
 * Earlier versions kept the settings in Office's document settings. A key the sheet does not have is read from there;
 * saving a key writes only the sheet and then removes the key from the document settings (saving those only when the
 * key was there), so the two never disagree.
 *
 * Writes are text: the cells get the text number format "@" before their values, in the same batch, and the values
 * go as strings, so Excel never takes a setting's JSON for typed input. In a General cell "true", "100000",
 * "2024-03-31" or a piece that starts with "=" would become a boolean, a number, a date serial or a formula
 * (Range.values in @types/office-js: text starting with "+", "-" or "=" is a formula, ISO dates are stored as dates;
 * OfficeDev/office-js#229).
 *
 * Events are not paused for these writes: the add-in's only change handler is Worksheet.onChanged on the sheet the
 * pane watches (OfficeGateway.onSheetChanged), never the settings sheet, so a settings write raises nothing it hears,
 * and turning runtime.enableEvents back on would cost a third sync (bulkWrite.ts restores in a sync of its own).
 *
 * One store's operations run one after another: a save is a read-modify-write of the whole sheet over two syncs, so
 * two at once (a mapping saved while the marks record is updated) would otherwise lose one of them.
 */
import type { SheetData } from "../core/cells";
import { SETTINGS_SHEET } from "../core/returnSheets";
import { formatRange, parseRangeBounds } from "../core/sheet/addresses";
import { rowsWithSetting, settingFromRows, settingKeysOf, settingsRowsOf, type SettingsRow } from "../app/settings/settingsSheet";
import { blockAddress, chunkBlocks, TEXT_FORMAT, type WriteBlock, type WriteScalar } from "./chunks";
import type { OfficeHost } from "./host";
import { readSetting, saveSettings } from "./settings";

/** Excel's text number format: what is written into such a cell stays the text it was (chunks.ts textInput). */
export { TEXT_FORMAT };

/** The settings sheet as one read found it. */
interface SettingsSheetState {
  /** The sheet, or null when the workbook has none. */
  readonly sheet: Excel.Worksheet | null;
  /** Its used range ("A1:C4"), or null when it holds no values. */
  readonly used: string | null;
  readonly rows: readonly SettingsRow[];
}

const NO_SHEET: SettingsSheetState = { sheet: null, used: null, rows: [] };

/** One sync (two only if Excel refuses the chained read of a missing sheet). */
async function readSettingsSheet(context: Excel.RequestContext): Promise<SettingsSheetState> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  // valuesOnly: number formats left on cleared cells do not widen the range.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(["address", "values"]);
  try {
    await context.sync();
  } catch (error) {
    const again = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    if (again.isNullObject) return NO_SHEET;
    throw error;
  }
  if (sheet.isNullObject) return NO_SHEET;
  if (used.isNullObject) return { sheet, used: null, rows: [] };
  const bounds = parseRangeBounds(used.address);
  if (!bounds) throw new Error(`Excel returned a range address the add-in cannot read: "${used.address}".`);
  // Only text counts (the codec writes nothing else); a number or date someone typed there reads as blank.
  const rows = used.values.map((row) => row.map((value: unknown) => (typeof value === "string" && value !== "" ? value : null)));
  const grid: SheetData = { name: SETTINGS_SHEET, rows, firstRow: bounds.firstRow, firstCol: bounds.firstCol };
  return { sheet, used: formatRange(bounds), rows: settingsRowsOf(grid) };
}

/** The rows as two blocks from A1 (text format first, then the values), padded to a rectangle with blanks. */
export function settingsBlocks(rows: readonly SettingsRow[]): WriteBlock[] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (rows.length === 0 || width === 0) return [];
  const values: WriteScalar[][] = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
  const formats: WriteScalar[][] = values.map((row) => row.map(() => TEXT_FORMAT));
  return [
    { sheet: SETTINGS_SHEET, row: 1, col: 1, kind: "numberFormat", data: formats },
    { sheet: SETTINGS_SHEET, row: 1, col: 1, kind: "values", data: values },
  ];
}

/** Replaces the sheet's content with the rows, adding the very hidden sheet when missing. One sync per chunk (1 in practice). */
async function writeSettingsSheet(context: Excel.RequestContext, state: SettingsSheetState, rows: readonly SettingsRow[]): Promise<void> {
  let sheet = state.sheet;
  if (sheet === null) {
    sheet = context.workbook.worksheets.add(SETTINGS_SHEET);
    // Very hidden, as the exceljs gateway saves it: not even listed under Unhide, so nobody edits it by accident.
    sheet.visibility = "VeryHidden";
  }
  if (state.used !== null) sheet.getRange(state.used).clear("Contents");
  const chunks = chunkBlocks(settingsBlocks(rows));
  for (const chunk of chunks.length > 0 ? chunks : [[]]) {
    // chunkBlocks keeps the order, so every cell's text format goes out before (or with) its value.
    for (const block of chunk) {
      const range = sheet.getRange(blockAddress(block));
      // Office.js types these as mutable any[][]; the arrays are not changed after this.
      const data = block.data as WriteScalar[][];
      if (block.kind === "numberFormat") range.numberFormat = data;
      else range.values = data;
    }
    await context.sync();
  }
}

/** The key's value: the sheet's when it has the key, else what an earlier version left in the document settings. */
function storedValue(rows: readonly SettingsRow[], key: string, documentSettings: Office.Settings): unknown {
  if (rows.some((row) => row[0] === key)) return settingFromRows(rows, key);
  return readSetting(documentSettings, key);
}

function rowText(row: SettingsRow): string {
  let end = row.length;
  while (end > 0 && row[end - 1] === "") end--;
  return JSON.stringify(row.slice(0, end));
}

function sameRows(a: readonly SettingsRow[], b: readonly SettingsRow[]): boolean {
  return a.length === b.length && a.every((row, i) => rowText(row) === rowText(b[i] ?? []));
}

/** Removes the key from the document settings, saving them only if it was there. */
async function dropDocumentSetting(documentSettings: Office.Settings, key: string): Promise<void> {
  if (readSetting(documentSettings, key) === undefined) return;
  documentSettings.remove(key);
  await saveSettings(documentSettings);
}

export class SettingsStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: OfficeHost) {}

  /** The stored value, or undefined when there is none (or it is not valid JSON). */
  load(key: string): Promise<unknown> {
    return this.exclusive(async () => {
      const state = await this.host.run(readSettingsSheet);
      return storedValue(state.rows, key, this.host.settings());
    });
  }

  /**
   * The keys the settings sheet holds a value for (1 sync). Keys an earlier version left in the document settings are
   * not listed: Office.Settings has get, set and remove but no way to list its keys
   * (https://learn.microsoft.com/javascript/api/office/office.settings).
   */
  keys(): Promise<string[]> {
    return this.exclusive(async () => settingKeysOf((await this.host.run(readSettingsSheet)).rows));
  }

  /** Stores the value as JSON; undefined or null removes the key. */
  save(key: string, value: unknown): Promise<void> {
    return this.update(key, () => value);
  }

  /** Stores next(current value), read and written in one Excel.run; nothing is written when the rows stay the same. */
  update(key: string, next: (current: unknown) => unknown): Promise<void> {
    return this.exclusive(async () => {
      const documentSettings = this.host.settings();
      await this.host.run(async (context) => {
        const state = await readSettingsSheet(context);
        const rows = rowsWithSetting(state.rows, key, next(storedValue(state.rows, key, documentSettings)));
        if (!sameRows(state.rows, rows)) await writeSettingsSheet(context, state, rows);
      });
      await dropDocumentSetting(documentSettings, key);
    });
  }

  /** Runs `work` once every earlier operation of this store has finished (failed or not). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
