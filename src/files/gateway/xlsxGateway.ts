/**
 * The WorkbookGateway over exceljs, for the browser workbench (and node tests): the workbook
 * lives in memory; toBuffer() gives the .xlsx bytes to save. Same semantics as the Office
 * gateway (src/office/officeGateway.ts): marks are conditional formats the add-in owns,
 * the figures sheet is tracked in a setting, the template never replaces a sheet.
 *
 * Settings are stored in the workbook on a veryHidden sheet (settingsSheet.ts), which the
 * gateway hides from its callers: listSheets leaves it out and no method reads or writes it.
 *
 * Notifications. onSheetChanged, as in Excel, after the user's edits of the sheet only: here the
 * workbench grid's, which come through editCells (or notifyEdited, for cells changed some other
 * way). The add-in's own writes through the gateway (writeCells, appendTrustRows, insertTemplate,
 * writeFigures, writeStampSheet, saveSetting, markCells/clearMarks) do not fire it, as the Office
 * gateway switches Excel's events off while it writes: the task pane re-validates after its own
 * fixes, and would otherwise validate twice here (and mark, then re-validate, forever).
 * For the workbench grid itself: onChange after anything the grid shows changes, the add-in's
 * writes and marks included, so the grid redraws after every change; and onSelectionChanged
 * after selectCell.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetData } from "../../core/cells";
import { dateFromIso, isoFromSerial } from "../../core/dates";
import { isDateNumberFormat } from "../../core/sheet/numberFormats";
import type { TemplateSpec } from "../../core/template/types";
import { formatRange, parseRangeBounds } from "../../core/sheet/addresses";
import { MARKS_SETTING, planMarks, updateMarksRecord, type MarkRanges } from "../../app/marks";
import { planSheetNames } from "../../core/sheet/sheetNames";
import { HiddenSheetError } from "../../app/gateway";
import type {
  AppendedTrustRows, AppendTrustRowsOptions, CellMark, CellWrite, FiguresSheet, SelectCellOptions, SheetInfo, StampSheetCell, TemplatePlan, WorkbookGateway,
} from "../../app/gateway";
import { sheetToGrid } from "../read";
import type { WorkbookData } from "../reader/types";
import { writeTemplate } from "../writeTemplate";
import { writeFigures } from "./figures";
import { workbookFromData } from "./fromWorkbookData";
import { Listeners, rethrowListenerErrors } from "./listeners";
import { replaceMarks } from "./marks";
import { writeSheetOwners } from "./ownerNames";
import { readSetting, settingKeys, writeSetting } from "./settingsSheet";
import { requireUserSheet, sameSheetName, SETTINGS_SHEET, takenSheetNames } from "./sheets";
import { writeStampRows } from "./stampSheet";
import { appendTrustRows } from "./trustRows";
import { writeCellValues } from "./writeCells";

export interface CellSelection {
  readonly sheet: string;
  readonly address: string;
}

export class XlsxGateway implements WorkbookGateway {
  private readonly sheetListeners = new Map<string, Listeners<[]>>();
  private readonly changeListeners = new Listeners<[]>();
  private readonly selectionListeners = new Listeners<[sheet: string, address: string]>();
  private selected: CellSelection | null = null;
  private lost: readonly string[] = [];

  constructor(readonly workbook: ExcelJS.Workbook) {}

  /**
   * The workbook the reader read (../reader: every sheet read), held by exceljs for editing and writing only. What the
   * file held beyond values (formulas, charts, …) is not in it: lostOnSave() names it, for the workbench to say so.
   */
  static fromWorkbookData(data: WorkbookData): XlsxGateway {
    const { workbook, lostOnSave } = workbookFromData(data);
    const gateway = new XlsxGateway(workbook);
    gateway.lost = lostOnSave;
    return gateway;
  }

  /** A new workbook with one empty sheet, "Sheet1". */
  static blank(): XlsxGateway {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1");
    return new XlsxGateway(workbook);
  }

  /** What the opened file held that toBuffer() does not write, named for users (empty when nothing is lost). */
  lostOnSave(): readonly string[] {
    return this.lost;
  }

  /** The workbook as .xlsx bytes (for "save"). */
  async toBuffer(): Promise<Uint8Array> {
    // exceljs types the result as ArrayBuffer; it is a Buffer in node and a Uint8Array in the browser: copy it either way.
    // The add-in's sheet markers go back in, as exceljs does not write them (ownerNames.ts).
    return writeSheetOwners(this.workbook, new Uint8Array(await this.workbook.xlsx.writeBuffer()));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets
      .filter((ws) => !sameSheetName(ws.name, SETTINGS_SHEET))
      .map((ws) => ({ name: ws.name, visible: ws.state === "visible" || ws.state === undefined }));
  }

  async readSheet(name: string): Promise<SheetData> {
    return sheetToGrid(requireUserSheet(this.workbook, name));
  }

  async planTemplate(spec: TemplateSpec): Promise<TemplatePlan> {
    return planSheetNames(spec.sheets.map((s) => s.name), takenSheetNames(this.workbook));
  }

  async insertTemplate(spec: TemplateSpec, plan: TemplatePlan): Promise<void> {
    const names = checkedPlanNames(spec, plan, takenSheetNames(this.workbook));
    writeTemplate(this.workbook, spec, names);
    templateDatesAsDates(this.workbook, spec, names);
    this.changed();
  }

  async markCells(sheet: string, marks: readonly CellMark[]): Promise<void> {
    await this.replaceMarks(sheet, planMarks(marks));
  }

  async clearMarks(sheet: string): Promise<void> {
    await this.replaceMarks(sheet, null);
  }

  /** As in Excel: a hidden sheet is unhidden only when options.unhide, a very hidden one never (HiddenSheetError). */
  async selectCell(sheet: string, address: string, options: SelectCellOptions = {}): Promise<void> {
    const ws = requireUserSheet(this.workbook, sheet);
    const bounds = parseRangeBounds(address);
    if (!bounds) throw new Error(`Cannot go to "${address}" on "${ws.name}": not an A1 cell or range address.`);
    if (ws.state === "veryHidden" || (ws.state === "hidden" && options.unhide !== true)) throw new HiddenSheetError(ws.name, address, ws.state === "veryHidden");
    if (ws.state === "hidden") {
      ws.state = "visible";
      this.changed();
    }
    this.selected = { sheet: ws.name, address: formatRange(bounds) };
    rethrowListenerErrors(this.selectionListeners.notify(this.selected.sheet, this.selected.address));
  }

  /** The cell or range selectCell last went to, or null. */
  get selection(): CellSelection | null {
    return this.selected;
  }

  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    const ws = requireUserSheet(this.workbook, sheet);
    writeCellValues(ws, writes);
    this.changed();
  }

  async writeFigures(figures: FiguresSheet): Promise<string> {
    const name = writeFigures(this.workbook, figures);
    this.changed();
    return name;
  }

  async appendTrustRows(sheet: string, rows: readonly (readonly CellValue[])[], options: AppendTrustRowsOptions): Promise<AppendedTrustRows> {
    const ws = requireUserSheet(this.workbook, sheet);
    const appended = appendTrustRows(ws, rows, options);
    this.changed();
    return appended;
  }

  async writeStampSheet(rows: readonly (readonly StampSheetCell[])[]): Promise<void> {
    writeStampRows(this.workbook, rows);
    this.changed();
  }

  async loadSetting(key: string): Promise<unknown> {
    return readSetting(this.workbook, key);
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    writeSetting(this.workbook, key, value);
  }

  async settingKeys(): Promise<string[]> {
    return settingKeys(this.workbook);
  }

  async onSheetChanged(sheet: string, listener: () => void): Promise<() => Promise<void>> {
    const key = sheet.toLowerCase();
    const listeners = this.sheetListeners.get(key) ?? new Listeners<[]>();
    this.sheetListeners.set(key, listeners);
    const remove = listeners.add(listener);
    return async () => {
      remove();
      if (listeners.size === 0 && this.sheetListeners.get(key) === listeners) this.sheetListeners.delete(key);
    };
  }

  /**
   * For the workbench grid: the user's edit of cells of the sheet. Writes as writeCells does (all or nothing),
   * then fires the sheet's onSheetChanged listeners and the onChange ones, once each.
   */
  async editCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    const ws = requireUserSheet(this.workbook, sheet);
    writeCellValues(ws, writes);
    this.edited(ws.name);
  }

  /** For the workbench: the user edited cells of the sheet some other way than editCells (fires onSheetChanged and onChange). */
  notifyEdited(sheet: string): void {
    this.edited(requireUserSheet(this.workbook, sheet).name);
  }

  /**
   * Calls listener after any change the grid shows, the add-in's writes as well as the user's edits (values, new
   * sheets, marks); returns the unsubscribe.
   */
  onChange(listener: () => void): () => void {
    return this.changeListeners.add(listener);
  }

  /** Calls listener after selectCell ("go to cell"); returns the unsubscribe. */
  onSelectionChanged(listener: (sheet: string, address: string) => void): () => void {
    return this.selectionListeners.add(listener);
  }

  private async replaceMarks(sheet: string, ranges: MarkRanges | null): Promise<void> {
    const ws = requireUserSheet(this.workbook, sheet);
    replaceMarks(ws, ranges);
    // As the Office gateway does, so the task pane can tell after a reopen which cells are marked;
    // an unchanged record is not rewritten, so clearing an unmarked sheet leaves the file as it was.
    const previous = readSetting(this.workbook, MARKS_SETTING);
    const next = updateMarksRecord(previous, ws.name, ranges, this.workbook.worksheets.map((w) => w.name));
    if (JSON.stringify(previous ?? {}) !== JSON.stringify(next)) writeSetting(this.workbook, MARKS_SETTING, next);
    this.changed();
  }

  /** After the add-in's own writes: fires the onChange listeners only (every one runs before any error is thrown). */
  private changed(): void {
    rethrowListenerErrors(this.changeListeners.notify());
  }

  /** After the user's edit of the sheet: fires its onSheetChanged listeners, then the onChange ones; every listener runs before any error is thrown. */
  private edited(sheet: string): void {
    const errors: unknown[] = [...(this.sheetListeners.get(sheet.toLowerCase())?.notify() ?? [])];
    errors.push(...this.changeListeners.notify());
    rethrowListenerErrors(errors);
  }
}

/**
 * The template's date cells (a serial under a date format, e.g. Lists' "as of" dates) as Dates. exceljs keeps a
 * number it is given as a number until the file is saved and opened again (it reads a date-formatted number as a
 * Date), so readSheet would give the serial now and the date after a reopen; Excel reads them as dates at once.
 * A Date is saved as the same serial under the same format, so the file is unchanged.
 */
function templateDatesAsDates(workbook: ExcelJS.Workbook, spec: TemplateSpec, names: Readonly<Record<string, string>>): void {
  for (const sheet of spec.sheets) {
    const ws = workbook.worksheets.find((w) => sameSheetName(w.name, names[sheet.name] ?? sheet.name));
    if (!ws) continue;
    for (const cell of sheet.cells) {
      if (cell.formula !== undefined || typeof cell.value !== "number" || !isDateNumberFormat(cell.numFmt)) continue;
      const iso = isoFromSerial(cell.value);
      if (iso !== null) ws.getCell(cell.address).value = dateFromIso(iso);
    }
  }
}

/**
 * The plan as writeTemplate's names (template name → name in this workbook). Refuses a plan
 * that misses a template sheet, or that would now replace a sheet (the workbook changed since).
 */
function checkedPlanNames(spec: TemplateSpec, plan: TemplatePlan, existing: readonly string[]): Record<string, string> {
  const names: Record<string, string> = {};
  const chosen: string[] = [];
  for (const sheet of spec.sheets) {
    const planned = plan.sheets.find((s) => s.templateName === sheet.name);
    if (!planned) throw new Error(`The template plan has no name for the sheet "${sheet.name}": plan the template again.`);
    const clash = [...existing, ...chosen].find((name) => sameSheetName(name, planned.name));
    if (clash !== undefined) {
      throw new Error(`A sheet named "${clash}" is already in the workbook, and the template never replaces a sheet: insert the template again.`);
    }
    names[sheet.name] = planned.name;
    chosen.push(planned.name);
  }
  return names;
}
