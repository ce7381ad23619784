/**
 * The WorkbookGateway over Office.js: the only code that calls Excel.run. Each method is
 * one Excel.run (delayForCellEdit) or a few, with a fixed number of context.sync() calls,
 * the same for 10 rows as for 10,000; bulk writes add one sync per ~4 MB of payload (chunks.ts).
 *
 *   listSheets 1 · readSheet 1 · planTemplate 1 ·
 *   insertTemplate 3 (names; the sheets and their contents, ~42 KB; restore), after a failure 2 more (its
 *   sheets deleted again) · selectCell 2 ·
 *   writeCells 3 (the cells' number formats; the writes; restore) · appendTrustRows 4 · writeStampSheet 3 ·
 *   onSheetChanged 1 (its unsubscribe 1) ·
 *   loadSetting 1 · saveSetting 2 (1 when nothing changes) · settingKeys 1 ·
 *   markCells / clearMarks 3 + the marks record 2 (1 when it does not change) ·
 *   writeFigures 1 (its record) + 4 + 2 (the record, only when the sheet it wrote is not the one recorded).
 * The batches that are a user's action (writeCells, appendTrustRows, insertTemplate, markCells / clearMarks,
 * writeStampSheet) ask to be one undo step (host.ts: Excel.run's mergeUndoGroup, ExcelApi 1.20).
 * The settings live on the very hidden sheet `_epr_settings` (settingsStore.ts); a key an earlier
 * version left in the document settings is still read, and removed when the key is saved (one
 * saveAsync then).
 */
import type { CellValue, SheetData } from "../core/cells";
import type { TemplateSpec } from "../core/template/types";
import { HiddenSheetError } from "../app/gateway";
import type {
  AppendedTrustRows, AppendTrustRowsOptions, CellMark, CellWrite, FiguresSheet, SelectCellOptions, SheetInfo, StampSheetCell, TemplatePlan, WorkbookGateway,
} from "../app/gateway";
import { writeCells } from "./cellWriteOps";
import { withOfficeErrors } from "./errors";
import { writeFigures } from "./figuresOps";
import { officeHost, type OfficeHost } from "./host";
import { replaceMarks } from "./markOps";
import { MARKS_SETTING, planMarks, updateMarksRecord, type MarkRanges } from "../app/marks";
import { readSheet } from "./readSheet";
import { SettingsStore } from "./settingsStore";
import { SETTINGS_SHEET, sameSheetName } from "../core/returnSheets";
import { writeStampSheet } from "./stampOps";
import { insertTemplate, planTemplate } from "./templateOps";
import { appendTrustRows } from "./trustRowsOps";

export class OfficeGateway implements WorkbookGateway {
  private readonly settings: SettingsStore;

  constructor(private readonly host: OfficeHost = officeHost()) {
    this.settings = new SettingsStore(host);
  }

  /** The user's sheets: the add-in's settings sheet is left out (as XlsxGateway.listSheets does). */
  listSheets(): Promise<SheetInfo[]> {
    return withOfficeErrors("list the workbook's sheets", () =>
      this.host.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name,items/visibility");
        await context.sync();
        return sheets.items
          .filter((s) => !sameSheetName(s.name, SETTINGS_SHEET))
          .map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
      }),
    );
  }

  readSheet(name: string): Promise<SheetData> {
    // The settings sheet is reached only through loadSetting, as in every gateway (listSheets leaves it out).
    if (sameSheetName(name, SETTINGS_SHEET)) return Promise.reject(new Error(`The workbook has no sheet named "${name}".`));
    return withOfficeErrors(`read sheet "${name}"`, () => readSheet(this.host, name));
  }

  planTemplate(spec: TemplateSpec): Promise<TemplatePlan> {
    return withOfficeErrors("look at the workbook's sheets", () => planTemplate(this.host, spec));
  }

  insertTemplate(spec: TemplateSpec, plan: TemplatePlan): Promise<void> {
    return withOfficeErrors("insert the template", () => insertTemplate(this.host, spec, plan));
  }

  markCells(sheet: string, marks: readonly CellMark[]): Promise<void> {
    return withOfficeErrors(`mark the cells with issues on "${sheet}"`, () => this.replaceMarks(sheet, planMarks(marks)));
  }

  clearMarks(sheet: string): Promise<void> {
    return withOfficeErrors(`clear the marks on "${sheet}"`, () => this.replaceMarks(sheet, null));
  }

  /**
   * Two syncs: the sheet's visibility first, then (unhiding it when asked and allowed) activate and select. Excel
   * cannot make a hidden sheet the active one, and the Office.js reference for Worksheet.activate says nothing of what
   * it does then (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1)),
   * so the gateway looks before it activates rather than reading a failure: a hidden sheet rejects with
   * HiddenSheetError unless options.unhide (Worksheet.visibility, settable from ExcelApi 1.2), a very hidden one always.
   * The settings sheet is not there for callers, as in readSheet.
   */
  selectCell(sheet: string, address: string, options: SelectCellOptions = {}): Promise<void> {
    const action = `go to ${sheet}!${address}`;
    if (sameSheetName(sheet, SETTINGS_SHEET)) return Promise.reject(new Error(`Could not ${action}: the workbook has no sheet named "${sheet}".`));
    return withOfficeErrors(action, () =>
      this.host.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.load("name,visibility");
        await context.sync();
        if (worksheet.visibility !== "Visible") {
          const veryHidden = worksheet.visibility === "VeryHidden";
          if (veryHidden || options.unhide !== true) throw new HiddenSheetError(worksheet.name, address, veryHidden);
          worksheet.visibility = "Visible";
        }
        worksheet.activate();
        worksheet.getRange(address).select();
        await context.sync();
      }),
    );
  }

  writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    return withOfficeErrors(`write to "${sheet}"`, () => writeCells(this.host, sheet, writes));
  }

  writeFigures(figures: FiguresSheet): Promise<string> {
    return withOfficeErrors(`write the sheet "${figures.name}"`, () => writeFigures(this.host, this.settings, figures));
  }

  appendTrustRows(sheet: string, rows: readonly (readonly CellValue[])[], options: AppendTrustRowsOptions): Promise<AppendedTrustRows> {
    return withOfficeErrors(`add the rows to the table on "${sheet}"`, () => appendTrustRows(this.host, sheet, rows, options));
  }

  writeStampSheet(rows: readonly (readonly StampSheetCell[])[]): Promise<void> {
    return withOfficeErrors("write the validation stamp", () => writeStampSheet(this.host, rows));
  }

  loadSetting(key: string): Promise<unknown> {
    return withOfficeErrors("read the add-in's settings in the workbook", () => this.settings.load(key));
  }

  saveSetting(key: string, value: unknown): Promise<void> {
    return withOfficeErrors("save the add-in's settings in the workbook", () => this.settings.save(key, value));
  }

  settingKeys(): Promise<string[]> {
    return withOfficeErrors("read the add-in's settings in the workbook", () => this.settings.keys());
  }

  onSheetChanged(sheet: string, listener: () => void): Promise<() => Promise<void>> {
    return withOfficeErrors(`watch "${sheet}" for changes`, async () => {
      const handler = await this.host.run(async (context) => {
        const added = context.workbook.worksheets.getItem(sheet).onChanged.add(async () => listener());
        await context.sync();
        return added;
      });
      return () =>
        withOfficeErrors(`stop watching "${sheet}"`, () =>
          // A handler is removed in the context it was added in.
          this.host.runIn(handler.context, async (context) => {
            handler.remove();
            await context.sync();
          }),
        );
    });
  }

  private async replaceMarks(sheet: string, ranges: MarkRanges | null): Promise<void> {
    const { name, sheets } = await replaceMarks(this.host, sheet, ranges);
    await this.settings.update(MARKS_SETTING, (previous) => {
      const next = updateMarksRecord(previous, name, ranges, sheets);
      // Unchanged (e.g. clearing a sheet never marked): keep what is stored, so nothing is written.
      return JSON.stringify(previous ?? {}) === JSON.stringify(next) ? previous : next;
    });
  }
}

export function createOfficeGateway(host: OfficeHost = officeHost()): WorkbookGateway {
  return new OfficeGateway(host);
}
