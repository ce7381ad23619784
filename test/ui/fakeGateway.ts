/**
 * An in-memory WorkbookGateway over SheetData grids, for the task pane tests. It records every call,
 * can be told to make a method reject (`failWith`), and can hold a method until the test releases it
 * (`hold`), to see the pane while an operation is running.
 */
import type { CellValue, Row, SheetData } from "../../src/core/cells";
import { cellAddress, columnLetters, parseAddress } from "../../src/core/cells";
import type { TemplateSpec } from "../../src/core/template/types";
import type {
  AppendedTrustRows, AppendTrustRowsOptions, CellMark, CellWrite, FiguresSheet, SheetInfo, StampSheetCell, TemplatePlan, WorkbookGateway,
} from "../../src/app/gateway";
import { STAMP_SHEET } from "../../src/core/stamp/sheetLayout";

export type GatewayMethod = keyof WorkbookGateway;

export interface RecordedCall {
  readonly method: GatewayMethod;
  readonly args: readonly unknown[];
}

export class FakeGateway implements WorkbookGateway {
  readonly calls: RecordedCall[] = [];
  readonly settings = new Map<string, unknown>();
  readonly marks = new Map<string, readonly CellMark[]>();
  readonly figures: FiguresSheet[] = [];
  private readonly sheets = new Map<string, { rows: CellValue[][]; visible: boolean }>();
  private readonly failures = new Map<GatewayMethod, string>();
  private readonly holds = new Map<GatewayMethod, Promise<void>>();
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Adds a sheet whose rows start at A1. */
  addSheet(name: string, rows: readonly Row[], visible = true): this {
    this.sheets.set(name, { rows: rows.map((r) => [...r]), visible });
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
    return this.sheets.get(sheet)?.rows[at.row - 1]?.[at.col - 1] ?? null;
  }

  listenerCount(sheet: string): number {
    return this.listeners.get(sheet)?.size ?? 0;
  }

  /** Simulates the user editing a cell: changes it and notifies the sheet's listeners. */
  edit(sheet: string, address: string, value: CellValue): void {
    this.put(sheet, address, value);
    for (const listener of this.listeners.get(sheet) ?? []) listener();
  }

  private put(sheet: string, address: string, value: CellValue): void {
    const at = parseAddress(address);
    const data = this.sheets.get(sheet);
    if (!at || !data) throw new Error(`cannot write ${sheet}!${address}`);
    while (data.rows.length < at.row) data.rows.push([]);
    const row = data.rows[at.row - 1] ?? [];
    while (row.length < at.col) row.push(null);
    row[at.col - 1] = value;
  }

  private async enter(method: GatewayMethod, args: readonly unknown[]): Promise<void> {
    this.calls.push({ method, args });
    await this.holds.get(method);
    const failure = this.failures.get(method);
    if (failure !== undefined) throw new Error(failure);
  }

  private requireSheet(name: string): { rows: CellValue[][]; visible: boolean } {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`The sheet "${name}" does not exist.`);
    return sheet;
  }

  async listSheets(): Promise<SheetInfo[]> {
    await this.enter("listSheets", []);
    return [...this.sheets].map(([name, s]) => ({ name, visible: s.visible }));
  }

  async readSheet(name: string): Promise<SheetData> {
    await this.enter("readSheet", [name]);
    const sheet = this.requireSheet(name);
    return { name, rows: sheet.rows.map((r) => [...r]), firstRow: 1, firstCol: 1 };
  }

  async planTemplate(spec: TemplateSpec): Promise<TemplatePlan> {
    await this.enter("planTemplate", [spec]);
    const taken = new Set(this.sheets.keys());
    const sheets = spec.sheets.map((s) => {
      let name = s.name;
      for (let n = 2; taken.has(name); n++) name = `${s.name} (${n})`;
      taken.add(name);
      return { templateName: s.name, name, renamed: name !== s.name };
    });
    return { sheets };
  }

  async insertTemplate(spec: TemplateSpec, plan: TemplatePlan): Promise<void> {
    await this.enter("insertTemplate", [spec, plan]);
    for (const s of plan.sheets) this.sheets.set(s.name, { rows: [], visible: true });
  }

  async markCells(sheet: string, marks: readonly CellMark[]): Promise<void> {
    await this.enter("markCells", [sheet, marks]);
    this.marks.set(sheet, marks);
  }

  async clearMarks(sheet: string): Promise<void> {
    await this.enter("clearMarks", [sheet]);
    this.marks.delete(sheet);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.enter("selectCell", [sheet, address]);
  }

  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    await this.enter("writeCells", [sheet, writes]);
    this.requireSheet(sheet);
    for (const w of writes) this.put(sheet, w.address, w.value);
  }

  async writeFigures(figures: FiguresSheet): Promise<string> {
    await this.enter("writeFigures", [figures]);
    this.figures.push(figures);
    return figures.name;
  }

  async loadSetting(key: string): Promise<unknown> {
    await this.enter("loadSetting", [key]);
    return this.settings.get(key) ?? null;
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    await this.enter("saveSetting", [key, value]);
    this.settings.set(key, value);
  }

  /**
   * The fake's "table" is the sheet's block from row 1 (headers) to its last row, as wide as its header row.
   * Trailing blank rows are filled first; the Source column is found by its header or added after the last one.
   */
  async appendTrustRows(sheet: string, rows: readonly (readonly CellValue[])[], options: AppendTrustRowsOptions): Promise<AppendedTrustRows> {
    await this.enter("appendTrustRows", [sheet, rows, options]);
    const data = this.requireSheet(sheet);
    const header = data.rows[0] ?? [];
    let width = header.length;
    while (width > 0 && header[width - 1] === null) width--;
    let sourceCol = header.findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === "source");
    const sourceColumnAdded = options.sources !== undefined && sourceCol < 0;
    if (sourceColumnAdded) {
      sourceCol = width;
      width++;
      this.put(sheet, `${columnLetters(width)}1`, "Source");
    }
    let firstRow = Math.max(2, data.rows.length + 1);
    while (firstRow > 2 && (data.rows[firstRow - 2] ?? []).every((v) => v === null)) firstRow--;
    rows.forEach((row, i) => {
      row.forEach((value, c) => {
        if (value === null) return;
        if (c >= width) throw new Error(`row ${i + 1} has a value outside the table's columns`);
        this.put(sheet, cellAddress(firstRow + i, c + 1), value);
      });
      const source = options.sources?.[i];
      if (source !== undefined) this.put(sheet, cellAddress(firstRow + i, sourceCol + 1), source);
    });
    return { firstRow, lastRow: firstRow + rows.length - 1, sourceColumnAdded, sourceColumn: options.sources === undefined ? null : sourceCol + 1 };
  }

  async writeStampSheet(rows: readonly (readonly StampSheetCell[])[]): Promise<void> {
    await this.enter("writeStampSheet", [rows]);
    this.sheets.set(STAMP_SHEET, { rows: rows.map((r) => [...r]), visible: false });
  }

  async onSheetChanged(sheet: string, listener: () => void): Promise<() => Promise<void>> {
    await this.enter("onSheetChanged", [sheet]);
    const set = this.listeners.get(sheet) ?? new Set<() => void>();
    set.add(listener);
    this.listeners.set(sheet, set);
    return async () => { set.delete(listener); };
  }
}
