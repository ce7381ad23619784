/**
 * A small hand-rolled stand-in for the Excel objects the gateway uses where
 * office-addin-mock cannot express them (collections' add(), conditional formats,
 * tables, validations). It counts context.sync() calls, measures each sync's payload
 * (the JSON of values/formulas/number formats written), and refuses to hand out loaded
 * properties that were not loaded and synced, as Office.js does.
 *
 * What it models of Excel beyond bookkeeping, each with its source:
 * - *OrNullObject methods (getItemOrNullObject, getUsedRangeOrNullObject) return a proxy whose
 *   isNullObject is readable after the next sync, without a load() (see Loadable.isNullObject).
 * - Worksheet visibility "Visible" | "Hidden" | "VeryHidden", and that a very hidden sheet cannot be
 *   activated (see FakeWorksheetView.activate).
 * - Strings written to Range.values are typed input unless the cell's number format is text ("@")
 *   (see typedInput).
 */
import { formatRange, parseRangeBounds, type RangeBounds } from "../../src/core/sheet/addresses";
import type { Batch, OfficeHost } from "../../src/office/host";

export function officeError(code: string, message = `${code} (fake)`): Error & { code: string } {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

type Scalar = string | number | boolean;

export interface FakeCell {
  value: Scalar | null;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  wrap?: boolean;
  /** Set for error cells: values shows the code, valueTypes "Error". */
  error?: string;
}

class Loadable {
  loaded = false;
  /** Set on what an *OrNullObject method returned: whether it stands for nothing, and whether a sync told us. */
  private nullState: { readonly isNull: boolean; known: boolean } | null = null;
  constructor(protected readonly ctx: FakeContext) {}
  load(_properties?: unknown): this {
    this.ctx.queueLoad(this);
    return this;
  }
  protected requireLoaded(what: string): void {
    if (!this.loaded) throw new Error(`fake Excel: ${what} read before load() and sync()`);
  }
  /**
   * As Office.js: an *OrNullObject result "return[s] an object whose isNullObject property is set to true" when the
   * item doesn't exist, and "Office automatically loads this property when context.sync is called"
   * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
   * Reading it before that sync is a mistake the fake reports. Anything else is never a null object.
   */
  get isNullObject(): boolean {
    if (this.nullState === null) return false;
    if (!this.nullState.known) throw new Error("fake Excel: isNullObject read before sync()");
    return this.nullState.isNull;
  }
  markOrNullObject(isNull: boolean): this {
    const state = { isNull, known: false };
    this.nullState = state;
    this.ctx.afterSync(() => (state.known = true));
    return this;
  }
  protected get isNull(): boolean {
    return this.nullState?.isNull ?? false;
  }
}

export class FakeContext {
  syncCount = 0;
  /** Bytes written per sync, in order. */
  readonly payloads: number[] = [];
  /** What happened, tagged with the sync it went out with. */
  readonly log: string[] = [];
  pendingBytes = 0;
  private pendingLoads: Loadable[] = [];
  private pendingAfterSync: (() => void)[] = [];
  private pendingFailure: Error | null = null;
  readonly runtime: { enableEvents: boolean };
  readonly workbook: FakeWorkbookView;

  constructor(readonly book: FakeWorkbook) {
    const log = this.log;
    let events = book.eventsEnabled;
    const nextSync = (): number => this.syncCount + 1;
    this.runtime = {
      get enableEvents() {
        return events;
      },
      set enableEvents(value: boolean) {
        events = value;
        book.eventsEnabled = value;
        log.push(`sync${nextSync()}:enableEvents=${value}`);
      },
    };
    this.workbook = new FakeWorkbookView(this, book);
  }

  queueLoad(target: Loadable): void {
    this.pendingLoads.push(target);
  }

  /** Runs once the next sync has gone through. */
  afterSync(step: () => void): void {
    this.pendingAfterSync.push(step);
  }

  /** The next sync fails with this error (a queued command Excel refuses fails the whole batch). */
  failAtSync(error: Error): void {
    this.pendingFailure ??= error;
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const failure = this.pendingFailure;
    if (failure !== null) {
      this.pendingFailure = null;
      this.pendingLoads = [];
      this.pendingAfterSync = [];
      this.pendingBytes = 0;
      throw failure;
    }
    const cells = this.pendingLoads.reduce((n, l) => n + (l instanceof FakeRange && l.loadsCells ? l.cellCount() : 0), 0);
    if (this.book.maxResponseCells !== null && cells > this.book.maxResponseCells) {
      this.pendingLoads = [];
      throw officeError("ResponsePayloadSizeLimitExceeded");
    }
    for (const l of this.pendingLoads) l.loaded = true;
    this.pendingLoads = [];
    for (const step of this.pendingAfterSync) step();
    this.pendingAfterSync = [];
    this.payloads.push(this.pendingBytes);
    this.pendingBytes = 0;
  }

  record(what: string): void {
    this.log.push(`sync${this.syncCount + 1}:${what}`);
  }
}

export class FakeWorkbook {
  readonly sheets: FakeWorksheet[] = [];
  readonly tableNames: string[] = [];
  eventsEnabled = true;
  /** Loads of more cells than this in one sync fail as Excel on the web does (null: no limit). */
  maxResponseCells: number | null = null;
  /**
   * What a method called on a null object (a missing sheet from getItemOrNullObject) gives in the same batch. The
   * Office.js docs do not say; "propagate" (the default) hands back another null object, "fail" makes the batch's
   * sync fail, so code can be tested against both.
   */
  nullObjectChaining: "propagate" | "fail" = "propagate";
  private nextId = 1;

  addSheet(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this, name, `{sheet-${this.nextId++}}`);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeWorksheet {
    const found = this.findSheet(name);
    if (!found) throw officeError("ItemNotFound", `no sheet ${name}`);
    return found;
  }

  /** Excel's sheet names ignore case. */
  findSheet(name: string): FakeWorksheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

class FakeWorkbookView {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly application: { suspendApiCalculationUntilNextSync(): void; calculate(type: string): void };
  constructor(ctx: FakeContext, book: FakeWorkbook) {
    this.worksheets = new FakeWorksheets(ctx, book);
    this.tables = new FakeTables(ctx, book);
    this.application = {
      suspendApiCalculationUntilNextSync: () => ctx.record("suspendCalculation"),
      calculate: (type: string) => ctx.record(`calculate:${type}`),
    };
  }
}

class FakeWorksheets extends Loadable {
  constructor(ctx: FakeContext, private readonly book: FakeWorkbook) {
    super(ctx);
  }
  get items(): FakeWorksheetView[] {
    this.requireLoaded("worksheets.items");
    return this.book.sheets.map((s) => new FakeWorksheetView(this.ctx, s, true));
  }
  getItem(name: string): FakeWorksheetView {
    return new FakeWorksheetView(this.ctx, this.book.sheet(name), false);
  }
  getItemOrNullObject(name: string): FakeWorksheetView {
    const found = this.book.findSheet(name);
    // A missing sheet's proxy stands on a sheet that is in no workbook; every use of it but the null checks fails.
    const view = new FakeWorksheetView(this.ctx, found ?? new FakeWorksheet(this.book, name, "{missing}"), false);
    return view.markOrNullObject(found === undefined);
  }
  add(name: string): FakeWorksheetView {
    if (this.book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw officeError("ItemAlreadyExists");
    this.ctx.record(`addSheet:${name}`);
    return new FakeWorksheetView(this.ctx, this.book.addSheet(name), false);
  }
}

class FakeTables extends Loadable {
  constructor(ctx: FakeContext, private readonly book: FakeWorkbook) {
    super(ctx);
  }
  get items(): { name: string }[] {
    this.requireLoaded("tables.items");
    return this.book.tableNames.map((name) => ({ name }));
  }
}

export interface FakeConditionalFormat {
  readonly id: number;
  readonly type: string;
  readonly appliesTo: string;
  formula: string;
  fill: string | null;
}

export interface FakeValidation {
  readonly range: string;
  rule: unknown;
  prompt?: { message: string };
}

export class FakeWorksheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<string, FakeCell>();
  readonly columnWidths = new Map<string, number>();
  readonly validations: FakeValidation[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  readonly tables: { name: string; range: string; hasHeaders: boolean }[] = [];
  freeze: { kind: string; value: string | number } | null = null;
  selected: string | null = null;
  activated = false;
  readonly handlers: (() => Promise<unknown>)[] = [];
  private nextCf = 1;

  constructor(readonly book: FakeWorkbook, public name: string, readonly id: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }
  setCell(row: number, col: number, patch: Partial<FakeCell>): void {
    const previous = this.cells.get(`${row},${col}`) ?? { value: null };
    this.cells.set(`${row},${col}`, { ...previous, ...patch });
  }
  /** Cell by A1 address, for assertions. */
  at(address: string): FakeCell | undefined {
    const b = parseRangeBounds(address);
    return b ? this.cell(b.firstRow, b.firstCol) : undefined;
  }
  /** Rows of plain values written from (row, col). */
  seed(rows: readonly (readonly (Scalar | null)[])[], row = 1, col = 1): void {
    rows.forEach((r, i) => r.forEach((value, j) => this.setCell(row + i, col + j, { value })));
  }
  addConditionalFormat(type: string, appliesTo: string, formula = "", fill: string | null = null): FakeConditionalFormat {
    const cf = { id: this.nextCf++, type, appliesTo, formula, fill };
    this.conditionalFormats.push(cf);
    return cf;
  }
  /** The cells from A1 to the used range's end as text rows (anything but text reads ""), each without trailing blanks. */
  textRows(): string[][] {
    const bounds = this.usedBounds();
    const rows: string[][] = [];
    for (let r = 1; r <= (bounds?.lastRow ?? 0); r++) {
      const row: string[] = [];
      for (let c = 1; c <= (bounds?.lastCol ?? 0); c++) {
        const value = this.cell(r, c)?.value ?? null;
        row.push(typeof value === "string" ? value : "");
      }
      while (row.length > 0 && row[row.length - 1] === "") row.pop();
      rows.push(row);
    }
    return rows;
  }
  usedBounds(): RangeBounds | null {
    let b: RangeBounds | null = null;
    for (const [key, cell] of this.cells) {
      if (cell.value === null && cell.formula === undefined && cell.error === undefined) continue;
      const [row = 0, col = 0] = key.split(",").map(Number);
      b = b
        ? { firstRow: Math.min(b.firstRow, row), firstCol: Math.min(b.firstCol, col), lastRow: Math.max(b.lastRow, row), lastCol: Math.max(b.lastCol, col) }
        : { firstRow: row, firstCol: col, lastRow: row, lastCol: col };
    }
    return b;
  }
}

class FakeWorksheetView extends Loadable {
  private readonly liveSheet: FakeWorksheet;
  constructor(ctx: FakeContext, sheet: FakeWorksheet, loadedByCollection: boolean) {
    super(ctx);
    this.liveSheet = sheet;
    this.loaded = loadedByCollection;
  }
  /** The sheet behind the proxy; using a null object's fails as Excel fails a path to nothing. */
  get sheet(): FakeWorksheet {
    if (this.isNull) throw officeError("ItemNotFound", `fake Excel: the null object for sheet ${this.liveSheet.name} used`);
    return this.liveSheet;
  }
  get name(): string {
    return this.sheet.name;
  }
  get id(): string {
    this.requireLoaded("worksheet.id");
    return this.sheet.id;
  }
  get visibility(): string {
    return this.sheet.visibility;
  }
  /** Excel.SheetVisibility: "Visible" | "Hidden" | "VeryHidden" (ExcelApi 1.1 to read, 1.2 to set; @types/office-js Worksheet.visibility). */
  set visibility(value: string) {
    this.sheet.visibility = value === "Hidden" || value === "VeryHidden" ? value : "Visible";
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.sheet, address ?? "A1:XFD1048576");
  }
  getRanges(address: string): FakeRange {
    this.ctx.record("getRanges");
    return new FakeRange(this.ctx, this.sheet, address);
  }
  /** "If the entire worksheet is blank, then this method returns an object with its isNullObject property set to true" (@types/office-js). */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    if (this.isNull) {
      // Chained off a missing sheet: see FakeWorkbook.nullObjectChaining.
      if (this.liveSheet.book.nullObjectChaining === "fail") this.ctx.failAtSync(officeError("InvalidObjectPath", "fake Excel: method called on a null object"));
      return new FakeRange(this.ctx, this.liveSheet, "A1").markOrNullObject(true);
    }
    const bounds = this.sheet.usedBounds();
    return new FakeRange(this.ctx, this.sheet, bounds ? formatRange(bounds) : "A1").markOrNullObject(bounds === null);
  }
  /**
   * A very hidden sheet cannot be activated: Excel refuses to show a sheet the user cannot unhide. The Office.js
   * reference for activate() says nothing either way (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1));
   * it does document the neighbouring rule that a "VeryHidden" sheet's delete() "will fail with an InvalidOperation
   * exception" (Worksheet.delete, and OfficeDev/office-js#365), and Excel's own rule is that a hidden sheet cannot be
   * the active one (VBA's Worksheet.Activate fails with run-time error 1004 on it). The fake follows that rule with
   * InvalidOperation, so an add-in that would activate its own settings sheet fails in tests.
   */
  activate(): void {
    if (this.sheet.visibility === "VeryHidden") throw officeError("InvalidOperation", `fake Excel: the very hidden sheet ${this.sheet.name} cannot be activated`);
    this.sheet.activated = true;
  }
  get freezePanes() {
    const sheet = this.sheet;
    return {
      freezeAt: (range: string) => void (sheet.freeze = { kind: "at", value: range }),
      freezeRows: (n: number) => void (sheet.freeze = { kind: "rows", value: n }),
      freezeColumns: (n: number) => void (sheet.freeze = { kind: "columns", value: n }),
    };
  }
  get tables(): FakeSheetTables {
    return new FakeSheetTables(this.ctx, this.sheet);
  }
  get onChanged() {
    const { sheet, ctx } = this;
    return {
      add: (handler: () => Promise<unknown>) => {
        sheet.handlers.push(handler);
        return {
          context: ctx,
          remove: () => void sheet.handlers.splice(sheet.handlers.indexOf(handler), 1),
        };
      },
    };
  }
}

/** A worksheet's tables: add() (the template), and items with header/body ranges, columns.add and rows.add (appending rows). */
class FakeSheetTables extends Loadable {
  constructor(ctx: FakeContext, private readonly sheet: FakeWorksheet) {
    super(ctx);
  }
  add(range: string, hasHeaders: boolean) {
    const sheet = this.sheet;
    const table = { name: `Table${sheet.book.tableNames.length + 1}`, range, hasHeaders };
    sheet.tables.push(table);
    sheet.book.tableNames.push(table.name);
    return {
      set name(value: string) {
        const i = sheet.book.tableNames.indexOf(table.name);
        sheet.book.tableNames[i] = value;
        table.name = value;
      },
    };
  }
  get items(): FakeTableView[] {
    this.requireLoaded("tables.items");
    return this.sheet.tables.map((t) => new FakeTableView(this.ctx, this.sheet, t));
  }
}

/** One table: its range grows as Office.js grows it (a column at the right, rows at the bottom). */
class FakeTableView {
  constructor(private readonly ctx: FakeContext, private readonly sheet: FakeWorksheet, private readonly table: { name: string; range: string }) {}
  get name(): string {
    return this.table.name;
  }
  private bounds(): RangeBounds {
    const b = parseRangeBounds(this.table.range);
    if (!b) throw officeError("InvalidArgument", `fake Excel: table range ${this.table.range}`);
    return b;
  }
  getHeaderRowRange(): FakeRange {
    const b = this.bounds();
    return new FakeRange(this.ctx, this.sheet, formatRange({ ...b, lastRow: b.firstRow }));
  }
  getDataBodyRange(): FakeRange {
    const b = this.bounds();
    return new FakeRange(this.ctx, this.sheet, formatRange({ ...b, firstRow: Math.min(b.firstRow + 1, b.lastRow) }));
  }
  get columns() {
    return {
      add: (_index?: number, _values?: unknown, name?: string) => {
        const b = this.bounds();
        this.sheet.setCell(b.firstRow, b.lastCol + 1, { value: name ?? `Column${b.lastCol - b.firstCol + 2}` });
        this.table.range = formatRange({ ...b, lastCol: b.lastCol + 1 });
        this.ctx.record(`addColumn:${name ?? ""}`);
      },
    };
  }
  get rows() {
    return {
      add: (_index: number | undefined, values: readonly (readonly (Scalar | null)[])[]) => {
        const b = this.bounds();
        const width = b.lastCol - b.firstCol + 1;
        if (values.some((r) => r.length !== width)) throw officeError("InvalidArgument", `fake Excel: rows for a ${width}-column table given other widths`);
        this.ctx.pendingBytes += JSON.stringify(values).length;
        values.forEach((r, i) => r.forEach((value, j) => this.sheet.setCell(b.lastRow + 1 + i, b.firstCol + j, { value: value === "" ? null : value })));
        this.table.range = formatRange({ ...b, lastRow: b.lastRow + values.length });
        this.ctx.record(`addRows:${values.length}`);
      },
    };
  }
}

/** Excel's text number format: what is typed into such a cell stays text. */
export const TEXT_FORMAT = "@";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * What Excel makes of a string written to Range.values into a cell not formatted as text: the same as typing it.
 * Sources: the Range.values reference, "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
 * Excel interprets this value as a formula", and ISO dates (YYYY-MM-DD) "are stored as dates" (@types/office-js,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member); OfficeDev/office-js#229,
 * where writing '2018-12-31' to a General cell gives a date serial and the number format m/d/yyyy; and
 * OfficeDev/office-js#1559, cited for the same conversion when this was modelled (not re-read here). Modelled: a leading "'" is Excel's text prefix, kept out of the value
 * (OfficeDev/office-js#6687: the quote is not part of the cell's content); "=", "+" or "-" not followed by a number
 * makes a formula; plain numbers such as 1E5 or -0.5 become numbers; TRUE/FALSE in any case become booleans;
 * YYYY-MM-DD becomes a date serial. Not modelled: thousands separators, percentages, currencies, fractions, locale
 * dates and times, and typed input through table.rows.add. Whether Excel keeps a leading "'" in a cell formatted
 * as text is not documented; the fake keeps it (text cells take the string as it is).
 */
export function typedInput(text: string): Partial<FakeCell> {
  if (text === "") return { value: null };
  if (text.startsWith("'")) return { value: text.slice(1) === "" ? null : text.slice(1) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return { value: Number(text.trim()) };
  if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === "true" };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (iso) {
    const ms = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    const date = new Date(ms);
    if (date.getUTCMonth() === Number(iso[2]) - 1 && date.getUTCDate() === Number(iso[3])) return { value: (ms - EXCEL_EPOCH_MS) / 86_400_000, numberFormat: "m/d/yyyy" };
  }
  if (/^[=+-]/.test(text)) return { value: null, formula: text };
  return { value: text };
}

export class FakeRange extends Loadable {
  /** Whether a load asked for per-cell data (what makes a response big). */
  loadsCells = false;
  override load(properties?: unknown): this {
    const names = Array.isArray(properties) ? properties.map(String) : String(properties ?? "").split(",");
    this.loadsCells ||= names.some((n) => ["values", "valueTypes", "numberFormat", "text", "formulas"].includes(n.trim()));
    return super.load(properties);
  }
  constructor(ctx: FakeContext, readonly sheet: FakeWorksheet, readonly address: string) {
    super(ctx);
  }
  private bounds(): RangeBounds {
    const b = parseRangeBounds(this.address);
    if (!b) throw officeError("InvalidArgument", `fake Excel cannot address ${this.address}`);
    return b;
  }
  cellCount(): number {
    const b = this.bounds();
    return (b.lastRow - b.firstRow + 1) * (b.lastCol - b.firstCol + 1);
  }
  private grid<T>(read: (cell: FakeCell | undefined) => T): T[][] {
    const b = this.bounds();
    const rows: T[][] = [];
    for (let r = b.firstRow; r <= b.lastRow; r++) {
      const row: T[] = [];
      for (let c = b.firstCol; c <= b.lastCol; c++) row.push(read(this.sheet.cell(r, c)));
      rows.push(row);
    }
    return rows;
  }
  private write(data: readonly (readonly unknown[])[], patch: (value: unknown, row: number, col: number) => Partial<FakeCell>): void {
    this.ctx.pendingBytes += JSON.stringify(data).length;
    const b = this.bounds();
    const height = b.lastRow - b.firstRow + 1;
    const width = b.lastCol - b.firstCol + 1;
    if (data.length !== height || data.some((r) => r.length !== width)) {
      throw officeError("InvalidArgument", `fake Excel: ${height}x${width} range ${this.address} given other dimensions`);
    }
    data.forEach((r, i) => r.forEach((v, j) => this.sheet.setCell(b.firstRow + i, b.firstCol + j, patch(v, i, j))));
  }
  get values(): unknown[][] {
    this.requireLoaded("range.values");
    return this.grid((cell) => (cell?.error ?? cell?.value ?? ""));
  }
  set values(data: unknown[][]) {
    const b = this.bounds();
    this.write(data, (v, row, col) => {
      // Strings are typed input unless the cell is formatted as text (see typedInput); numbers and booleans are stored as they are.
      if (typeof v !== "string") return { value: v as Scalar, formula: undefined, error: undefined };
      const cell = this.sheet.cell(b.firstRow + row, b.firstCol + col);
      if (cell?.numberFormat === TEXT_FORMAT) return { value: v === "" ? null : v, formula: undefined, error: undefined };
      return { formula: undefined, error: undefined, ...typedInput(v) };
    });
  }
  set formulas(data: unknown[][]) {
    this.write(data, (v) => ({ formula: String(v), value: null }));
  }
  get numberFormat(): unknown[][] {
    this.requireLoaded("range.numberFormat");
    return this.grid((cell) => cell?.numberFormat ?? "General");
  }
  set numberFormat(data: unknown[][]) {
    this.write(data, (v) => ({ numberFormat: String(v) }));
  }
  get valueTypes(): string[][] {
    this.requireLoaded("range.valueTypes");
    return this.grid((cell) => {
      if (cell?.error !== undefined) return "Error";
      const v = cell?.value ?? null;
      if (v === null) return "Empty";
      if (typeof v === "number") return "Double";
      return typeof v === "boolean" ? "Boolean" : "String";
    });
  }
  get format() {
    const { sheet, address } = this;
    const eachCell = (patch: Partial<FakeCell>) => {
      const b = this.bounds();
      for (let r = b.firstRow; r <= b.lastRow; r++) for (let c = b.firstCol; c <= b.lastCol; c++) sheet.setCell(r, c, patch);
    };
    const record = (what: string) => this.ctx.record(what);
    return {
      font: {
        set bold(value: boolean) {
          eachCell({ bold: value });
        },
      },
      set wrapText(value: boolean) {
        eachCell({ wrap: value });
      },
      set columnWidth(points: number) {
        sheet.columnWidths.set(address, points);
      },
      autofitColumns: () => record(`autofit:${address}`),
    };
  }
  get dataValidation() {
    const validation: FakeValidation = { range: this.address, rule: null };
    this.sheet.validations.push(validation);
    return {
      set rule(rule: unknown) {
        validation.rule = rule;
      },
      set prompt(prompt: { message: string }) {
        validation.prompt = prompt;
      },
    };
  }
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.ctx, this.sheet, this.address);
  }
  select(): void {
    this.sheet.selected = this.address;
  }
  /** Excel.ClearApplyTo: "All" (default), "Contents" (values and formulas), "Formats"; only this range's cells. */
  clear(what = "All"): void {
    const b = this.bounds();
    for (const [key, cell] of [...this.sheet.cells]) {
      const [row = 0, col = 0] = key.split(",").map(Number);
      if (row < b.firstRow || row > b.lastRow || col < b.firstCol || col > b.lastCol) continue;
      if (what === "Contents") this.sheet.cells.set(key, { ...cell, value: null, formula: undefined, error: undefined });
      else if (what === "Formats") this.sheet.cells.set(key, { value: cell.value, formula: cell.formula, error: cell.error });
      else this.sheet.cells.delete(key);
    }
  }
}

class FakeConditionalFormats extends Loadable {
  constructor(ctx: FakeContext, private readonly sheet: FakeWorksheet, private readonly address: string) {
    super(ctx);
  }
  get items() {
    this.requireLoaded("conditionalFormats.items");
    const { ctx, sheet } = this;
    return sheet.conditionalFormats.map((cf) => {
      const rule = new FakeRule(ctx, cf);
      return {
        type: cf.type,
        get custom() {
          if (cf.type !== "Custom") throw officeError("InvalidOperation", "not a custom format");
          return { rule };
        },
        delete: () => {
          sheet.conditionalFormats = sheet.conditionalFormats.filter((other) => other !== cf);
          ctx.record(`deleteFormat:${cf.id}`);
        },
      };
    });
  }
  add(type: string) {
    this.ctx.pendingBytes += this.address.length;
    const cf = this.sheet.addConditionalFormat(type, this.address);
    return {
      custom: {
        rule: {
          set formula(value: string) {
            cf.formula = value;
          },
        },
        format: {
          fill: {
            set color(value: string) {
              cf.fill = value;
            },
          },
        },
      },
    };
  }
}

class FakeRule extends Loadable {
  constructor(ctx: FakeContext, private readonly cf: FakeConditionalFormat) {
    super(ctx);
  }
  get formula(): string {
    this.requireLoaded("rule.formula");
    return this.cf.formula;
  }
}

export class FakeSettings {
  readonly store = new Map<string, unknown>();
  saves = 0;
  failSave: string | null = null;
  get(key: string): unknown {
    return this.store.has(key) ? this.store.get(key) : null;
  }
  set(key: string, value: unknown): void {
    this.store.set(key, value);
  }
  remove(key: string): void {
    this.store.delete(key);
  }
  saveAsync(callback: (result: { status: string; error?: { message: string } }) => void): void {
    this.saves++;
    if (this.failSave) callback({ status: "failed", error: { message: this.failSave } });
    else callback({ status: "succeeded" });
  }
}

export interface FakeHost extends OfficeHost {
  readonly book: FakeWorkbook;
  readonly fakeSettings: FakeSettings;
  readonly contexts: FakeContext[];
  /** Syncs of the last Excel.run. */
  lastSyncs(): number;
  /** Syncs of each Excel.run since the first `from` runs, in order (e.g. [3, 2] for two runs). */
  runSyncs(from?: number): number[];
  lastContext(): FakeContext;
}

/** An OfficeHost over a FakeWorkbook that supports ExcelApi up to `maxApi` (default 1.9). */
export function fakeHost(book = new FakeWorkbook(), maxApi = 1.9): FakeHost {
  const contexts: FakeContext[] = [];
  const fakeSettings = new FakeSettings();
  const lastContext = (): FakeContext => {
    const ctx = contexts[contexts.length - 1];
    if (!ctx) throw new Error("no Excel.run yet");
    return ctx;
  };
  return {
    book,
    fakeSettings,
    contexts,
    lastContext,
    lastSyncs: () => lastContext().syncCount,
    runSyncs: (from = 0) => contexts.slice(from).map((ctx) => ctx.syncCount),
    run<T>(batch: Batch<T>): Promise<T> {
      const ctx = new FakeContext(book);
      contexts.push(ctx);
      return batch(ctx as unknown as Excel.RequestContext);
    },
    runIn<T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T> {
      return batch(context as unknown as Excel.RequestContext);
    },
    settings: () => fakeSettings as unknown as Office.Settings,
    isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version) <= maxApi,
  };
}
