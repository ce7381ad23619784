/**
 * A hand-written stand-in for the Excel JavaScript API (Office.js) the gateway uses, behaving like Excel where the
 * gateway's correctness depends on it. test/office/README.md lists what it models and what it does not, with the
 * source of every behaviour; each behaviour below carries its source too. In short:
 *
 * - Commands queue and run at context.sync(), in order, failing there and not at call time. Creating a proxy
 *   (getItem, getRange, add, ...) queues its instantiation, as Office.js does (ClientObject's constructor calls
 *   ActionFactory.createInstantiateAction: node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js); property
 *   sets, method calls and load() queue actions. A failing command rejects the sync with an OfficeExtension.Error-like
 *   error (name "RichApi.Error", code, message, debugInfo); the commands before it stay applied, the ones after it do
 *   not run ("All other commands after the failed command in the batch are not executed":
 *   https://learn.microsoft.com/javascript/api/office/officeextension.error, the traceMessages example). Loaded
 *   properties arrive only with a sync that succeeds, and reading one before that throws PropertyNotLoaded
 *   (Utility.throwIfNotLoaded in the same runtime file).
 * - Strings written to values are typed input (see typedInput), unless the cell is formatted as text ("@").
 * - Sheet, table and defined-name rules; hidden sheets cannot be activated; worksheet ids change on reopen().
 * - Excel on the web's 5 MB request and response limits, measured on the JSON Office.js sends
 *   (RichApiMessageUtility.buildMessageArrayForIRequestExecutor: JSON.stringify(requestMessage.Body)).
 * - getUsedRange(valuesOnly), table.columns.add inserting, Range.clear(applyTo) scope.
 * - Worksheet.onChanged, delivered only while runtime.enableEvents is on, after the batch that made the change.
 *
 * The model (FakeWorkbook, FakeWorksheet, FakeCell) is plain data for tests to arrange and assert on; what the code
 * under test sees are the proxies a FakeContext hands out (FakeContext.workbook, FakeContext.runtime).
 */
import { mergesUndo, type Batch, type OfficeHost, type RunOptions } from "../../src/office/host";
import { columnLetters } from "../../src/core/cells";
import { utf8Length } from "../../src/office/chunks";

/* ------------------------------------------------------------------ errors */

/** OfficeExtension.DebugInfo (https://learn.microsoft.com/javascript/api/office/officeextension.debuginfo). */
export interface FakeDebugInfo {
  readonly code: string;
  readonly message: string;
  readonly errorLocation?: string;
  readonly statement?: string;
}

/**
 * What a failed sync rejects with: OfficeExtension.Error's shape (code, message, debugInfo, traceMessages;
 * https://learn.microsoft.com/javascript/api/office/officeextension.error). The docs give the name as
 * "OfficeExtension.Error"; the shipped runtime sets "RichApi.Error" (RuntimeError in excel-web-16.00.debug.js), and
 * the resource-limits article says a "RichAPI.Error" is thrown, so the fake uses the runtime's.
 */
export class FakeOfficeError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  constructor(readonly code: string, message: string, errorLocation?: string, statement?: string) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation === undefined ? {} : { errorLocation }), ...(statement === undefined ? {} : { statement }) };
  }
}

export function officeError(code: string, message = `${code} (fake)`, errorLocation?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, errorLocation);
}

/** The runtime's PropertyNotLoaded message (ResourceStrings.propertyNotLoaded in excel-web-16.00.debug.js). */
function propertyNotLoaded(entity: string, property: string): FakeOfficeError {
  return officeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

/* ------------------------------------------------------------------ addresses (the fake's own, so a bug in src's parsing cannot hide itself) */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Bounds {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

function colNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

const colLetters = columnLetters;

/** "A1", "$A$1:B2", "A:C" (whole columns), "2:5" (whole rows) → bounds; null when not an address inside the grid. */
export function parseArea(text: string): Bounds | null {
  const t = text.trim().replace(/\$/g, "");
  let b: Bounds | null = null;
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(t);
  if (m) {
    const c1 = colNumber(m[1] ?? "");
    const r1 = Number(m[2]);
    const c2 = m[3] === undefined ? c1 : colNumber(m[3]);
    const r2 = m[4] === undefined ? r1 : Number(m[4]);
    b = { firstRow: Math.min(r1, r2), lastRow: Math.max(r1, r2), firstCol: Math.min(c1, c2), lastCol: Math.max(c1, c2) };
  } else if ((m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(t))) {
    const c1 = colNumber(m[1] ?? "");
    const c2 = colNumber(m[2] ?? "");
    b = { firstRow: 1, lastRow: MAX_ROWS, firstCol: Math.min(c1, c2), lastCol: Math.max(c1, c2) };
  } else if ((m = /^(\d+):(\d+)$/.exec(t))) {
    const r1 = Number(m[1]);
    const r2 = Number(m[2]);
    b = { firstRow: Math.min(r1, r2), lastRow: Math.max(r1, r2), firstCol: 1, lastCol: MAX_COLS };
  }
  if (!b || b.firstRow < 1 || b.lastRow > MAX_ROWS || b.firstCol < 1 || b.lastCol > MAX_COLS) return null;
  return b;
}

/** Bounds as Excel writes them: "B2:C3", "B2", "A:C" for whole columns, "2:5" for whole rows. */
export function formatArea(b: Bounds): string {
  if (b.firstRow === 1 && b.lastRow === MAX_ROWS) return `${colLetters(b.firstCol)}:${colLetters(b.lastCol)}`;
  if (b.firstCol === 1 && b.lastCol === MAX_COLS) return `${b.firstRow}:${b.lastRow}`;
  const start = `${colLetters(b.firstCol)}${b.firstRow}`;
  const end = `${colLetters(b.lastCol)}${b.lastRow}`;
  return start === end ? start : `${start}:${end}`;
}

/** A sheet name as a reference writes it: quoted unless it is a plain word that is not also a cell reference. */
function quoteName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeCellReference(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'My sheet'!A1:B2,C3" → sheet and the comma- or semicolon-separated areas; null when any area is unreadable. */
function parseAddress(address: string): { sheet: string | null; areas: Bounds[] } | null {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let rest = address;
  if (bang >= 0) {
    const raw = address.slice(0, bang).trim();
    sheet = raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    rest = address.slice(bang + 1);
  }
  const areas = rest.split(/[,;]/).map(parseArea);
  if (areas.length === 0 || areas.some((a) => a === null)) return null;
  return { sheet, areas: areas as Bounds[] };
}

const intersects = (a: Bounds, b: Bounds): boolean => a.firstRow <= b.lastRow && b.firstRow <= a.lastRow && a.firstCol <= b.lastCol && b.firstCol <= a.lastCol;
const cellCount = (b: Bounds): number => (b.lastRow - b.firstRow + 1) * (b.lastCol - b.firstCol + 1);

/* ------------------------------------------------------------------ typed input */

type Scalar = string | number | boolean;

export interface FakeCell {
  value: Scalar | null;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  wrap?: boolean;
  /** Set for error cells: values shows the code, valueTypes "Error". */
  error?: string;
  /** Typed with Excel's text prefix, an apostrophe, which is not part of the value. */
  quotePrefix?: boolean;
}

/** Excel's text number format: what is typed into such a cell stays text. */
export const TEXT_FORMAT = "@";

const EXCEL_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A workbook's date system (FakeWorkbook.use1904DateSystem). */
export type FakeDateSystem = "1900" | "1904";

/**
 * The serial Excel stores for a date, or null outside 1900-01-01..9999-12-31. Excel counts 1900 as a leap year (the
 * 1900 date system keeps a 29 February 1900 for Lotus 1-2-3 compatibility), so from 1 March 1900 the serial is the
 * number of days since 1899-12-30 and before it the days since 1899-12-31. In the 1904 date system serial 0 is
 * 1904-01-01 (null before it), so a day's serial is its 1900 serial − 1462: Microsoft KB 214330 ("Differences
 * between the 1900 and the 1904 date system in Excel": "In the 1904 date system, the first day that is supported is
 * January 1, 1904 ... the number of elapsed days since January 1, 1904"; July 5, 1998 is 35981 in one and 34519 in
 * the other; "The difference between the two date systems is 1,462 days").
 */
export function dateSerial(year: number, month: number, day: number, system: FakeDateSystem = "1900"): number | null {
  if (year < (system === "1904" ? 1904 : 1900) || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const days = Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
  if (system === "1904") return days - 1462;
  return ms >= Date.UTC(1900, 2, 1) ? days : days - 1;
}

/** Two-digit years as Excel reads them: 00-29 → 2000s, 30-99 → 1900s. */
const fullYear = (text: string): number => (text.length === 2 ? (Number(text) < 30 ? 2000 + Number(text) : 1900 + Number(text)) : Number(text));

function typedDate(t: string, system: FakeDateSystem): Partial<FakeCell> | null {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]), system);
    return serial === null ? null : { value: serial, numberFormat: "m/d/yyyy" };
  }
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(t);
  if (m) {
    const serial = dateSerial(fullYear(m[3] ?? ""), Number(m[1]), Number(m[2]), system);
    return serial === null ? null : { value: serial, numberFormat: "m/d/yyyy" };
  }
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})[\s-](\d{4}|\d{2})$/.exec(t);
  const monthOf = (name: string): number => {
    const i = MONTHS.findIndex((mo) => name.toLowerCase().startsWith(mo));
    const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    return i >= 0 && (name.length === 3 || full[i] === name.toLowerCase() || (i === 8 && name.toLowerCase() === "sept")) ? i + 1 : 0;
  };
  if (m) {
    const serial = dateSerial(fullYear(m[3] ?? ""), monthOf(m[2] ?? ""), Number(m[1]), system);
    return serial === null ? null : { value: serial, numberFormat: "d-mmm-yy" };
  }
  m = /^([A-Za-z]{3,9})\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const serial = dateSerial(Number(m[3]), monthOf(m[1] ?? ""), Number(m[2]), system);
    return serial === null ? null : { value: serial, numberFormat: "d-mmm-yy" };
  }
  // A month and a year ("Dec 2023", "dec-2023", "Dec-23"): the first of the month, shown "mmm-yy" ("12-03" becomes
  // "Dec-03": umatechnology.org, "How to Stop Excel from Changing Numbers to Dates"). The fake's model of en-US typing.
  m = /^([A-Za-z]{3,9})[\s-](\d{4}|\d{2})$/.exec(t);
  if (m) {
    const serial = dateSerial(fullYear(m[2] ?? ""), monthOf(m[1] ?? ""), 1, system);
    return serial === null ? null : { value: serial, numberFormat: "mmm-yy" };
  }
  // A month and a day without a year ("1-6", "1/6", "6-Jan"): that day of the current year, shown "d-mmm" ("if you type
  // 1-6 or 1/6 then Excel will automatically display this value as 6-Jan": statology.org, "How to Stop Excel from
  // Changing Numbers to Dates"). The fake's model of en-US typing (month first).
  const thisYear = new Date().getUTCFullYear();
  m = /^(\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m) {
    const serial = dateSerial(thisYear, Number(m[1]), Number(m[2]), system);
    return serial === null ? null : { value: serial, numberFormat: "d-mmm" };
  }
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})$/.exec(t);
  if (m) {
    const serial = dateSerial(thisYear, monthOf(m[2] ?? ""), Number(m[1]), system);
    return serial === null ? null : { value: serial, numberFormat: "d-mmm" };
  }
  return null;
}

function typedNumber(t: string): Partial<FakeCell> | null {
  // en-US: an optional sign or parentheses, an optional "$", digits (grouped by commas in threes, or not), an optional
  // decimal part, then an exponent or a percent sign.
  const m = /^([+-]?)(\(?)(\$?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(%))?(\)?)$/.exec(t);
  if (!m) return null;
  const [, sign = "", open = "", dollar = "", digits = "", exponent, percent, close = ""] = m;
  if ((open === "") !== (close === "") || (open !== "" && sign !== "")) return null;
  if (exponent !== undefined && (dollar !== "" || digits.includes(","))) return null;
  let value = Number(digits.replace(/,/g, "") + (exponent ?? ""));
  if (!Number.isFinite(value)) return null;
  if (percent !== undefined) value /= 100;
  if (sign === "-" || open !== "") value = -value;
  const decimals = digits.includes(".") && !/\.$/.test(digits);
  let numberFormat: string | undefined;
  if (percent !== undefined) numberFormat = decimals ? "0.00%" : "0%";
  else if (exponent !== undefined) numberFormat = "0.00E+00";
  else if (dollar !== "") numberFormat = decimals ? "$#,##0.00" : "$#,##0";
  else if (digits.includes(",")) numberFormat = decimals ? "#,##0.00" : "#,##0";
  return numberFormat === undefined ? { value } : { value, numberFormat };
}

/**
 * What Excel makes of a string written to Range.values (or Range.formulas, or a table's rows) into a cell not formatted
 * as text: the same as typing it in Excel (en-US). Sources:
 * - a leading "'" is Excel's text prefix and is not part of the value: OfficeDev/office-js#6687 (Range.formulas and
 *   Range.values return such text without it); the fake keeps quotePrefix on the cell.
 * - "=" starts a formula, and so does "+" or "-" when what follows is not a number: Range.values in @types/office-js
 *   ("If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as
 *   a formula"; https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
 * - dates: ISO yyyy-mm-dd "are stored as dates", locale-shaped strings are parsed in the user's locale (same
 *   reference: "Locale-shaped strings (such as the date "19-8-2025" in nl-NL ...) ... use a locale-neutral format like
 *   ISO (YYYY-MM-DD)"); the fake's locale is en-US, so m/d/yyyy is a date and 31/03/2024 stays text. Writing
 *   "2018-12-31" into a General cell gives number format m/d/yyyy (OfficeDev/office-js#229).
 * - numbers (1E5, 1,000, 3.50, -12, 50%, $1,200, (5)), TRUE/FALSE in any case, error literals (#N/A, ...): Excel's
 *   en-US typing. The Office.js docs do not describe these; the Excel tutorial (learn.microsoft.com/office/dev/
 *   add-ins/tutorials/excel-tutorial) writes "142.33" as a string through rows.add and formats the column as currency,
 *   relying on it becoming a number. The exact grammar and the number formats Excel picks are the fake's model.
 * Not modelled: times, dates without a year ("1/6"), fractions, other currencies, and "@" as a formula start.
 */
export function typedInput(text: string, dateSystem: FakeDateSystem = "1900"): Partial<FakeCell> {
  if (text === "") return { value: null };
  if (text.startsWith("'")) return { value: text.length === 1 ? null : text.slice(1), quotePrefix: true };
  if (text.startsWith("=")) return { value: null, formula: text };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const error = EXCEL_ERRORS.find((e) => e === t.toUpperCase());
  if (error !== undefined) return { value: null, error };
  const number = typedNumber(t);
  if (number) return number;
  const date = typedDate(t, dateSystem);
  if (date) return date;
  if (/^[+-]/.test(text)) return { value: null, formula: text };
  return { value: text };
}

/* ------------------------------------------------------------------ the model */

export interface FakeTable {
  name: string;
  /** Unqualified A1 range, header row first. */
  range: string;
  hasHeaders: boolean;
}

/** FakeWorkbook.failSync: a failure to inject at a sync. */
export interface FailSync {
  readonly sync: number;
  readonly after?: number;
  readonly code?: string;
}

/** A defined name: workbook-scoped (FakeWorkbook.names) or sheet-scoped (FakeWorksheet.names). */
export interface FakeName {
  name: string;
  /** The reference or formula, e.g. "=Lists!$A$2:$A$4", or a constant, e.g. '="text"'. */
  formula: string;
  comment?: string;
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

/** Worksheet.onChanged's argument (Excel.WorksheetChangedEventArgs), the fields the fake fills. */
export interface FakeChangedEvent {
  readonly type: "WorksheetChanged";
  readonly changeType: "RangeEdited";
  readonly source: "Local";
  /** The changed range on the sheet, unqualified ("A1:B2"). */
  readonly address: string;
  readonly worksheetId: string;
}

export type FakeChangedHandler = (event?: FakeChangedEvent) => unknown;

/** The id Excel on the web gives the sheet every new workbook starts with (OfficeDev/office-js#552, "by design"). */
export const SHARED_FIRST_SHEET_ID = "{00000000-0001-0000-0000-000000000000}";
let idCounter = 0x10000;
const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, "0");
/** A fresh GUID-shaped id, never handed out before in this process. */
function newSheetId(): string {
  idCounter++;
  return `{${hex(idCounter, 8)}-FA4E-4000-8000-${hex(idCounter, 12)}}`;
}
/** The ids Excel gave sheets after a reopen in OfficeDev/office-js-docs#297 ({00000000-0001-0000-0000-000000000000}) and #1390 (…-0003-…). */
const positionalId = (index: number): string => `{00000000-0001-0000-${hex(index, 4)}-000000000000}`;

/**
 * Excel's sheet-name rules: not blank, at most 31 characters, none of [ ] : * ? / \, and no apostrophe first or last.
 * Sources: Worksheet.name in @types/office-js ("The name must be fewer than 32 characters"); the rest is Excel's own
 * rule as its rename dialog states it ("You typed an invalid name for a sheet or chart. Make sure that: The name that
 * you type does not exceed 31 characters. The name does not contain any of the following characters: : \ / ? * [ or ]
 * You did not leave the name blank.") and Microsoft Support's "Rename a worksheet", which adds the apostrophe rule;
 * neither was retrievable as a Microsoft page here (README). Which error code Office.js gives is not documented:
 * the fake uses InvalidArgument ("The argument is invalid or missing or has an incorrect format", the Excel error
 * code table: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
 */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name === "") return "a sheet name cannot be blank";
  if (name.length > 31) return `the sheet name "${name}" is longer than 31 characters`;
  if (/[[\]:*?/\\]/.test(name)) return `the sheet name "${name}" holds one of [ ] : * ? / \\`;
  if (name.startsWith("'") || name.endsWith("'")) return `the sheet name "${name}" starts or ends with an apostrophe`;
  return null;
}

function looksLikeCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    const row = Number(a1[2]);
    if (colNumber(a1[1] ?? "") <= MAX_COLS && row >= 1 && row <= MAX_ROWS) return true;
  }
  // R1C1 references (R1C1, R2, C3, RC, R, C) in either case.
  return /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
}

/**
 * The rules for table names and defined names (both live in the workbook's one name space): a letter, "_" or "\"
 * first; then letters, digits, "." and "_"; no spaces; not "C", "c", "R" or "r"; not a cell reference ("Z$100",
 * "R1C1"); at most 255 characters. Source: Microsoft Support, "Rename an Excel table" (its "rules for table names",
 * quoted in README); uniqueness is checked by the workbook (nameClash). Error code not documented: InvalidArgument.
 */
export function definedNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name === "") return "a name cannot be blank";
  if (name.length > 255) return `the name "${name}" is longer than 255 characters`;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return `the name "${name}" must start with a letter, "_" or "\\" and hold only letters, digits, "." and "_"`;
  if (looksLikeCellReference(name)) return `the name "${name}" is a cell reference`;
  return null;
}

export class FakeWorksheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<string, FakeCell>();
  /** Column widths set through format.columnWidth, by the address asked for ("A:A"). */
  readonly columnWidths = new Map<string, number>();
  readonly validations: FakeValidation[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  readonly tables: FakeTable[] = [];
  freeze: { kind: string; value: string | number } | null = null;
  selected: string | null = null;
  /** activate() succeeded on this sheet at some point. */
  activated = false;
  /** Worksheet.onChanged handlers registered through the API (a sync made them live). */
  readonly handlers: FakeChangedHandler[] = [];
  /**
   * Worksheet.names (ExcelApi 1.4): the names scoped to this sheet. They belong to the sheet, so they stay with it when
   * it is renamed or the workbook reopened, and a copy of the sheet gets copies of them (FakeWorkbook.userCopySheet).
   */
  readonly names: FakeName[] = [];
  private nextCf = 1;

  constructor(readonly book: FakeWorkbook, public name: string, public id: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }
  setCell(row: number, col: number, patch: Partial<FakeCell>): void {
    const previous = this.cells.get(`${row},${col}`) ?? { value: null };
    this.putCell(row, col, { ...previous, ...patch });
  }
  /** Replaces the cell (undefined or a cell with nothing in it removes it). */
  putCell(row: number, col: number, cell: FakeCell | undefined): void {
    const key = `${row},${col}`;
    const empty = !cell || (cell.value === null && cell.formula === undefined && cell.error === undefined && !isFormatted(cell) && !cell.quotePrefix);
    if (empty) this.cells.delete(key);
    else this.cells.set(key, cell);
  }
  /** Cell by A1 address, for assertions. */
  at(address: string): FakeCell | undefined {
    const b = parseArea(address);
    return b ? this.cell(b.firstRow, b.firstCol) : undefined;
  }
  /** Rows of plain values written from (row, col), as they are (no typed input). */
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
  /**
   * The used range's bounds: with valuesOnly (the default here) only cells with a value, formula or error count;
   * without, formatted cells count too (see FakeWorksheetProxy.getUsedRange for the source).
   */
  usedBounds(valuesOnly = true): Bounds | null {
    let b: Bounds | null = null;
    for (const [key, cell] of this.cells) {
      const hasValue = cell.value !== null || cell.formula !== undefined || cell.error !== undefined;
      if (!hasValue && (valuesOnly || !isFormatted(cell))) continue;
      const [row = 0, col = 0] = key.split(",").map(Number);
      b = b
        ? { firstRow: Math.min(b.firstRow, row), firstCol: Math.min(b.firstCol, col), lastRow: Math.max(b.lastRow, row), lastCol: Math.max(b.lastCol, col) }
        : { firstRow: row, firstCol: col, lastRow: row, lastCol: col };
    }
    return b;
  }
}

/** Formatting that makes a cell "used" when getUsedRange is asked without valuesOnly. */
function isFormatted(cell: FakeCell): boolean {
  return (cell.numberFormat !== undefined && cell.numberFormat !== "General") || cell.bold === true || cell.wrap === true;
}

export interface FakeWorkbookOptions {
  /**
   * Give the first sheet added the id Excel on the web gives the first sheet of every new workbook,
   * {00000000-0001-0000-0000-000000000000}, so two such workbooks share it (OfficeDev/office-js#552).
   */
  readonly firstSheetSharesId?: boolean;
}

export class FakeWorkbook {
  readonly sheets: FakeWorksheet[] = [];
  /** Every table's name, workbook-wide (a test may add one here alone to stand for a table elsewhere). */
  readonly tableNames: string[] = [];
  /** workbook.names: defined names, workbook-scoped. */
  readonly names: FakeName[] = [];
  /** Context.runtime.enableEvents: whether this add-in's event handlers are called. Excel starts with them on. */
  eventsEnabled = true;
  /**
   * "web" (default) applies Excel on the web's limits: 5 MB per request and per response and
   * OperationCellsExceedLimit on table.columns.add; "desktop" does not.
   */
  platform: "web" | "desktop" = "web";
  /**
   * The request limit in bytes of the request's JSON. The docs say "5MB" without saying whether a MB is 10^6 or 2^20
   * bytes; the fake takes the smaller, 5,000,000 (null: no limit).
   */
  maxRequestBytes: number | null = 5_000_000;
  /** The response limit, measured as the JSON of the loaded properties; 5,000,000 as above (null: no limit). */
  maxResponseBytes: number | null = 5_000_000;
  /** A test knob: loads of more cells than this in one sync fail with ResponsePayloadSizeLimitExceeded (null: no limit). */
  maxResponseCells: number | null = null;
  /**
   * What a method called on a null object (a missing sheet from getItemOrNullObject) gives in the same batch. The
   * Office.js docs do not say; "propagate" (the default) hands back another null object, "fail" makes the batch's
   * sync fail with InvalidObjectPath, so code can be tested against both.
   */
  nullObjectChaining: "propagate" | "fail" = "propagate";
  /**
   * A string starting with "'" written into a cell formatted as text ("@"): "keep" (default) stores it with the
   * apostrophe, "strip" treats the apostrophe as the text prefix as in a General cell. Not documented either way.
   */
  textCellApostrophe: "keep" | "strip" = "keep";
  /**
   * A test knob to inject a failure: the `sync`-th sync of this workbook (counted over every context from 1, empty
   * syncs too: bookSyncs) runs its first `after` commands (default 0) and fails there with `code` (default
   * "GeneralException"), as a batch failing partway does. Fires once, then clears. A list injects several.
   */
  failSync: FailSync | readonly FailSync[] | null = null;
  /** Syncs of every context on this workbook so far (what failSync counts). */
  bookSyncs = 0;
  /** The sheet activate() last made active. */
  activeSheet: FakeWorksheet | null = null;
  /**
   * Excel's "Use 1904 date system" option (Excel for Mac before 2011 and files made there): typed dates and DATE()
   * through workbook.functions give 1904 serials (serial 0 is 1904-01-01). Workbook.use1904DateSystem itself is a
   * preview-only API (not in @types/office-js) and is not modelled.
   */
  use1904DateSystem = false;
  /** Every Worksheet.onChanged event raised (events on), in order, whether or not a handler listened. */
  readonly raisedChanges: { readonly sheet: string; readonly address: string }[] = [];
  /** Errors thrown by event handlers (Excel logs and swallows them). */
  readonly handlerErrors: unknown[] = [];
  private deliveries: Promise<void>[] = [];
  private readonly firstSheetSharesId: boolean;

  constructor(options: FakeWorkbookOptions = {}) {
    this.firstSheetSharesId = options.firstSheetSharesId ?? false;
  }

  get dateSystem(): FakeDateSystem {
    return this.use1904DateSystem ? "1904" : "1900";
  }

  /** Adds a sheet now (arranging a test, not through the API); the sheet-name rules apply. */
  addSheet(name: string): FakeWorksheet {
    const problem = sheetNameProblem(name);
    if (problem !== null) throw officeError("InvalidArgument", `fake Excel: ${problem}`);
    if (this.findSheet(name)) throw officeError("ItemAlreadyExists", `fake Excel: a sheet named ${name} exists`);
    const id = this.firstSheetSharesId && this.sheets.length === 0 ? SHARED_FIRST_SHEET_ID : newSheetId();
    const sheet = new FakeWorksheet(this, name, id);
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

  /** Adds a table now (arranging a test); the name rules and uniqueness apply. */
  addTable(sheet: string, range: string, name?: string, hasHeaders = true): FakeTable {
    const table = { name: name ?? this.defaultTableName(), range, hasHeaders };
    const problem = this.nameProblem(table.name);
    if (problem) throw problem;
    if (!parseArea(range)) throw officeError("InvalidArgument", `fake Excel: table range ${range}`);
    this.sheet(sheet).tables.push(table);
    this.tableNames.push(table.name);
    return table;
  }

  /**
   * The user copies a sheet (Move or Copy, "Create a copy"; or Ctrl+drag of the tab): the copy goes right after the
   * original with a new id, Excel's name "<name> (2)" (or the next free number) unless `name` is given, the same
   * visibility, cells and sheet-scoped names. Excel copies a sheet's sheet-scoped names with it ("One of the key
   * benefits of using the worksheet scope is the ability to clone a worksheet together with all the worksheet Defined
   * Names": excelcodex.com, "Defined Names – Choosing the Scope"; Microsoft KB Q108001 on copying a sheet with local
   * names). Not modelled: tables, conditional formats, validations and workbook-scoped names referring to the sheet.
   */
  userCopySheet(source: string, name?: string): FakeWorksheet {
    const from = this.sheet(source);
    let chosen = name;
    for (let n = 2; chosen === undefined; n++) if (!this.findSheet(`${from.name} (${n})`)) chosen = `${from.name} (${n})`;
    const copy = this.addSheet(chosen);
    this.sheets.splice(this.sheets.indexOf(copy), 1);
    this.sheets.splice(this.sheets.indexOf(from) + 1, 0, copy);
    copy.visibility = from.visibility;
    for (const [key, cell] of from.cells) copy.cells.set(key, { ...cell });
    for (const item of from.names) copy.names.push({ ...item });
    return copy;
  }

  /** Adds a workbook-scoped defined name now (arranging a test); the name rules and uniqueness apply. */
  addName(name: string, formula: string): FakeName {
    const problem = this.nameProblem(name);
    if (problem) throw problem;
    const item = { name, formula };
    this.names.push(item);
    return item;
  }

  /** Whether `name` may name a new table or defined name (ignoring `except`, the name being replaced). */
  nameProblem(name: unknown, except?: string): FakeOfficeError | null {
    const rule = definedNameProblem(name);
    if (rule !== null) return officeError("InvalidArgument", `fake Excel: ${rule}`);
    const lower = String(name).toLowerCase();
    if (except !== undefined && except.toLowerCase() === lower) return null;
    // "Duplicate names aren't allowed. Excel doesn't distinguish between upper and lowercase characters in names" (Rename an Excel table).
    const clash = [...this.tableNames, ...this.names.map((n) => n.name)].find((n) => n.toLowerCase() === lower);
    return clash === undefined ? null : officeError("ItemAlreadyExists", `fake Excel: the workbook already has a table or name called ${clash}`);
  }

  /** "Table1", "Table2", ...: the first free one. */
  defaultTableName(): string {
    for (let n = 1; ; n++) if (this.nameProblem(`Table${n}`) === null) return `Table${n}`;
  }

  /**
   * Saves, closes and opens the workbook again: sheets, values, formats, tables and names stay; every worksheet gets
   * a new id ("The ID remains constant within a single session but will change between sessions (eg. closing and
   * reopening)": OfficeDev/office-js-docs#297; OfficeDev/office-js#1390). "positional" (default) gives the ids those
   * reports show, {00000000-0001-0000-<index>-000000000000}, so a sheet can get an id another sheet had before;
   * "new" gives ids never seen. Event handlers are gone ("Event handlers do not persist as part of the Excel file":
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events) and events are on again (a new runtime).
   */
  reopen(options: { readonly ids?: "positional" | "new" } = {}): void {
    this.sheets.forEach((sheet, index) => {
      sheet.id = (options.ids ?? "positional") === "positional" ? positionalId(index) : newSheetId();
      sheet.handlers.length = 0;
    });
    this.eventsEnabled = true;
  }

  /**
   * A user's edit in Excel: the value goes in as typed (typedInput, unless the cell is formatted as text), and
   * Worksheet.onChanged is raised when events are on. Resolves once the handlers have run.
   */
  userEdit(sheetName: string, address: string, value: Scalar | null): Promise<void> {
    const sheet = this.sheet(sheetName);
    const b = parseArea(address);
    if (!b) throw officeError("InvalidArgument", `fake Excel: cannot address ${address}`);
    for (let r = b.firstRow; r <= b.lastRow; r++) for (let c = b.firstCol; c <= b.lastCol; c++) writeCell(sheet, r, c, value);
    this.raiseChanged([{ sheet, address: formatArea(b) }]);
    return this.settleEvents();
  }

  /** Resolves once every event raised so far has been delivered and its handlers have finished. */
  async settleEvents(): Promise<void> {
    while (this.deliveries.length > 0) await Promise.all(this.deliveries.splice(0));
  }

  /**
   * Worksheet.onChanged for these changes, if events are on now ("The enableEvents property determines if events are
   * fired and their handlers are activated": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events,
   * which also says events fire for changes made by "Office Add-in (JavaScript) code"). Delivered on a later task, after
   * the sync that made them has resolved: Excel's events come from the host asynchronously (the docs give no timing;
   * OfficeDev/office-js#521 and #1502 report handlers running well after the change).
   */
  raiseChanged(changes: readonly { readonly sheet: FakeWorksheet; readonly address: string }[]): void {
    if (this.eventsEnabled) this.deliverChanged(changes);
  }

  /** @internal Delivers changes already known to have been made while events were on. */
  deliverChanged(changes: readonly { readonly sheet: FakeWorksheet; readonly address: string }[]): void {
    if (changes.length === 0) return;
    for (const { sheet, address } of changes) this.raisedChanges.push({ sheet: sheet.name, address });
    const delivery = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      const running: Promise<unknown>[] = [];
      for (const { sheet, address } of changes) {
        const event: FakeChangedEvent = { type: "WorksheetChanged", changeType: "RangeEdited", source: "Local", address, worksheetId: sheet.id };
        for (const handler of [...sheet.handlers]) running.push(Promise.resolve().then(() => handler(event)).catch((error: unknown) => void this.handlerErrors.push(error)));
      }
      await Promise.all(running);
    });
    this.deliveries.push(delivery);
  }
}

/**
 * A formula moved `rows` down and `cols` right, as Excel fills it: relative A1 references shift, `$` parts stay; text
 * in double quotes, quoted sheet names and structured references ([...]) are left alone; a reference pushed off the
 * sheet becomes #REF!. What setting one formula on a multi-cell range does: `rng.formulas = "=B1"` on A1:A10 "produces
 * the expected result where A1 gets the formula =B1, A2 gets =B2, and etcetera" (J. K. Pieterse, Microsoft 365
 * Developer Platform idea 4211172 on techcommunity.microsoft.com); "If the argument is a single value, it will be
 * applied to all cells in the range" (the Range reference's text quoted in OfficeDev/office-js-docs-reference#578).
 * R1C1 references, whole-column and whole-row references are not modelled.
 */
export function relativeFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? "";
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name, its quote doubled inside.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = out[out.length - 1] ?? "";
    const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(.!])/.exec(formula.slice(i));
    if (ref && !/[A-Za-z0-9_.]/.test(before)) {
      const [text, colAbs = "", letters = "", rowAbs = "", digits = ""] = ref;
      const col = colAbs === "$" ? colNumber(letters) : colNumber(letters) + cols;
      const row = rowAbs === "$" ? Number(digits) : Number(digits) + rows;
      out += col < 1 || col > MAX_COLS || row < 1 || row > MAX_ROWS ? "#REF!" : `${colAbs}${colLetters(col)}${rowAbs}${row}`;
      i += text.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Writes one cell as Range.values (typed input) or Range.formulas do; null leaves it as it is. */
function writeCell(sheet: FakeWorksheet, row: number, col: number, v: unknown): void {
  if (v === null || v === undefined) return;
  const previous = sheet.cell(row, col);
  const formats = { numberFormat: previous?.numberFormat, bold: previous?.bold, wrap: previous?.wrap };
  const keep = (cell: FakeCell): FakeCell => {
    // A written cell states that it holds no formula or error (the keys are there, undefined), as the old fake's did.
    const out: FakeCell = { value: cell.value, formula: cell.formula, error: cell.error };
    if (cell.quotePrefix) out.quotePrefix = true;
    if (cell.numberFormat !== undefined) out.numberFormat = cell.numberFormat;
    if (cell.bold !== undefined) out.bold = cell.bold;
    if (cell.wrap !== undefined) out.wrap = cell.wrap;
    return out;
  };
  if (typeof v !== "string") {
    sheet.putCell(row, col, keep({ ...formats, value: v as Scalar }));
    return;
  }
  const textCell = previous?.numberFormat === TEXT_FORMAT;
  if (textCell && !(sheet.book.textCellApostrophe === "strip" && v.startsWith("'"))) {
    sheet.putCell(row, col, keep({ ...formats, value: v === "" ? null : v }));
    return;
  }
  const typed = textCell ? { value: v.slice(1) === "" ? null : v.slice(1), quotePrefix: true } : typedInput(v, sheet.book.dateSystem);
  // Excel applies the number format typing implies only to a cell in the General format.
  const general = formats.numberFormat === undefined || formats.numberFormat === "General";
  const numberFormat = general ? (typed.numberFormat ?? formats.numberFormat) : formats.numberFormat;
  sheet.putCell(row, col, keep({ value: null, ...typed, ...formats, numberFormat }));
}

/* ------------------------------------------------------------------ requests */

/** UTF-8 length of a string: the same count the gateway's chunking uses (src/office/chunks.ts). */
export const utf8Bytes = utf8Length;

interface Command {
  /** What travels in the request (its JSON is what the request limit measures). */
  readonly wire: Record<string, unknown>;
  /** Bytes of cell data (values, formulas, number formats, table rows, conditional-format addresses). */
  readonly dataBytes: number;
  /** "Worksheet.activate", for the error's debugInfo.errorLocation. */
  readonly location: string;
  run(): void;
}

/** What a sync's loads hand over once it succeeds. */
interface PendingLoad {
  readonly proxy: FakeProxy;
  readonly values: Record<string, unknown>;
  readonly cells: number;
}

/**
 * The APIs the fake has that the undo article lists as not supporting undo, and where they do
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities, "Unsupported APIs").
 */
const UNDO_UNSUPPORTED = {
  "Worksheet.delete": { web: false, desktop: false },
  "Worksheet.name": { web: true, desktop: false },
  "Worksheet.visibility": { web: true, desktop: false },
} as const;

export class FakeContext {
  /** context.sync() calls (empty ones too: Office.js sends no request for those, ClientRequestContext.syncPrivate). */
  syncCount = 0;
  /** Bytes of cell data written per sync, in order (values, formulas, number formats, table rows, format addresses). */
  readonly payloads: number[] = [];
  /** Bytes of each sync's request as JSON (what Excel on the web's 5 MB limit applies to), in order. */
  readonly requestBytes: number[] = [];
  /** What happened, tagged with the sync it ran in ("sync2:enableEvents=true"). */
  readonly log: string[] = [];
  readonly runtime: FakeRuntime;
  readonly workbook: FakeWorkbookProxy;
  private queue: Command[] = [];
  private nextId = 1;
  private running = 0;
  private boundNow: FakeProxy[] = [];
  private loadsNow: PendingLoad[] = [];
  private changesNow: { sheet: FakeWorksheet; address: string }[] = [];

  constructor(readonly book: FakeWorkbook) {
    this.runtime = new FakeRuntime(this);
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** @internal */
  id(): number {
    return this.nextId++;
  }

  /** @internal Queues a command for the next sync. */
  enqueue(command: Command): void {
    this.queue.push(command);
  }

  /** @internal Notes a proxy bound while the current sync runs (its null state is known once the sync succeeds). */
  bound(proxy: FakeProxy): void {
    this.boundNow.push(proxy);
  }

  /** @internal */
  loaded(load: PendingLoad): void {
    this.loadsNow.push(load);
  }

  /** @internal A command changed cell data on the sheet (Worksheet.onChanged), if events are on at this point of the batch. */
  changed(sheet: FakeWorksheet, address: string): void {
    if (this.book.eventsEnabled) this.changesNow.push({ sheet, address });
  }

  /** @internal */
  record(what: string): void {
    this.log.push(`sync${this.running}:${what}`);
  }

  /** Excel.run's mergeUndoGroup for this context's batch (fakeHost sets it as the OfficeHost decides: mergesUndo). */
  mergeUndoGroup = false;
  /** What the code under test asked of this Excel.run (OfficeHost.run's options). */
  runOptions: RunOptions = {};

  /**
   * @internal In a batch merged into one undo group, an API Excel cannot undo fails with UndoNotSupported: "If an API
   * within the group doesn't offer undo support, the UndoNotSupported error is thrown"
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities, with its table of such APIs:
   * UNDO_UNSUPPORTED). Outside a merged group such a call clears the user's undo stack (same article), which the fake
   * does not model.
   */
  requireUndo(api: keyof typeof UNDO_UNSUPPORTED): void {
    if (!this.mergeUndoGroup) return;
    const supported = UNDO_UNSUPPORTED[api];
    if (!(this.book.platform === "web" ? supported.web : supported.desktop)) {
      throw officeError("UndoNotSupported", `fake Excel: ${api} cannot be undone in Excel ${this.book.platform === "web" ? "on the web" : "on Windows or Mac"}, so it cannot be in an undo group`);
    }
  }

  /** Commands are waiting for a sync. */
  get pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const commands = this.queue.splice(0);
    const request = commands.length === 0 ? 0 : utf8Bytes(JSON.stringify({ Actions: commands.map((c) => c.wire) }));
    this.requestBytes.push(request);
    this.payloads.push(commands.reduce((n, c) => n + c.dataBytes, 0));
    // The host runs the batch after the request has travelled.
    await Promise.resolve();
    const web = this.book.platform === "web";
    if (web && this.book.maxRequestBytes !== null && request > this.book.maxRequestBytes) {
      // Excel on the web refuses the request whole: nothing in it runs (resource limits:
      // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
      throw officeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${request} bytes; fake limit ${this.book.maxRequestBytes}).`);
    }
    this.running = this.syncCount;
    this.boundNow = [];
    this.loadsNow = [];
    this.changesNow = [];
    let failure: FakeOfficeError | null = null;
    this.book.bookSyncs++;
    const injects = this.book.failSync === null ? [] : "sync" in this.book.failSync ? [this.book.failSync] : [...this.book.failSync];
    const inject = injects.find((f) => f.sync === this.book.bookSyncs) ?? null;
    if (inject) {
      const rest = injects.filter((f) => f !== inject);
      this.book.failSync = rest.length === 0 ? null : rest;
    }
    for (const [index, command] of commands.entries()) {
      if (inject && index === (inject.after ?? 0)) {
        failure = officeError(inject.code ?? "GeneralException", `fake Excel: a failure injected at sync ${this.book.bookSyncs}, command ${index + 1}`, command.location);
        break;
      }
      try {
        command.run();
      } catch (error) {
        failure = asOfficeError(error, command);
        break;
      }
    }
    if (inject && !failure) failure = officeError(inject.code ?? "GeneralException", `fake Excel: a failure injected at sync ${this.book.bookSyncs}, after its ${commands.length} commands`);
    this.running = 0;
    const bound = this.boundNow;
    const loads = this.loadsNow;
    // What did change raises onChanged, failed batch or not.
    this.book.deliverChanged(this.changesNow);
    const forget = (): void => bound.forEach((proxy) => proxy.unbind());
    if (failure) {
      forget();
      throw failure;
    }
    const cells = loads.reduce((n, l) => n + l.cells, 0);
    if (this.book.maxResponseCells !== null && cells > this.book.maxResponseCells) {
      forget();
      throw officeError("ResponsePayloadSizeLimitExceeded", `fake Excel: ${cells} cells loaded, over the test's limit of ${this.book.maxResponseCells}`);
    }
    if (web && this.book.maxResponseBytes !== null && loads.length > 0) {
      const response = utf8Bytes(JSON.stringify(loads.map((l) => l.values)));
      if (response > this.book.maxResponseBytes) {
        // The docs do not say whether the batch ran before the response was refused; the fake keeps its changes.
        forget();
        throw officeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${response} bytes; fake limit ${this.book.maxResponseBytes}).`);
      }
    }
    for (const proxy of bound) proxy.settle();
    for (const load of loads) load.proxy.receive(load.values);
  }
}

function asOfficeError(error: unknown, command: Command): FakeOfficeError {
  if (error instanceof FakeOfficeError) {
    if (error.debugInfo.errorLocation !== undefined) return error;
    return new FakeOfficeError(error.code, error.message, command.location, JSON.stringify(command.wire).slice(0, 200));
  }
  // Anything else is a bug in the fake (or the code under test called it wrongly): let it show as it is.
  throw error;
}

/* ------------------------------------------------------------------ proxies */

/** How a proxy finds what it stands for when its instantiation runs: the object, or null for a null object. */
type Resolver = () => unknown;

/**
 * A proxy object: creating one queues its instantiation (resolved in order at sync); load() queues a query whose
 * result arrives with a successful sync; reading a property not loaded throws PropertyNotLoaded; isNullObject is
 * known after the sync (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model).
 */
abstract class FakeProxy {
  readonly _id: number;
  private binding: { target: unknown } | null = null;
  private nullKnown: boolean | undefined;
  private received: Record<string, unknown> = {};
  protected abstract readonly entity: string;

  constructor(readonly context: FakeContext, private readonly resolver: Resolver, wireName: string, wireArgs: unknown[] = [], bound?: { target: unknown }) {
    this._id = context.id();
    if (bound) {
      this.binding = bound;
      this.nullKnown = bound.target === null;
    } else {
      context.enqueue({
        wire: { ActionType: "Instantiate", ObjectPathId: this._id, Name: wireName, Args: wireArgs },
        dataBytes: 0,
        location: wireName,
        run: () => void this.target(),
      });
    }
  }

  /** @internal The object this proxy stands for (null: a null object), resolving it now if this batch has not. */
  target(): unknown {
    if (!this.binding) {
      this.binding = { target: this.resolver() };
      this.context.bound(this);
    }
    return this.binding.target;
  }

  /** @internal */
  unbind(): void {
    this.binding = null;
  }

  /** @internal */
  settle(): void {
    if (this.binding) this.nullKnown = this.binding.target === null;
  }

  /** @internal */
  receive(values: Record<string, unknown>): void {
    Object.assign(this.received, values);
  }

  /** What the proxy's loaded properties weigh in a response (its JSON). */
  toJSON(): Record<string, unknown> {
    return this.received;
  }

  /** The live object for an action; a null object's actions do nothing (or fail, see FakeWorkbook.nullObjectChaining). */
  protected live<T>(): T | null {
    const t = this.target();
    if (t === null && this.context.book.nullObjectChaining === "fail") throw officeError("InvalidObjectPath", `fake Excel: ${this.entity} is a null object`);
    return t as T | null;
  }

  /** A child's resolver: null (or InvalidObjectPath) under a null parent. */
  protected child<T>(resolve: (parent: T) => unknown): Resolver {
    return () => {
      const parent = this.target();
      if (parent === null) {
        if (this.context.book.nullObjectChaining === "fail") throw officeError("InvalidObjectPath", `fake Excel: a method was called on the null object ${this.entity}`);
        return null;
      }
      return resolve(parent as T);
    };
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw propertyNotLoaded(this.entity, "isNullObject");
    return this.nullKnown;
  }

  /** A loaded property (a null object's read undefined, as Office.js's throwIfNotLoaded lets them). */
  protected loadedValue(property: string): unknown {
    if (property in this.received) return this.received[property];
    if (this.nullKnown === true) return undefined;
    throw propertyNotLoaded(this.entity, property);
  }

  /** Queues an action on this object. */
  protected act(name: string, args: unknown[], run: () => void, dataBytes = 0): void {
    this.context.enqueue({ wire: { ActionType: "Method", ObjectPathId: this._id, Name: name, Args: args }, dataBytes, location: `${this.entity}.${jsName(name)}`, run });
  }

  /** Queues a property set on this object. */
  protected setProperty(name: string, value: unknown, run: () => void, dataBytes = 0): void {
    this.context.enqueue({ wire: { ActionType: "SetProperty", ObjectPathId: this._id, Name: name, Value: value }, dataBytes, location: `${this.entity}.${jsName(name)}`, run });
  }

  /** What load() captures from the live object: property → value. */
  protected abstract capture(target: unknown, properties: readonly string[] | "all"): { values: Record<string, unknown>; cells: number };

  load(properties?: unknown): this {
    const list = propertyList(properties);
    this.context.enqueue({
      wire: { ActionType: "Query", ObjectPathId: this._id, Select: list },
      dataBytes: 0,
      location: `${this.entity}.load`,
      run: () => {
        const t = this.target();
        if (t === null) return;
        const { values, cells } = this.capture(t, list);
        this.context.loaded({ proxy: this, values, cells });
      },
    });
    return this;
  }
}

/** "Format.AutofitColumns" → "format.autofitColumns", as the JavaScript API spells it. */
const jsName = (name: string): string => name.split(".").map((part) => part.charAt(0).toLowerCase() + part.slice(1)).join(".");

function propertyList(properties: unknown): string[] | "all" {
  if (properties === undefined || properties === null || properties === "") return "all";
  const split = (text: string): string[] => text.split(",").map((p) => p.trim()).filter((p) => p !== "");
  if (typeof properties === "string") return split(properties);
  if (Array.isArray(properties)) return properties.flatMap((p) => split(String(p)));
  if (typeof properties === "object") {
    const select = (properties as { select?: unknown }).select;
    if (select !== undefined) return propertyList(select);
    return Object.entries(properties as Record<string, unknown>).filter(([, v]) => v === true).map(([k]) => k);
  }
  return "all";
}

const wants = (list: readonly string[] | "all", property: string): boolean => list === "all" || list.includes(property);

/* -- workbook, runtime, application */

class FakeRuntime extends FakeProxy {
  protected readonly entity = "Runtime";
  constructor(context: FakeContext) {
    super(context, () => context.book, "runtime", [], { target: context.book });
  }
  /** Runtime.enableEvents (ExcelApi 1.8): a queued property set, read after load. */
  get enableEvents(): boolean {
    return this.loadedValue("enableEvents") as boolean;
  }
  set enableEvents(value: boolean) {
    this.setProperty("EnableEvents", value, () => {
      this.context.book.eventsEnabled = value;
      this.context.record(`enableEvents=${value}`);
    });
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    return { values: wants(list, "enableEvents") ? { enableEvents: (target as FakeWorkbook).eventsEnabled } : {}, cells: 0 };
  }
}

class FakeApplication extends FakeProxy {
  protected readonly entity = "Application";
  constructor(context: FakeContext) {
    super(context, () => context.book, "application", [], { target: context.book });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.act("SuspendApiCalculationUntilNextSync", [], () => this.context.record("suspendCalculation"));
  }
  calculate(type: string): void {
    this.act("Calculate", [type], () => this.context.record(`calculate:${type}`));
  }
  protected capture() {
    return { values: {}, cells: 0 };
  }
}

class FakeWorkbookProxy extends FakeProxy {
  protected readonly entity = "Workbook";
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;
  readonly functions: FakeFunctions;
  constructor(context: FakeContext) {
    super(context, () => context.book, "workbook", [], { target: context.book });
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.names = new FakeNamedItemCollection(context);
    this.application = new FakeApplication(context);
    this.functions = new FakeFunctions(context);
  }
  protected capture() {
    return { values: {}, cells: 0 };
  }
}

/**
 * Workbook.functions (ExcelApi 1.2), DATE only: its FunctionResult's value is the day's serial in the workbook's date
 * system, evaluated when the batch runs; a day that is not a real date (or before the system's first day) gives the
 * error "#NUM!" and no value. Reference `Functions.date` ("Returns the number that represents the date in Microsoft
 * Excel date-time code"; year "from 1900 or 1904 (depending on the workbook's date system)") and `FunctionResult`
 * ("The value field will be populated only if no error has occurred"); #NUM! before 1904 in the 1904 system:
 * Microsoft KB 175753 (=DATE(1902,8,12) gives "#NUM! (since year < 1904)"). Excel's rolling over of months and days
 * past their end (DATE(2000,13,1)) and years below 1900 (DATE(4,3,31) is 1904-03-31) are not modelled.
 */
class FakeFunctions extends FakeProxy {
  protected readonly entity = "Functions";
  constructor(context: FakeContext) {
    super(context, () => context.book, "functions", [], { target: context.book });
  }
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, () => {
      const serial = dateSerial(year, month, day, this.context.book.dateSystem);
      return serial === null ? { error: "#NUM!" } : { value: serial };
    }, "date", [year, month, day]);
  }
  protected capture() {
    return { values: {}, cells: 0 };
  }
}

class FakeFunctionResult extends FakeProxy {
  protected readonly entity = "FunctionResult";
  get value(): unknown {
    return this.loadedValue("value");
  }
  get error(): unknown {
    return this.loadedValue("error");
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    const result = target as { value?: number; error?: string };
    const all: Record<string, unknown> = { value: result.value ?? null, error: result.error ?? null };
    return { values: Object.fromEntries(["value", "error"].filter((p) => wants(list, p)).map((p) => [p, all[p]])), cells: 0 };
  }
}

/* -- worksheets */

const WORKSHEET_PROPERTIES = ["name", "id", "visibility", "position"];

function worksheetValues(book: FakeWorkbook, sheet: FakeWorksheet, list: readonly string[] | "all"): Record<string, unknown> {
  const all: Record<string, unknown> = { name: sheet.name, id: sheet.id, visibility: sheet.visibility, position: book.sheets.indexOf(sheet) };
  return Object.fromEntries(WORKSHEET_PROPERTIES.filter((p) => wants(list, p)).map((p) => [p, all[p]]));
}

class FakeWorksheetCollection extends FakeProxy {
  protected readonly entity = "WorksheetCollection";
  constructor(context: FakeContext) {
    super(context, () => context.book, "worksheets", [], { target: context.book });
  }
  get items(): FakeWorksheetProxy[] {
    return this.loadedValue("items") as FakeWorksheetProxy[];
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    const book = target as FakeWorkbook;
    const itemProps = list === "all" ? "all" : list.map((p) => p.replace(/^items\/?/, "")).filter((p) => p !== "");
    const props = itemProps === "all" || itemProps.length === 0 ? "all" : itemProps;
    const items = book.sheets.map((sheet) => {
      const view = new FakeWorksheetProxy(this.context, () => sheet, "item", [], { target: sheet });
      view.receive(worksheetValues(book, sheet, props));
      return view;
    });
    return { values: { items }, cells: 0 };
  }
  getItem(name: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.context, () => {
      const found = this.context.book.findSheet(name);
      if (!found) throw officeError("ItemNotFound", `The requested resource doesn't exist. (fake Excel: no sheet ${name})`, "WorksheetCollection.getItem");
      return found;
    }, "getItem", [name]);
  }
  /** *OrNullObject: "an object whose isNullObject property is set to true" when there is no such item (see FakeProxy). */
  getItemOrNullObject(name: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.context, () => this.context.book.findSheet(name) ?? null, "getItemOrNullObject", [name]);
  }
  getActiveWorksheet(): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.context, () => {
      const book = this.context.book;
      const active = book.activeSheet ?? book.sheets.find((s) => s.visibility === "Visible");
      if (!active) throw officeError("ItemNotFound", "fake Excel: no active sheet");
      return active;
    }, "getActiveWorksheet");
  }
  /**
   * WorksheetCollection.add: "The worksheet will be added at the end of existing worksheets"; "If specified, the name
   * should be unique. If not specified, Excel determines the name" (@types/office-js). A name breaking the sheet-name
   * rules fails the sync with InvalidArgument, a taken one (ignoring case) with ItemAlreadyExists (sheetNameProblem).
   */
  add(name?: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.context, () => {
      const book = this.context.book;
      let chosen = name;
      if (chosen === undefined || chosen === null) for (let n = 1; chosen === undefined || book.findSheet(chosen); n++) chosen = `Sheet${n}`;
      const problem = sheetNameProblem(chosen);
      if (problem !== null) throw officeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (fake Excel: ${problem})`, "WorksheetCollection.add");
      if (book.findSheet(chosen)) throw officeError("ItemAlreadyExists", `The resource being created already exists. (fake Excel: sheet ${chosen})`, "WorksheetCollection.add");
      const sheet = book.addSheet(chosen);
      this.context.record(`addSheet:${chosen}`);
      return sheet;
    }, "add", [name]);
  }
}

class FakeWorksheetProxy extends FakeProxy {
  protected readonly entity = "Worksheet";
  private tablesProxy: FakeTableCollection | null = null;
  private namesProxy: FakeNamedItemCollection | null = null;

  private sheetNow(): FakeWorksheet | null {
    return this.live<FakeWorksheet>();
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    return { values: worksheetValues(this.context.book, target as FakeWorksheet, list), cells: 0 };
  }
  get name(): string {
    return this.loadedValue("name") as string;
  }
  /** Renaming: the sheet-name rules and uniqueness, as for add(). */
  set name(value: string) {
    this.setProperty("Name", value, () => {
      const sheet = this.sheetNow();
      if (!sheet) return;
      const problem = sheetNameProblem(value);
      if (problem !== null) throw officeError("InvalidArgument", `fake Excel: ${problem}`);
      const other = this.context.book.findSheet(value);
      if (other && other !== sheet) throw officeError("ItemAlreadyExists", `fake Excel: a sheet named ${value} exists`);
      this.context.requireUndo("Worksheet.name");
      sheet.name = value;
    });
  }
  get id(): string {
    return this.loadedValue("id") as string;
  }
  get visibility(): string {
    return this.loadedValue("visibility") as string;
  }
  get position(): number {
    return this.loadedValue("position") as number;
  }
  /** Excel.SheetVisibility: "Visible" | "Hidden" | "VeryHidden" (ExcelApi 1.1 to read, 1.2 to set; @types/office-js Worksheet.visibility). */
  set visibility(value: string) {
    this.setProperty("Visibility", value, () => {
      const sheet = this.sheetNow();
      if (!sheet) return;
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") throw officeError("InvalidArgument", `fake Excel: visibility ${value}`);
      this.context.requireUndo("Worksheet.visibility");
      sheet.visibility = value;
      if (value !== "Visible" && this.context.book.activeSheet === sheet) this.context.book.activeSheet = null;
    });
  }
  /**
   * A hidden or very hidden sheet cannot be activated: InvalidOperation. The Office.js reference for activate() says
   * nothing either way (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1));
   * it does document the neighbouring rule that a "VeryHidden" sheet's delete() "will fail with an InvalidOperation
   * exception" (Worksheet.delete; OfficeDev/office-js#365), and Excel's own rule is that a hidden sheet cannot be the
   * active one (VBA's Worksheet.Activate fails on it with run-time error 1004; XlsxWriter's docs: "A hidden worksheet
   * can not be activated or selected"). The error code is the fake's choice.
   */
  activate(): void {
    this.act("Activate", [], () => {
      const sheet = this.sheetNow();
      if (!sheet) return;
      if (sheet.visibility !== "Visible") throw officeError("InvalidOperation", `The operation attempted is invalid on the object. (fake Excel: the ${sheet.visibility === "Hidden" ? "hidden" : "very hidden"} sheet ${sheet.name} cannot be activated)`);
      sheet.activated = true;
      this.context.book.activeSheet = sheet;
    });
  }
  /** Worksheet.names (ExcelApi 1.4): "Collection of names scoped to the current worksheet" (@types/office-js). */
  get names(): FakeNamedItemCollection {
    this.namesProxy ??= new FakeNamedItemCollection(this.context, this);
    return this.namesProxy;
  }
  /** "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an InvalidOperation exception" (@types/office-js Worksheet.delete). */
  delete(): void {
    this.act("Delete", [], () => {
      const sheet = this.sheetNow();
      if (!sheet) return;
      if (sheet.visibility === "VeryHidden") throw officeError("InvalidOperation", `fake Excel: the very hidden sheet ${sheet.name} cannot be deleted`);
      this.context.requireUndo("Worksheet.delete");
      const book = this.context.book;
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      for (const table of sheet.tables) book.tableNames.splice(book.tableNames.indexOf(table.name), 1);
      if (book.activeSheet === sheet) book.activeSheet = null;
    });
  }
  getRange(address?: string): FakeRangeProxy {
    const range = new FakeRangeProxy(this.context, this.child<FakeWorksheet>((sheet) => rangeOn(sheet, address ?? "1:1048576", address ?? "")), "getRange", [address]);
    range.askedAddress = address ?? "";
    return range;
  }
  /** RangeAreas (ExcelApi 1.9): several areas, comma- or semicolon-separated. */
  getRanges(address: string): FakeRangeProxy {
    const range = new FakeRangeProxy(this.context, this.child<FakeWorksheet>((sheet) => {
      this.context.record("getRanges");
      return rangeOn(sheet, address, address, true);
    }), "getRanges", [address]);
    range.askedAddress = address;
    return range;
  }
  /**
   * "The used range is the smallest range that encompasses any cells that have a value or formatting assigned to them.
   * If the entire worksheet is blank, this function will return the top left cell"; valuesOnly: "If true, considers
   * only cells with values as used cells (ignoring formatting)" (@types/office-js Worksheet.getUsedRange). The fake
   * counts a number format other than General, bold and wrap as formatting.
   */
  getUsedRange(valuesOnly?: boolean): FakeRangeProxy {
    return new FakeRangeProxy(this.context, this.child<FakeWorksheet>((sheet) => {
      const bounds = sheet.usedBounds(valuesOnly === true) ?? { firstRow: 1, firstCol: 1, lastRow: 1, lastCol: 1 };
      return { sheet, areas: [bounds], asked: formatArea(bounds) };
    }), "getUsedRange", [valuesOnly]);
  }
  /** As getUsedRange, but "If the entire worksheet is blank, then this method returns an object with its isNullObject property set to true" (@types/office-js). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeProxy {
    return new FakeRangeProxy(this.context, this.child<FakeWorksheet>((sheet) => {
      const bounds = sheet.usedBounds(valuesOnly === true);
      return bounds ? { sheet, areas: [bounds], asked: formatArea(bounds) } : null;
    }), "getUsedRangeOrNullObject", [valuesOnly]);
  }
  get freezePanes() {
    const freeze = (kind: string, value: string | number) =>
      this.act(`FreezePanes.${kind}`, [value], () => {
        const sheet = this.sheetNow();
        if (sheet) sheet.freeze = { kind, value };
      });
    return {
      freezeAt: (range: string) => freeze("at", range),
      freezeRows: (n: number) => freeze("rows", n),
      freezeColumns: (n: number) => freeze("columns", n),
    };
  }
  get tables(): FakeTableCollection {
    this.tablesProxy ??= new FakeTableCollection(this.context, this);
    return this.tablesProxy;
  }
  /**
   * Worksheet.onChanged: add() and remove() are queued like any command (the handler is live once a sync has run
   * them); the handler gets WorksheetChangedEventArgs (address, changeType, source, worksheetId).
   */
  get onChanged() {
    const context = this.context;
    return {
      add: (handler: FakeChangedHandler) => {
        this.act("OnChanged.add", [], () => this.sheetNow()?.handlers.push(handler));
        return {
          context,
          remove: () =>
            context.enqueue({
              wire: { ActionType: "RemoveEventHandler", ObjectPathId: this._id },
              dataBytes: 0,
              location: "Worksheet.onChanged.remove",
              run: () => {
                const handlers = this.sheetNow()?.handlers;
                const i = handlers?.indexOf(handler) ?? -1;
                if (handlers && i >= 0) handlers.splice(i, 1);
              },
            }),
        };
      },
    };
  }
}

/* -- ranges */

interface RangeTarget {
  readonly sheet: FakeWorksheet;
  readonly areas: readonly Bounds[];
  /** The address as asked for (unqualified), e.g. "A:A" or "G2:G9,K2"; column widths and format addresses keep it. */
  readonly asked: string;
}

function rangeOn(sheet: FakeWorksheet, address: string, asked: string, multiple = false): RangeTarget {
  const parsed = parseAddress(address);
  if (!parsed || (!multiple && parsed.areas.length !== 1)) throw officeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (fake Excel: cannot address ${address})`, "Worksheet.getRange");
  if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw officeError("InvalidArgument", `fake Excel: ${address} is not on ${sheet.name}`, "Worksheet.getRange");
  return { sheet, areas: parsed.areas, asked: asked.replace(/^.*!/, "") };
}

/** "A range is limited to 5,000,000 cells for read operations" (resource limits); the code is from the error table. */
const MAX_READ_CELLS = 5_000_000;

function onlyArea(target: RangeTarget): Bounds {
  const area = target.areas[0];
  if (!area || target.areas.length !== 1) throw officeError("InvalidArgument", `fake Excel: ${target.asked} is several ranges`);
  return area;
}

function grid<T>(target: RangeTarget, read: (cell: FakeCell | undefined) => T): T[][] {
  const b = onlyArea(target);
  const rows: T[][] = [];
  for (let r = b.firstRow; r <= b.lastRow; r++) {
    const row: T[] = [];
    for (let c = b.firstCol; c <= b.lastCol; c++) row.push(read(target.sheet.cell(r, c)));
    rows.push(row);
  }
  return rows;
}

const valueOf = (cell: FakeCell | undefined): unknown => cell?.error ?? cell?.value ?? "";
const valueTypeOf = (cell: FakeCell | undefined): string => {
  if (cell?.error !== undefined) return "Error";
  const v = cell?.value ?? null;
  if (v === null) return "Empty";
  if (typeof v === "number") return "Double";
  return typeof v === "boolean" ? "Boolean" : "String";
};

const CELL_PROPERTIES = ["values", "valueTypes", "numberFormat", "formulas", "text"];

class FakeRangeProxy extends FakeProxy {
  protected readonly entity = "Range";
  private cfs: FakeConditionalFormatCollection | null = null;
  /** The address the range was asked for by ("" when it came from elsewhere). */
  askedAddress = "";

  private rangeNow(): RangeTarget | null {
    return this.live<RangeTarget>();
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    const t = target as RangeTarget;
    const values: Record<string, unknown> = {};
    const qualified = t.areas.map((a) => `${quoteName(t.sheet.name)}!${formatArea(a)}`).join(",");
    if (wants(list, "address")) values.address = qualified;
    const b = t.areas[0];
    if (b && wants(list, "rowCount")) values.rowCount = b.lastRow - b.firstRow + 1;
    if (b && wants(list, "columnCount")) values.columnCount = b.lastCol - b.firstCol + 1;
    const cellProps = CELL_PROPERTIES.filter((p) => wants(list, p) && p !== "text");
    let cells = 0;
    if (cellProps.length > 0) {
      const area = onlyArea(t);
      cells = cellCount(area);
      if (cells > MAX_READ_CELLS) throw officeError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
      if (wants(list, "values")) values.values = grid(t, valueOf);
      if (wants(list, "valueTypes")) values.valueTypes = grid(t, valueTypeOf);
      if (wants(list, "numberFormat")) values.numberFormat = grid(t, (c) => c?.numberFormat ?? "General");
      if (wants(list, "formulas")) values.formulas = grid(t, (c) => c?.formula ?? c?.error ?? c?.value ?? "");
    }
    return { values, cells };
  }
  get address(): string {
    return this.loadedValue("address") as string;
  }
  get rowCount(): number {
    return this.loadedValue("rowCount") as number;
  }
  get columnCount(): number {
    return this.loadedValue("columnCount") as number;
  }
  get values(): unknown[][] {
    return this.loadedValue("values") as unknown[][];
  }
  get valueTypes(): string[][] {
    return this.loadedValue("valueTypes") as string[][];
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat") as unknown[][];
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas") as unknown[][];
  }
  /**
   * Range.values: strings are typed input (typedInput) unless the cell is formatted as text; numbers and booleans go
   * in as they are; null leaves a cell unchanged and "" clears it ("null input in 2-D Array" / "Blank input for a
   * property": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values). An array of
   * another shape fails the sync with InvalidArgument. A single value fills every cell.
   */
  set values(data: unknown) {
    this.write("Values", data, "values");
  }
  set formulas(data: unknown) {
    this.write("Formulas", data, "formulas");
  }
  /** Range.numberFormat: null leaves a cell's format, "" resets it to General (same page). */
  set numberFormat(data: unknown) {
    this.write("NumberFormat", data, "numberFormat");
  }
  private write(name: string, data: unknown, kind: "values" | "formulas" | "numberFormat"): void {
    this.setProperty(name, data, () => {
      const t = this.rangeNow();
      if (!t) return;
      const b = onlyArea(t);
      const height = b.lastRow - b.firstRow + 1;
      const width = b.lastCol - b.firstCol + 1;
      // A single value fills every cell; a formula so given is relative, each cell getting it as if filled from the
      // top-left one (relativeFormula).
      const filled = (i: number, j: number): unknown => (kind !== "numberFormat" && typeof data === "string" && data.startsWith("=") ? relativeFormula(data, i, j) : data);
      const at = (i: number, j: number): unknown => (Array.isArray(data) ? (data[i] as unknown[])[j] : filled(i, j));
      if (Array.isArray(data) && (data.length !== height || data.some((r) => !Array.isArray(r) || r.length !== width))) {
        throw officeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (fake Excel: ${height}x${width} range ${t.asked})`);
      }
      for (let i = 0; i < height; i++) {
        for (let j = 0; j < width; j++) {
          const v = at(i, j);
          const row = b.firstRow + i;
          const col = b.firstCol + j;
          if (kind === "numberFormat") {
            if (v === null || v === undefined) continue;
            const previous = t.sheet.cell(row, col) ?? { value: null };
            const { numberFormat: _old, ...rest } = previous;
            t.sheet.putCell(row, col, v === "" || v === "General" ? rest : { ...rest, numberFormat: String(v) });
          } else writeCell(t.sheet, row, col, v);
        }
      }
      if (kind !== "numberFormat") this.context.changed(t.sheet, formatArea(b));
    }, utf8Bytes(JSON.stringify(data) ?? ""));
  }
  get format() {
    const set = (name: string, value: unknown, apply: (t: RangeTarget) => void) =>
      this.setProperty(`Format.${name}`, value, () => {
        const t = this.rangeNow();
        if (t) apply(t);
      });
    const eachCell = (t: RangeTarget, patch: Partial<FakeCell>) => {
      for (const b of t.areas) for (let r = b.firstRow; r <= b.lastRow; r++) for (let c = b.firstCol; c <= b.lastCol; c++) t.sheet.setCell(r, c, patch);
    };
    return {
      font: {
        set bold(value: boolean) {
          set("Font.Bold", value, (t) => eachCell(t, { bold: value }));
        },
      },
      set wrapText(value: boolean) {
        set("WrapText", value, (t) => eachCell(t, { wrap: value }));
      },
      set columnWidth(points: number) {
        set("ColumnWidth", points, (t) => void t.sheet.columnWidths.set(t.asked, points));
      },
      autofitColumns: () =>
        this.act("Format.AutofitColumns", [], () => {
          const t = this.rangeNow();
          if (t) this.context.record(`autofit:${t.asked}`);
        }),
    };
  }
  get dataValidation() {
    let record: FakeValidation | null = null;
    const set = (name: string, value: unknown, apply: (v: FakeValidation) => void) =>
      this.setProperty(`DataValidation.${name}`, value, () => {
        const t = this.rangeNow();
        if (!t) return;
        if (!record) {
          record = { range: t.asked, rule: null };
          t.sheet.validations.push(record);
        }
        apply(record);
      });
    return {
      set rule(rule: unknown) {
        set("Rule", rule, (v) => (v.rule = rule));
      },
      set prompt(prompt: { message: string }) {
        set("Prompt", prompt, (v) => (v.prompt = prompt));
      },
    };
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.cfs ??= new FakeConditionalFormatCollection(this.context, this);
    return this.cfs;
  }
  select(): void {
    this.act("Select", [], () => {
      const t = this.rangeNow();
      if (t) t.sheet.selected = t.asked;
    });
  }
  /**
   * Range.clear(applyTo): Excel.ClearApplyTo "All" (default: "Clears everything in the range"), "Formats" ("Clears all
   * formatting for the range, leaving values intact"), "Contents" ("Clears the contents of the range, leaving
   * formatting intact"), "Hyperlinks" (nothing the fake holds), "RemoveHyperlinks" (formatting), "ResetContents"
   * (contents) (@types/office-js). Only this range's cells; conditional formats and data validation stay (not modelled).
   */
  clear(applyTo = "All"): void {
    this.act("Clear", [applyTo], () => {
      const t = this.rangeNow();
      if (!t) return;
      const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
      const formats = applyTo === "All" || applyTo === "Formats" || applyTo === "RemoveHyperlinks";
      if (!contents && !formats && applyTo !== "Hyperlinks") throw officeError("InvalidArgument", `fake Excel: clear(${applyTo})`);
      for (const b of t.areas) {
        for (const [key, cell] of [...t.sheet.cells]) {
          const [row = 0, col = 0] = key.split(",").map(Number);
          if (row < b.firstRow || row > b.lastRow || col < b.firstCol || col > b.lastCol) continue;
          const next: FakeCell = { ...cell };
          if (contents) {
            next.value = null;
            delete next.formula;
            delete next.error;
            delete next.quotePrefix;
          }
          if (formats) {
            delete next.numberFormat;
            delete next.bold;
            delete next.wrap;
          }
          t.sheet.putCell(row, col, next);
        }
        if (contents) this.context.changed(t.sheet, formatArea(b));
      }
    });
  }
}

/* -- conditional formats */

class FakeConditionalFormatCollection extends FakeProxy {
  protected readonly entity = "ConditionalFormatCollection";
  constructor(context: FakeContext, private readonly range: FakeRangeProxy) {
    super(context, () => range.target(), "conditionalFormats");
  }
  get items(): FakeConditionalFormatProxy[] {
    return this.loadedValue("items") as FakeConditionalFormatProxy[];
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    const t = target as RangeTarget;
    const inRange = (cf: FakeConditionalFormat): boolean => {
      const parsed = parseAddress(cf.appliesTo);
      return parsed !== null && parsed.areas.some((a) => t.areas.some((b) => intersects(a, b)));
    };
    const props = list === "all" ? "all" : list.map((p) => p.replace(/^items\/?/, ""));
    const items = t.sheet.conditionalFormats.filter(inRange).map((cf) => {
      const view = new FakeConditionalFormatProxy(this.context, t.sheet, cf);
      if (wants(props, "type")) view.receive({ type: cf.type });
      return view;
    });
    return { values: { items }, cells: 0 };
  }
  add(type: string) {
    let cf: FakeConditionalFormat | null = null;
    const range = this.range;
    // The address travels with the add (counted as this command's cell data, as before).
    this.act("Add", [type], () => {
      const t = range.target() as RangeTarget | null;
      if (!t) return;
      cf = t.sheet.addConditionalFormat(type, t.asked);
    }, utf8Bytes(range.askedAddress));
    const set = (name: string, value: unknown, apply: (c: FakeConditionalFormat) => void) =>
      this.setProperty(name, value, () => {
        if (cf) apply(cf);
      });
    return {
      custom: {
        rule: {
          set formula(value: string) {
            set("Custom.Rule.Formula", value, (c) => (c.formula = value));
          },
        },
        format: {
          fill: {
            set color(value: string) {
              set("Custom.Format.Fill.Color", value, (c) => (c.fill = value));
            },
          },
        },
      },
    };
  }
}

class FakeConditionalFormatProxy extends FakeProxy {
  protected readonly entity = "ConditionalFormat";
  constructor(context: FakeContext, private readonly sheet: FakeWorksheet, private readonly cf: FakeConditionalFormat) {
    super(context, () => cf, "item", [], { target: cf });
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    const cf = target as FakeConditionalFormat;
    return { values: wants(list, "type") ? { type: cf.type } : {}, cells: 0 };
  }
  get type(): string {
    return this.loadedValue("type") as string;
  }
  /** ConditionalFormat.custom: a proxy; using it on a format of another type fails the sync (InvalidOperation, the fake's choice). */
  get custom() {
    const cf = this.cf;
    const rule = new FakeConditionalFormatRule(this.context, () => {
      if (cf.type !== "Custom") throw officeError("InvalidOperation", "fake Excel: not a custom conditional format");
      return cf;
    });
    return { rule };
  }
  delete(): void {
    this.act("Delete", [], () => {
      this.sheet.conditionalFormats = this.sheet.conditionalFormats.filter((other) => other !== this.cf);
      this.context.record(`deleteFormat:${this.cf.id}`);
    });
  }
}

class FakeConditionalFormatRule extends FakeProxy {
  protected readonly entity = "ConditionalFormatRule";
  constructor(context: FakeContext, resolve: Resolver) {
    super(context, resolve, "custom.rule");
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    return { values: wants(list, "formula") ? { formula: (target as FakeConditionalFormat).formula } : {}, cells: 0 };
  }
  get formula(): string {
    return this.loadedValue("formula") as string;
  }
}

/* -- tables */

class FakeTableCollection extends FakeProxy {
  protected readonly entity = "TableCollection";
  /** sheet null: the workbook's tables (workbook.tables); otherwise the sheet's. */
  constructor(context: FakeContext, private readonly sheet: FakeWorksheetProxy | null) {
    super(context, sheet ? () => sheet.target() : () => context.book, "tables", [], sheet ? undefined : { target: context.book });
  }
  private tablesNow(): { sheet: FakeWorksheet; table: FakeTable }[] | null {
    const t = this.target();
    if (t === null) return null;
    if (t instanceof FakeWorksheet) return t.tables.map((table) => ({ sheet: t, table }));
    // Workbook-wide: every sheet's tables (capture adds the names a test put in tableNames alone).
    const book = t as FakeWorkbook;
    return book.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }
  get items(): FakeTableProxy[] {
    return this.loadedValue("items") as FakeTableProxy[];
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    const props = list === "all" ? "all" : list.map((p) => p.replace(/^items\/?/, ""));
    const found = this.tablesNow() ?? [];
    const items = found.map(({ sheet, table }) => {
      const view = new FakeTableProxy(this.context, () => ({ sheet, table }), "item", [], { target: { sheet, table } });
      if (wants(props, "name")) view.receive({ name: table.name });
      return view;
    });
    if (!(target instanceof FakeWorksheet)) {
      // Names in book.tableNames with no table record stand for tables a test did not lay out.
      const known = new Set(found.map(({ table }) => table.name));
      for (const name of (target as FakeWorkbook).tableNames.filter((n) => !known.has(n))) {
        const view = new FakeTableProxy(this.context, () => null, "item", [], { target: null });
        view.receive({ name });
        items.push(view);
      }
    }
    return { values: { items }, cells: 0 };
  }
  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(this.context, () => {
      const found = (this.tablesNow() ?? []).find(({ table }) => table.name.toLowerCase() === name.toLowerCase());
      if (!found) throw officeError("ItemNotFound", `fake Excel: no table ${name}`);
      return found;
    }, "getItem", [name]);
  }
  getItemOrNullObject(name: string): FakeTableProxy {
    return new FakeTableProxy(this.context, () => (this.tablesNow() ?? []).find(({ table }) => table.name.toLowerCase() === name.toLowerCase()) ?? null, "getItemOrNullObject", [name]);
  }
  /**
   * Adds a table over the range. Its default name is "Table1", "Table2", ... (the first free). A table "can't overlap
   * with another table" (MergedRangeConflict, the Excel error code table).
   */
  add(address: string, hasHeaders: boolean): FakeTableProxy {
    return new FakeTableProxy(this.context, () => {
      const book = this.context.book;
      const parsed = parseAddress(address);
      const sheetTarget = this.sheet ? (this.sheet.target() as FakeWorksheet | null) : parsed?.sheet ? book.findSheet(parsed.sheet) ?? null : book.activeSheet;
      if (!sheetTarget) throw officeError("ItemNotFound", `fake Excel: no sheet for the table at ${address}`);
      if (!parsed || parsed.areas.length !== 1) throw officeError("InvalidArgument", `fake Excel: table range ${address}`);
      const area = parsed.areas[0] as Bounds;
      for (const other of sheetTarget.tables) {
        const b = parseArea(other.range);
        if (b && intersects(b, area)) throw officeError("MergedRangeConflict", "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.");
      }
      const table: FakeTable = { name: book.defaultTableName(), range: formatArea(area), hasHeaders };
      sheetTarget.tables.push(table);
      book.tableNames.push(table.name);
      return { sheet: sheetTarget, table };
    }, "add", [address, hasHeaders]);
  }
}

/** OperationCellsExceedLimit: "(number of table rows) x (16383 - (number of table columns))" cells over 33,554,000 on the web. */
const MAX_OPERATION_CELLS = 33_554_000;

class FakeTableProxy extends FakeProxy {
  protected readonly entity = "Table";

  private tableNow(): { sheet: FakeWorksheet; table: FakeTable } | null {
    return this.live<{ sheet: FakeWorksheet; table: FakeTable }>();
  }
  private static bounds(table: FakeTable): Bounds {
    const b = parseArea(table.range);
    if (!b) throw officeError("InvalidArgument", `fake Excel: table range ${table.range}`);
    return b;
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    return { values: wants(list, "name") ? { name: (target as { table: FakeTable }).table.name } : {}, cells: 0 };
  }
  get name(): string {
    return this.loadedValue("name") as string;
  }
  /**
   * Table.name: the name rules and workbook-wide uniqueness across tables and defined names (FakeWorkbook.nameProblem;
   * "Table names must be unique across the entire workbook, not just the worksheet": the Excel tutorial).
   */
  set name(value: string) {
    this.setProperty("Name", value, () => {
      const t = this.tableNow();
      if (!t) return;
      const book = this.context.book;
      const problem = book.nameProblem(value, t.table.name);
      if (problem) throw problem;
      const i = book.tableNames.indexOf(t.table.name);
      if (i >= 0) book.tableNames[i] = value;
      else book.tableNames.push(value);
      t.table.name = value;
    });
  }
  private rangeChild(pick: (b: Bounds) => Bounds, name: string): FakeRangeProxy {
    return new FakeRangeProxy(this.context, this.child<{ sheet: FakeWorksheet; table: FakeTable }>(({ sheet, table }) => {
      const area = pick(FakeTableProxy.bounds(table));
      return { sheet, areas: [area], asked: formatArea(area) };
    }), name);
  }
  getRange(): FakeRangeProxy {
    return this.rangeChild((b) => b, "getRange");
  }
  getHeaderRowRange(): FakeRangeProxy {
    return this.rangeChild((b) => ({ ...b, lastRow: b.firstRow }), "getHeaderRowRange");
  }
  getDataBodyRange(): FakeRangeProxy {
    return this.rangeChild((b) => ({ ...b, firstRow: Math.min(b.firstRow + 1, b.lastRow) }), "getDataBodyRange");
  }
  /**
   * TableColumnCollection.add(index, values, name): "If null or -1, the addition happens at the end. Columns with a
   * higher index will be shifted to the side" (@types/office-js): the column is inserted, so the cells at and right of
   * it in the table's rows move one column right (nothing is overwritten); values, when given, fill the new column
   * (header first) as typed input; the header is `name`, or "Column<n>". On the web, an add that would shift more than
   * 33,554,000 cells fails with OperationCellsExceedLimit, counted as the error table's note says: "(number of table
   * rows) x (16383 - (number of table columns))" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
   */
  get columns() {
    return {
      add: (index?: number | null, values?: unknown, name?: string) => {
        this.act("Columns.Add", [index, values, name], () => {
          const t = this.tableNow();
          if (!t) return;
          const { sheet, table } = t;
          const b = FakeTableProxy.bounds(table);
          const width = b.lastCol - b.firstCol + 1;
          const height = b.lastRow - b.firstRow + 1;
          if (this.context.book.platform === "web" && height * (MAX_COLS - 1 - width) > MAX_OPERATION_CELLS) {
            throw officeError("OperationCellsExceedLimit", "The attempted operation affects more than the limit of 33554000 cells.");
          }
          const at = index === undefined || index === null || index === -1 ? width : index;
          if (at < 0 || at > width) throw officeError("InvalidArgument", `fake Excel: column index ${at} in a ${width}-column table`);
          const col = b.firstCol + at;
          if (b.lastCol + 1 > MAX_COLS) throw officeError("InsertDeleteConflict", "fake Excel: no column left");
          const moving = [...sheet.cells.keys()]
            .map((key) => key.split(",").map(Number) as [number, number])
            .filter(([row, c]) => row >= b.firstRow && row <= b.lastRow && c >= col)
            .sort((x, y) => y[1] - x[1]);
          for (const [row, c] of moving) {
            sheet.putCell(row, c + 1, sheet.cell(row, c));
            sheet.putCell(row, c, undefined);
          }
          const column = Array.isArray(values) ? (values as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[])[0] : r)) : null;
          if (column && column.length !== height) throw officeError("InvalidArgument", `fake Excel: ${column.length} values for a ${height}-row table column`);
          column?.forEach((v, i) => writeCell(sheet, b.firstRow + i, col, v));
          let header = name ?? (column ? String(column[0] ?? "") : "");
          if (header === "") {
            const taken = new Set<string>();
            for (let c = b.firstCol; c <= b.lastCol + 1; c++) if (c !== col) taken.add(String(sheet.cell(b.firstRow, c)?.value ?? "").toLowerCase());
            let n = width + 1;
            while (taken.has(`column${n}`)) n++;
            header = `Column${n}`;
          }
          if (table.hasHeaders) sheet.setCell(b.firstRow, col, { value: header });
          table.range = formatArea({ ...b, lastCol: b.lastCol + 1 });
          this.context.record(`addColumn:${name ?? ""}`);
          this.context.changed(sheet, formatArea({ ...b, firstCol: col, lastCol: col }));
        }, utf8Bytes(JSON.stringify(values ?? null)));
      },
    };
  }
  /**
   * TableRowCollection.add(index, values): "If null or -1, the addition happens at the end" (@types/office-js); the
   * values are typed input as Range.values (the Excel tutorial relies on "142.33" becoming a number). Rows added at
   * the end go below the table's last row, over what is there (whether Excel shifts cells below the table down is not
   * documented; alwaysInsert is not modelled); rows added at an index push the table's rows at and below it down.
   */
  get rows() {
    return {
      add: (index: number | null | undefined, values: readonly (readonly unknown[])[]) => {
        this.act("Rows.Add", [index, values], () => {
          const t = this.tableNow();
          if (!t) return;
          const { sheet, table } = t;
          const b = FakeTableProxy.bounds(table);
          const width = b.lastCol - b.firstCol + 1;
          if (!Array.isArray(values) || values.some((r) => !Array.isArray(r) || r.length !== width)) {
            throw officeError("InvalidArgument", `fake Excel: rows for a ${width}-column table given other widths`);
          }
          const bodyRows = b.lastRow - b.firstRow;
          const at = index === undefined || index === null || index === -1 ? bodyRows : index;
          if (at < 0 || at > bodyRows) throw officeError("InvalidArgument", `fake Excel: row index ${at}`);
          const first = b.firstRow + 1 + at;
          if (at < bodyRows) {
            for (let r = b.lastRow; r >= first; r--) {
              for (let c = b.firstCol; c <= b.lastCol; c++) {
                sheet.putCell(r + values.length, c, sheet.cell(r, c));
                sheet.putCell(r, c, undefined);
              }
            }
          }
          values.forEach((r: readonly unknown[], i: number) => r.forEach((v: unknown, j: number) => writeCell(sheet, first + i, b.firstCol + j, v === null ? "" : v)));
          table.range = formatArea({ ...b, lastRow: b.lastRow + values.length });
          this.context.record(`addRows:${values.length}`);
          this.context.changed(sheet, formatArea({ firstRow: first, lastRow: first + values.length - 1, firstCol: b.firstCol, lastCol: b.lastCol }));
        }, utf8Bytes(JSON.stringify(values)));
      },
    };
  }
  delete(): void {
    this.act("Delete", [], () => {
      const t = this.tableNow();
      if (!t) return;
      t.sheet.tables.splice(t.sheet.tables.indexOf(t.table), 1);
      const book = this.context.book;
      book.tableNames.splice(book.tableNames.indexOf(t.table.name), 1);
    });
  }
}

/* -- defined names */

/**
 * workbook.names (the workbook's scope, ExcelApi 1.1) or worksheet.names (one sheet's scope, ExcelApi 1.4): "A
 * collection of all the NamedItem objects that are part of the workbook or worksheet, depending on how it was reached"
 * (https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection).
 */
class FakeNamedItemCollection extends FakeProxy {
  protected readonly entity = "NamedItemCollection";
  /** The sheet whose names these are; null: the workbook's. */
  private readonly scope: FakeWorksheetProxy | null;
  constructor(context: FakeContext, scope: FakeWorksheetProxy | null = null) {
    if (scope === null) super(context, () => context.book, "names", [], { target: context.book });
    else super(context, () => scope.target(), "names", []);
    this.scope = scope;
  }
  /** The scope's names now (null under a null sheet). */
  private listNow(): FakeName[] | null {
    const target = this.scope === null ? this.context.book : this.live<FakeWorksheet>();
    return target === null ? null : target.names;
  }
  get items(): FakeNamedItemProxy[] {
    return this.loadedValue("items") as FakeNamedItemProxy[];
  }
  protected capture(target: unknown, list: readonly string[] | "all") {
    const props = list === "all" ? "all" : list.map((p) => p.replace(/^items\/?/, ""));
    const scope = target instanceof FakeWorksheet ? "Worksheet" : "Workbook";
    const items = (target as FakeWorkbook | FakeWorksheet).names.map((item) => {
      const view = new FakeNamedItemProxy(this.context, () => item, "item", [], { target: item });
      view.receive(namedItemValues(item, props, scope));
      return view;
    });
    return { values: { items }, cells: 0 };
  }
  /**
   * NamedItemCollection.add(name, reference, comment): the name rules; in the workbook's scope unique among tables and
   * workbook names (FakeWorkbook.nameProblem); in a sheet's scope unique among that sheet's names and not a table's name
   * (a sheet-scoped name may repeat a workbook-scoped one: it hides it on that sheet, Microsoft KB Q104501).
   */
  add(name: string, reference: string, comment?: string): FakeNamedItemProxy {
    return new FakeNamedItemProxy(this.context, () => {
      const book = this.context.book;
      const names = this.listNow();
      if (names === null) return null;
      const problem = this.scope === null ? book.nameProblem(name) : sheetNameProblemFor(book, names, name);
      if (problem) throw problem;
      const formula = reference.startsWith("=") ? reference : `=${reference}`;
      const item: FakeName = comment === undefined ? { name, formula } : { name, formula, comment };
      names.push(item);
      return item;
    }, "add", [name, reference, comment]);
  }
  getItem(name: string): FakeNamedItemProxy {
    return new FakeNamedItemProxy(this.context, () => {
      const found = this.listNow()?.find((n) => n.name.toLowerCase() === name.toLowerCase());
      if (!found) throw officeError("ItemNotFound", `fake Excel: no name ${name}`);
      return found;
    }, "getItem", [name]);
  }
  getItemOrNullObject(name: string): FakeNamedItemProxy {
    return new FakeNamedItemProxy(this.context, () => this.listNow()?.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null, "getItemOrNullObject", [name]);
  }
}

/** Whether `name` may be added to a sheet's names (the name rules, unique in the sheet's scope, not a table's name). */
function sheetNameProblemFor(book: FakeWorkbook, names: readonly FakeName[], name: string): FakeOfficeError | null {
  const rule = definedNameProblem(name);
  if (rule !== null) return officeError("InvalidArgument", `fake Excel: ${rule}`);
  const lower = name.toLowerCase();
  const clash = [...book.tableNames, ...names.map((n) => n.name)].find((n) => n.toLowerCase() === lower);
  return clash === undefined ? null : officeError("ItemAlreadyExists", `fake Excel: the sheet already has a table or name called ${clash}`);
}

/**
 * NamedItem.value: "Represents the value computed by the name's formula. For a named range, it will return the range
 * address" (@types/office-js). The fake computes text and number constants ('="text"', "=12"); anything else reads as
 * its reference (the formula without "="), type "Range".
 */
function namedItemValue(formula: string): { value: unknown; type: string } {
  const text = /^="((?:[^"]|"")*)"$/.exec(formula);
  if (text) return { value: (text[1] ?? "").replace(/""/g, '"'), type: "String" };
  if (/^=-?\d+(\.\d+)?$/.test(formula)) return { value: Number(formula.slice(1)), type: "Double" };
  return { value: formula.replace(/^=/, ""), type: "Range" };
}

function namedItemValues(item: FakeName, list: readonly string[] | "all", scope: "Workbook" | "Worksheet" = "Workbook"): Record<string, unknown> {
  const { value, type } = namedItemValue(item.formula);
  const all: Record<string, unknown> = { name: item.name, formula: item.formula, value, comment: item.comment ?? "", type, scope, visible: true };
  return Object.fromEntries(Object.entries(all).filter(([k]) => wants(list, k)));
}

class FakeNamedItemProxy extends FakeProxy {
  protected readonly entity = "NamedItem";
  protected capture(target: unknown, list: readonly string[] | "all") {
    const item = target as FakeName;
    const book = this.context.book;
    return { values: namedItemValues(item, list, book.names.includes(item) ? "Workbook" : "Worksheet"), cells: 0 };
  }
  get name(): string {
    return this.loadedValue("name") as string;
  }
  get formula(): string {
    return this.loadedValue("formula") as string;
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
  get comment(): string {
    return this.loadedValue("comment") as string;
  }
  get scope(): string {
    return this.loadedValue("scope") as string;
  }
  delete(): void {
    this.act("Delete", [], () => {
      const item = this.live<FakeName>();
      if (!item) return;
      const book = this.context.book;
      for (const names of [book.names, ...book.sheets.map((s) => s.names)]) if (names.includes(item)) names.splice(names.indexOf(item), 1);
    });
  }
}

/* ------------------------------------------------------------------ document settings and the host */

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

/**
 * Excel.run's ending: once the batch function's promise resolves, Office.js syncs once more for anything still queued
 * (ClientRequestContext._runCommon: `ctx.sync(runBodyResult)`); a sync with nothing queued sends no request
 * (syncPrivate), so the fake runs it, and counts it, only when something is queued. A batch that rejects gets no sync.
 */
async function runBatch<T>(context: FakeContext, batch: Batch<T>): Promise<T> {
  const result = await batch(context as unknown as Excel.RequestContext);
  if (context.pending) await context.sync();
  return result;
}

/** An OfficeHost over a FakeWorkbook that supports ExcelApi up to `maxApi` (default 1.9). */
/** "1.9" < "1.10" < "1.20": requirement-set versions compare part by part, not as decimals. */
function versionAtMost(version: string, max: string): boolean {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [x = 0, y = 0] = max.split(".").map(Number);
  return a < x || (a === x && b <= y);
}

/**
 * An OfficeHost over a FakeWorkbook that supports ExcelApi up to `maxApi` (default 1.9; give "1.20" and the like as a
 * string: 1.20 is the number 1.2). A run asking for one undo step gets Excel.run's mergeUndoGroup as the real host
 * decides it (host.ts mergesUndo: ExcelApi 1.20, and on the web only when the batch sets a sheet's visibility); the
 * context records it (FakeContext.mergeUndoGroup, runOptions).
 */
export function fakeHost(book = new FakeWorkbook(), maxApi: number | string = 1.9): FakeHost {
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
    run<T>(batch: Batch<T>, options?: RunOptions): Promise<T> {
      const ctx = new FakeContext(book);
      ctx.runOptions = options ?? {};
      ctx.mergeUndoGroup = mergesUndo(options, versionAtMost("1.20", String(maxApi)), book.platform === "web");
      contexts.push(ctx);
      return runBatch(ctx, batch);
    },
    runIn<T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T> {
      return runBatch(context as unknown as FakeContext, batch);
    },
    settings: () => fakeSettings as unknown as Office.Settings,
    isSetSupported: (name: string, version: string) => name === "ExcelApi" && versionAtMost(version, String(maxApi)),
  };
}
