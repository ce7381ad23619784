/**
 * Reading .xls (Excel 97–2003) and .ods (OpenDocument) workbooks through SheetJS Community Edition
 * (@e965/xlsx; docs/decisions.md says why), into the same WorkbookData the .xlsx reader gives. Loaded only for
 * these formats (./index.ts imports this file lazily).
 *
 * SheetJS does not stream: it builds the whole workbook in memory. So these formats have lower budgets (below),
 * what SheetJS would build is counted before it parses (./sheetjs/xlsRecords.ts counts an .xls's cell records;
 * for an .ods every zip entry is inflated within the budget and content.xml's cells counted,
 * ./sheetjs/odsScan.ts), and the grid's cells are counted again as it is built (./sheetjs/grid.ts).
 */
import * as XLSX from "@e965/xlsx";
import { WorkbookReadError } from "../errors";
import { checkFileSize, overLimit, resolveLimits } from "./csv/budget";
import { describeSheetJsFailure, PASSWORD_PROTECTED } from "./sheetjs/failures";
import { sheetToGrid, type CellBudget } from "./sheetjs/grid";
import { scanOdsContent, type OdsBudget, type OdsFacts, type OdsSheetFacts } from "./sheetjs/odsScan";
import { scanXlsRecords } from "./sheetjs/xlsRecords";
import { inflateWithinBudget, type ZipBudget } from "./sheetjs/zipEntries";
import type { DefinedName, ReadLimits, ReadOptions, ReadSheet, SheetState, WorkbookData } from "./types";

/**
 * Lower budgets for the formats SheetJS reads, because it reads them whole: measured on this 2-core machine
 * (docs/benchmarks.md), an .xls of 250,000 number cells peaked at 280 MB and one of 1,000,000 at 850 MB and
 * 6 s; its .ods parser took 4.6 s for 15 MB of content.xml on a busy machine (so 8 MB, about twice the template-based example). These keep a hostile file
 * near the 2 s and 300 MB the reader promises, and are far above any return: the template-based example holds
 * 11,000 cells (1.4 MB as .xls, 3.5 MB of content.xml as .ods). The cells are counted before SheetJS parses.
 */
export const SHEETJS_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const SHEETJS_MAX_CELLS = 200_000;
export const SHEETJS_MAX_INFLATED_BYTES = 8 * 1024 * 1024;
const SHEETJS_SCOPE = "the limit for .xls and .ods files, which are read whole: save it as .xlsx to read more";

/** The workbook's budgets, lowered to SheetJS's where those are lower (with the message naming whose limit it is). */
function sheetJsBudgets(limits: ReadLimits): { cells: CellBudget; ods: OdsBudget & ZipBudget } {
  const maxCells = Math.min(limits.maxCells, SHEETJS_MAX_CELLS);
  const maxInflatedBytes = Math.min(limits.maxInflatedBytes, SHEETJS_MAX_INFLATED_BYTES);
  const cellScope = maxCells < limits.maxCells ? SHEETJS_SCOPE : undefined;
  const inflatedScope = maxInflatedBytes < limits.maxInflatedBytes ? SHEETJS_SCOPE : undefined;
  return {
    cells: { maxCells, scope: cellScope, cells: 0 },
    ods: { ...limits, maxCells, cellScope, maxInflatedBytes, inflatedScope },
  };
}

const SHEET_STATES: Readonly<Record<number, SheetState>> = { 0: "visible", 1: "hidden", 2: "veryHidden" };

/**
 * Parsing options: serials and number formats (not Dates or formatted text), no styles, no stubs, dense sheets,
 * formulas not decompiled (their cached values are kept; the record scans say whether there are formulas).
 */
const PARSE_OPTIONS: XLSX.ParsingOptions = {
  type: "array",
  dense: true,
  cellDates: false,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellStyles: false,
  cellFormula: false,
  sheetStubs: false,
  bookVBA: false,
  bookDeps: false,
  bookFiles: false,
  WTF: false,
};

/** SheetJS reports number formats it cannot convert from .ods on console.error: notes for its developers, not users. */
function withoutSheetJsConsoleNotes<T>(read: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("ODS number format")) return;
    original(...args);
  };
  try {
    return read();
  } finally {
    console.error = original;
  }
}

function parse(bytes: Uint8Array, kind: "xls" | "ods"): XLSX.WorkBook {
  try {
    return withoutSheetJsConsoleNotes(() => XLSX.read(bytes, PARSE_OPTIONS));
  } catch (err) {
    throw describeSheetJsFailure(err, kind);
  }
}

/** The .ods checks SheetJS does not make: encryption, inflated size, cells once repeats are expanded, hidden sheets and rows. */
function scanOds(bytes: Uint8Array, budget: OdsBudget & ZipBudget): OdsFacts {
  const parts = inflateWithinBudget(bytes, ["META-INF/manifest.xml", "content.xml"], budget, (name, data) => {
    if (name === "META-INF/manifest.xml" && new TextDecoder().decode(data).includes("encryption-data")) {
      throw new WorkbookReadError(PASSWORD_PROTECTED);
    }
  });
  const content = parts.get("content.xml");
  if (!content) throw new WorkbookReadError("damaged .ods file (it holds no content.xml)");
  return scanOdsContent(content, budget);
}

function definedNamesOf(wb: XLSX.WorkBook): DefinedName[] {
  return (wb.Workbook?.Names ?? []).map((name) => ({
    name: name.Name,
    sheet: name.Sheet === undefined ? null : (wb.SheetNames[name.Sheet] ?? null),
    formula: name.Ref,
  }));
}

/** The scan's facts for a sheet, by name (sheet names are unique), else by position. */
function odsSheet(ods: OdsFacts, name: string, index: number): OdsSheetFacts | undefined {
  return ods.sheets.find((sheet) => sheet.name === name) ?? ods.sheets[index];
}

function stateOf(wb: XLSX.WorkBook, name: string, index: number, ods: OdsFacts | null): SheetState {
  if (ods) return odsSheet(ods, name, index)?.state ?? "visible";
  return SHEET_STATES[wb.Workbook?.Sheets?.[index]?.Hidden ?? 0] ?? "visible";
}

function beyondValuesOf(wb: XLSX.WorkBook, found: Set<string>): string[] {
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    if ((ws["!merges"]?.length ?? 0) > 0) found.add("merged cells");
    for (const row of ws["!data"] ?? []) {
      for (const cell of row ?? []) {
        if (!cell) continue;
        if (cell.c !== undefined) found.add("comments");
        if (cell.l !== undefined) found.add("hyperlinks");
      }
    }
  }
  if ((wb.Workbook?.Names?.length ?? 0) > 0) found.add("defined names");
  return [...found].sort();
}

export async function readWithSheetJs(bytes: Uint8Array, kind: "xls" | "ods", options: ReadOptions = {}): Promise<WorkbookData> {
  const limits = resolveLimits(options.limits);
  checkFileSize(bytes.length, Math.min(limits.maxFileBytes, SHEETJS_MAX_FILE_BYTES), ` for .${kind} files`);
  const budgets = sheetJsBudgets(limits);
  const ods = kind === "ods" ? scanOds(bytes, budgets.ods) : null;
  const found = new Set<string>(ods ? ods.beyondValues : scanXlsRecords(bytes, budgets.cells.maxCells, budgets.cells.scope).beyondValues);
  const wb = parse(bytes, kind);
  if (wb.SheetNames.length > limits.maxSheets) throw overLimit("sheets", limits.maxSheets);
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const wanted = options.sheetsToRead?.(wb.SheetNames.map((name, index) => ({ name, visible: stateOf(wb, name, index, ods) === "visible" }))) ?? null;
  const sheets: ReadSheet[] = wb.SheetNames.map((name, index) => {
    const ws = wb.Sheets[name];
    const read = ws !== undefined && (wanted === null || wanted.has(name));
    const hiddenRanges = (ods && odsSheet(ods, name, index)?.hiddenRowRanges) ?? [];
    return { name, state: stateOf(wb, name, index, ods), grid: read ? sheetToGrid(name, ws, date1904, budgets.cells, hiddenRanges) : null };
  });
  return { format: kind, date1904, sheets, definedNames: definedNamesOf(wb), beyondValues: beyondValuesOf(wb, found) };
}
