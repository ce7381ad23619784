/**
 * An in-memory WorkbookGateway over SheetData grids, for the task pane tests. It records every call,
 * can be told to make a method reject (`failWith`), and can hold a method until the test releases it
 * (`hold`), to see the pane while an operation is running.
 *
 * It keeps the contract the real gateways keep (test/contract/gateway.contract.test.ts runs the same cases
 * over it, the Office gateway and the exceljs gateway): sheet names ignore case; an unknown sheet rejects
 * with a message naming it; the settings sheet is never listed or read (a workbook's settings sheet, added with
 * addSheet, gives loadSetting its values); dates read back at UTC midnight;
 * writes are checked before any cell changes; settings are stored as JSON (settingKeys lists them); the template and
 * the figures sheet never replace a user's sheet, and the figures' number formats are kept (numberFormatAt); selectCell refuses a hidden sheet (HiddenSheetError) unless asked to
 * unhide it, and a very hidden one always; the stamp sheet is listed as not visible; onSheetChanged listeners hear
 * of the user's edits (`edit`) only, never of the gateway's own writes. Its one shortcut: a sheet
 * added without a table (`addSheet` with `table` left out) has an implicit one, the block from row 1
 * (headers) to its last row, as wide as its header row.
 */
import type { CellValue, Row, SheetData } from "../../src/core/cells";
import { cellAddress, columnLetters, parseAddress } from "../../src/core/cells";
import { dateFromIso, isoFromDate, isoFromSerial } from "../../src/core/dates";
import { figureFormat, figureInput } from "../../src/app/figureCells";
import { headerText, isOwnExtraHeader, SOURCE_HEADER } from "../../src/core/headers";
import { SETTINGS_SHEET, sameSheetName } from "../../src/core/returnSheets";
import { parseRangeBounds, type RangeBounds } from "../../src/core/sheet/addresses";
import { isDateNumberFormat } from "../../src/core/sheet/numberFormats";
import { planSheetNames, uniqueSheetName } from "../../src/core/sheet/sheetNames";
import type { TemplateSheet, TemplateSpec } from "../../src/core/template/types";
import { MARKS_SETTING, planMarks, updateMarksRecord, type MarkRanges } from "../../src/app/marks";
import { settingFromRows, settingsRowsOf } from "../../src/app/settings/settingsSheet";
import { HiddenSheetError } from "../../src/app/gateway";
import type {
  AppendedTrustRows, AppendTrustRowsOptions, CellMark, CellWrite, FiguresSheet, SelectCellOptions, SheetInfo, StampSheetCell, TemplatePlan, WorkbookGateway,
} from "../../src/app/gateway";
import { STAMP_SHEET } from "../../src/core/stamp/sheetLayout";

export type GatewayMethod = keyof WorkbookGateway;

export interface RecordedCall {
  readonly method: GatewayMethod;
  readonly args: readonly unknown[];
}

/** A sheet's table: its range, or "implicit" (the block from row 1, see the file's comment). */
type FakeTable = RangeBounds | "implicit";

interface FakeSheet {
  name: string;
  rows: CellValue[][];
  visible: boolean;
  /** Of a sheet not visible: hidden, or very hidden (never unhidden by selectCell). */
  veryHidden?: boolean;
  table: FakeTable | null;
  /** Number formats by A1 address, of the cells writeFigures formatted (no other write formats a cell here). */
  formats?: Map<string, string>;
}

/** A JSON value stored and read as a copy, as the real gateways' settings are. */
function jsonCopy(key: string, value: unknown): unknown {
  const json: unknown = JSON.stringify(value);
  if (typeof json !== "string") throw new Error(`The setting "${key}" cannot be stored: its value is not JSON data.`);
  return JSON.parse(json) as unknown;
}

/** As the hosts read a cell: dates at UTC midnight (the time of day is dropped), empty text as blank. */
function readValue(value: CellValue | undefined): CellValue {
  if (value === undefined || value === "") return null;
  if (value instanceof Date) {
    const iso = isoFromDate(value);
    return iso === null ? null : dateFromIso(iso);
  }
  return value;
}

const isBlank = (value: CellValue | undefined): boolean => value === null || value === undefined || value === "";

/** A template cell's literal value as the hosts read it back (a serial under a date format is a date). */
function templateValue(value: TemplateSheet["cells"][number]["value"], numFmt: string | undefined): CellValue {
  if (value === undefined) return null;
  if (typeof value === "number" && isDateNumberFormat(numFmt)) {
    const iso = isoFromSerial(value);
    return iso === null ? value : dateFromIso(iso);
  }
  return value;
}

export class FakeGateway implements WorkbookGateway {
  readonly calls: RecordedCall[] = [];
  readonly settings = new Map<string, unknown>();
  readonly marks = new Map<string, readonly CellMark[]>();
  readonly figures: FiguresSheet[] = [];
  private readonly sheets: FakeSheet[] = [];
  private readonly failures = new Map<GatewayMethod, string>();
  private readonly holds = new Map<GatewayMethod, Promise<void>>();
  /** Listeners by sheet name in lower case (names ignore case). */
  private readonly listeners = new Map<string, Set<() => void>>();
  /** Figures name asked for → the sheet writeFigures made for it. */
  private readonly ownFigures = new Map<string, FakeSheet>();
  private selected: { sheet: string; address: string } | null = null;

  /**
   * Adds a sheet whose rows start at A1. `visible`: true, false (hidden) or "veryHidden". `table`: its table as an A1
   * range (header row first), null for none; left out, the sheet has the implicit table (the block from row 1, as wide
   * as the header row).
   */
  addSheet(name: string, rows: readonly Row[], visible: boolean | "veryHidden" = true, table?: string | null): this {
    let bounds: FakeTable | null = "implicit";
    if (table === null) bounds = null;
    else if (table !== undefined) {
      bounds = parseRangeBounds(table);
      if (!bounds) throw new Error(`bad table range ${table}`);
    }
    const sheet: FakeSheet = { name, rows: rows.map((r) => [...r]), visible: visible === true, table: bounds };
    if (visible === "veryHidden") sheet.veryHidden = true;
    // A workbook's settings sheet (the layout every host shares) holds the settings loadSetting reads.
    if (sameSheetName(name, SETTINGS_SHEET)) {
      const settingsRows = settingsRowsOf({ name, rows, firstRow: 1, firstCol: 1 });
      for (const [key] of settingsRows) {
        const value = key === undefined || key === "" ? undefined : settingFromRows(settingsRows, key);
        if (key !== undefined && value !== undefined) this.settings.set(key, value);
      }
    }
    const at = this.sheets.findIndex((s) => sameSheetName(s.name, name));
    if (at >= 0) this.sheets[at] = sheet;
    else this.sheets.push(sheet);
    return this;
  }

  /** Makes `method` reject with `message` from now on. */
  failWith(method: GatewayMethod, message: string): this {
    this.failures.set(method, message);
    return this;
  }

  /** Makes `method` wait until the returned release function is called. */
  hold(method: GatewayMethod): () => void {
    let release: () => void = () => undefined;
    this.holds.set(method, new Promise<void>((resolve) => { release = resolve; }));
    return () => { this.holds.delete(method); release(); };
  }

  callsTo(method: GatewayMethod): (readonly unknown[])[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  cell(sheet: string, address: string): CellValue {
    const at = parseAddress(address);
    if (!at) throw new Error(`bad address ${address}`);
    return this.findSheet(sheet)?.rows[at.row - 1]?.[at.col - 1] ?? null;
  }

  listenerCount(sheet: string): number {
    return this.listeners.get(sheet.toLowerCase())?.size ?? 0;
  }

  /** A cell's number format as writeFigures set it ("General" for none), as a test would see it in Excel. */
  numberFormatAt(sheet: string, address: string): string {
    return this.requireSheet(sheet).formats?.get(address.toUpperCase()) ?? "General";
  }

  /** The cell or range selectCell last went to, or null. */
  get selection(): { sheet: string; address: string } | null {
    return this.selected;
  }

  /**
   * Simulates the user editing a cell: changes it and notifies the sheet's onSheetChanged listeners. Only a user's
   * edit does: the gateway's own writes (writeCells, appendTrustRows, ...) do not, as in Excel.
   */
  edit(sheet: string, address: string, value: CellValue): void {
    this.put(this.requireSheet(sheet), address, value);
    this.notify(sheet);
  }

  private findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  /** A sheet the gateway's callers may use: any but the settings sheet, which the real gateways keep to themselves. */
  private requireSheet(name: string): FakeSheet {
    const sheet = sameSheetName(name, SETTINGS_SHEET) ? undefined : this.findSheet(name);
    if (!sheet) throw new Error(`The sheet "${name}" does not exist.`);
    return sheet;
  }

  private put(sheet: FakeSheet, address: string, value: CellValue): void {
    const at = parseAddress(address);
    if (!at) throw new Error(`cannot write ${sheet.name}!${address}`);
    this.putAt(sheet, at.row, at.col, value);
  }

  private putAt(sheet: FakeSheet, row: number, col: number, value: CellValue): void {
    while (sheet.rows.length < row) sheet.rows.push([]);
    const cells = sheet.rows[row - 1] ?? [];
    while (cells.length < col) cells.push(null);
    cells[col - 1] = value;
  }

  private notify(sheet: string): void {
    for (const listener of [...(this.listeners.get(sheet.toLowerCase()) ?? [])]) listener();
  }

  private async enter(method: GatewayMethod, args: readonly unknown[]): Promise<void> {
    this.calls.push({ method, args });
    await this.holds.get(method);
    const failure = this.failures.get(method);
    if (failure !== undefined) throw new Error(failure);
  }

  /** Every name a new sheet must not take: the sheets', and the settings sheet's once a setting is stored. */
  private takenNames(): string[] {
    return [...this.sheets.map((s) => s.name), ...(this.settings.size > 0 ? [SETTINGS_SHEET] : [])];
  }

  async listSheets(): Promise<SheetInfo[]> {
    await this.enter("listSheets", []);
    return this.sheets.filter((s) => !sameSheetName(s.name, SETTINGS_SHEET)).map((s) => ({ name: s.name, visible: s.visible }));
  }

  async readSheet(name: string): Promise<SheetData> {
    await this.enter("readSheet", [name]);
    const sheet = this.requireSheet(name);
    return { name: sheet.name, rows: sheet.rows.map((r) => Array.from(r, readValue)), firstRow: 1, firstCol: 1 };
  }

  async planTemplate(spec: TemplateSpec): Promise<TemplatePlan> {
    await this.enter("planTemplate", [spec]);
    return planSheetNames(spec.sheets.map((s) => s.name), this.takenNames());
  }

  async insertTemplate(spec: TemplateSpec, plan: TemplatePlan): Promise<void> {
    await this.enter("insertTemplate", [spec, plan]);
    const taken = this.takenNames();
    const chosen: string[] = [];
    const names = spec.sheets.map((sheet) => {
      const planned = plan.sheets.find((s) => s.templateName === sheet.name);
      if (!planned) throw new Error(`The template plan has no name for the sheet "${sheet.name}": plan the template again.`);
      const clash = [...taken, ...chosen].find((n) => sameSheetName(n, planned.name));
      if (clash !== undefined) throw new Error(`A sheet named "${clash}" is already in the workbook, and the template never replaces a sheet: insert the template again.`);
      chosen.push(planned.name);
      return planned.name;
    });
    spec.sheets.forEach((template, i) => {
      const table = template.table ? parseRangeBounds(template.table.range) : null;
      const sheet: FakeSheet = { name: names[i] ?? template.name, rows: [], visible: template.visibility === "visible", table };
      // The literal cells (formulas read as blank: the fake does not calculate).
      for (const cell of template.cells) if (cell.value !== undefined && cell.formula === undefined) this.put(sheet, cell.address, templateValue(cell.value, cell.numFmt));
      this.sheets.push(sheet);
    });
  }

  async markCells(sheet: string, marks: readonly CellMark[]): Promise<void> {
    await this.enter("markCells", [sheet, marks]);
    const { name } = this.requireSheet(sheet);
    this.marks.set(name, marks);
    this.recordMarks(name, planMarks(marks));
  }

  async clearMarks(sheet: string): Promise<void> {
    await this.enter("clearMarks", [sheet]);
    const { name } = this.requireSheet(sheet);
    this.marks.delete(name);
    this.recordMarks(name, null);
  }

  /** The marks record the real gateways keep in MARKS_SETTING; unchanged, it is not rewritten. */
  private recordMarks(sheet: string, ranges: MarkRanges | null): void {
    const previous = this.settings.get(MARKS_SETTING);
    const next = updateMarksRecord(previous, sheet, ranges, this.sheets.map((s) => s.name));
    if (JSON.stringify(previous ?? {}) !== JSON.stringify(next)) this.settings.set(MARKS_SETTING, jsonCopy(MARKS_SETTING, next));
  }

  /** As the real gateways: a hidden sheet is unhidden only with options.unhide, a very hidden one never. */
  async selectCell(sheet: string, address: string, options?: SelectCellOptions): Promise<void> {
    await this.enter("selectCell", options === undefined ? [sheet, address] : [sheet, address, options]);
    const data = this.requireSheet(sheet);
    const { name } = data;
    if (!parseRangeBounds(address)) throw new Error(`Cannot go to "${address}" on "${name}": not an A1 cell or range address.`);
    if (!data.visible) {
      const veryHidden = data.veryHidden === true;
      if (veryHidden || options?.unhide !== true) throw new HiddenSheetError(name, address, veryHidden);
      data.visible = true;
    }
    this.selected = { sheet: name, address };
  }

  /** All or nothing: every write is checked before any cell changes. */
  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    await this.enter("writeCells", [sheet, writes]);
    const data = this.requireSheet(sheet);
    for (const w of writes) {
      if (!parseAddress(w.address)) throw new Error(`Cannot write to "${w.address}" on "${data.name}": not a single-cell A1 address.`);
      if (typeof w.value === "number" && !Number.isFinite(w.value)) throw new Error(`Cannot write ${String(w.value)} to ${data.name}!${w.address}: a cell holds only finite numbers.`);
    }
    for (const w of writes) this.put(data, w.address, w.value);
  }

  async writeFigures(figures: FiguresSheet): Promise<string> {
    await this.enter("writeFigures", [figures]);
    this.figures.push(figures);
    // As every gateway writes them (app/figureCells.ts): a figure that cannot be computed is blank, a day a date.
    const rows = figures.rows.map((r) =>
      r.map((v) => {
        const input = figureInput(v);
        return input.kind === "blank" ? null : input.kind === "day" ? dateFromIso(input.iso) : input.value;
      }),
    );
    const formats = new Map<string, string>();
    figures.rows.forEach((r, i) => r.forEach((_, j) => {
      const format = figureFormat(figures, i, j);
      if (format !== null) formats.set(cellAddress(i + 1, j + 1), format);
    }));
    const ours = this.ownFigures.get(figures.name);
    if (ours && this.sheets.includes(ours)) {
      ours.rows = rows;
      ours.formats = formats;
    } else {
      const sheet: FakeSheet = { name: uniqueSheetName(figures.name, this.takenNames()), rows, visible: true, table: null, formats };
      this.sheets.push(sheet);
      this.ownFigures.set(figures.name, sheet);
    }
    return this.ownFigures.get(figures.name)?.name ?? figures.name;
  }

  async loadSetting(key: string): Promise<unknown> {
    await this.enter("loadSetting", [key]);
    return this.settings.has(key) ? jsonCopy(key, this.settings.get(key)) : undefined;
  }

  /** Stores a copy of the value as JSON; undefined or null removes the key. */
  async saveSetting(key: string, value: unknown): Promise<void> {
    await this.enter("saveSetting", [key, value]);
    if (value === undefined || value === null) this.settings.delete(key);
    else this.settings.set(key, jsonCopy(key, value));
  }

  async settingKeys(): Promise<string[]> {
    await this.enter("settingKeys", []);
    return [...this.settings.keys()];
  }

  /** The sheet's table bounds (the implicit table worked out from the cells). */
  private tableOf(sheet: FakeSheet): RangeBounds {
    if (sheet.table === null) throw new Error(`The sheet "${sheet.name}" has no table to add the rows to: insert the template (Template tab) and use its Trusts sheet.`);
    if (sheet.table !== "implicit") return sheet.table;
    const header = sheet.rows[0] ?? [];
    let width = header.length;
    while (width > 0 && isBlank(header[width - 1])) width--;
    return { firstRow: 1, firstCol: 1, lastRow: Math.max(1, sheet.rows.length), lastCol: Math.max(1, width) };
  }

  /** As the real gateways: checked first, trailing blank rows of the table filled, then the table grows. */
  async appendTrustRows(sheet: string, rows: readonly (readonly CellValue[])[], options: AppendTrustRowsOptions): Promise<AppendedTrustRows> {
    await this.enter("appendTrustRows", [sheet, rows, options]);
    const data = this.requireSheet(sheet);
    const table = this.tableOf(data);
    if (options.sources !== undefined && options.sources.length !== rows.length) throw new Error(`${rows.length} rows to add but ${options.sources.length} sources: give one source per row.`);
    rows.forEach((row, i) =>
      row.forEach((value, c) => {
        if (value !== null && (c + 1 < table.firstCol || c + 1 > table.lastCol)) throw new Error(`Cannot add row ${i + 1} to the table on "${data.name}": it has a value in column ${columnLetters(c + 1)}, outside the table.`);
        if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`Cannot add row ${i + 1} to the table on "${data.name}": ${String(value)} is not a number a cell can hold.`);
      }),
    );
    const at = (row: number, col: number): CellValue | undefined => data.rows[row - 1]?.[col - 1];
    const headerCols = Array.from({ length: table.lastCol - table.firstCol + 1 }, (_, j) => table.firstCol + j);
    const existing = headerCols.find((col) => isOwnExtraHeader(headerText(at(table.firstRow, col) ?? null)));
    const sourceColumnAdded = options.sources !== undefined && existing === undefined;
    const sourceCol = options.sources === undefined ? null : (existing ?? table.lastCol + 1);
    if (sourceColumnAdded && sourceCol !== null) this.putAt(data, table.firstRow, sourceCol, SOURCE_HEADER);

    let last = table.lastRow;
    while (last > table.firstRow && headerCols.every((col) => isBlank(at(last, col)))) last--;
    const firstRow = last + 1;
    rows.forEach((row, i) => {
      for (const col of headerCols) if (col !== sourceCol) this.putAt(data, firstRow + i, col, row[col - 1] ?? null);
      const source = options.sources?.[i];
      if (sourceCol !== null && source !== undefined) this.putAt(data, firstRow + i, sourceCol, source);
    });
    if (data.table !== "implicit") data.table = { ...table, lastRow: Math.max(table.lastRow, firstRow + rows.length - 1), lastCol: sourceColumnAdded && sourceCol !== null ? sourceCol : table.lastCol };
    return { firstRow, lastRow: firstRow + rows.length - 1, sourceColumnAdded, sourceColumn: sourceCol };
  }

  /** The very hidden stamp sheet, replacing an earlier one in its place. */
  async writeStampSheet(rows: readonly (readonly StampSheetCell[])[]): Promise<void> {
    await this.enter("writeStampSheet", [rows]);
    const stamp: FakeSheet = { name: STAMP_SHEET, rows: rows.map((r) => [...r]), visible: false, veryHidden: true, table: null };
    const at = this.sheets.findIndex((s) => sameSheetName(s.name, STAMP_SHEET));
    if (at >= 0) this.sheets[at] = stamp;
    else this.sheets.push(stamp);
  }

  async onSheetChanged(sheet: string, listener: () => void): Promise<() => Promise<void>> {
    await this.enter("onSheetChanged", [sheet]);
    const key = sheet.toLowerCase();
    const set = this.listeners.get(key) ?? new Set<() => void>();
    // A wrapper, so the same function added twice is called twice and removed once per unsubscribe.
    const entry = (): void => listener();
    set.add(entry);
    this.listeners.set(key, set);
    return async () => { set.delete(entry); };
  }
}

