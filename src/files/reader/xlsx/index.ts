/**
 * The .xlsx and .xlsm reader: the package's parts found through its relationships (whatever the
 * parts are named, absolute or relative, any case), only the parts needed inflated (the workbook,
 * its relationships, shared strings, styles, the worksheets chosen and their tables), each streamed
 * through the byte tokenizer (./xml/) into the core's grid within budgets counted over the whole workbook (./budget.ts).
 * Spec section 5; the contract in ../types.ts. Runs in the browser too: no Node modules.
 */
import type { SheetData } from "../../../core/cells";
import { WorkbookReadError } from "../../errors";
import type { ReadLimits, ReadOptions, ReadSheet, WorkbookData } from "../types";
import { quoted, ZipArchive, ZipError, type RawInflater, type ZipEntry } from "../zip";
import { BeyondValues } from "./beyondValues";
import { ReadBudget, formatCount, resolveLimits } from "./budget";
import { NO_CELL_FORMATS, readCellFormats, type CellFormats } from "./numberFormats";
import { readRelationships, type Relationship } from "./relationships";
import { readSharedStrings, type SharedStrings } from "./sharedStrings";
import { readTotalsRows } from "./tables";
import { readWorkbookPart, type WorkbookSheet } from "./workbookPart";
import { readWorksheet, type WorksheetContext } from "./worksheet";

const DEFAULT_WORKBOOK_PART = "xl/workbook.xml";
const PACKAGE_ROOT = "";

/** Turns the zip layer's failures into one-line messages for users. */
function readErrorOf(error: ZipError): WorkbookReadError {
  switch (error.failure) {
    case "not-zip":
    case "damaged":
    case "larger-than-declared":
      return new WorkbookReadError(`truncated or damaged .xlsx (${error.message})`, { cause: error });
    case "encrypted":
      return new WorkbookReadError(`not readable: ${error.message} (a password-protected zip; save the workbook again without one)`, { cause: error });
    case "too-many-entries":
    case "too-much-inflated":
      return new WorkbookReadError(`too big to read: ${error.message}`, { cause: error });
  }
}

function openArchive(bytes: Uint8Array, limits: ReadLimits, inflateRaw: RawInflater | undefined): ZipArchive {
  const { maxFileBytes } = limits;
  if (bytes.length > maxFileBytes) throw new WorkbookReadError(`too big to read: the file is ${formatCount(bytes.length)} bytes, more than the limit of ${formatCount(maxFileBytes)}`);
  return ZipArchive.open(bytes, limits, inflateRaw === undefined ? {} : { inflateRaw });
}

/** The workbook part: named by the package's officeDocument relationship, else where Excel puts it. */
function findWorkbookPart(archive: ZipArchive): ZipEntry {
  const [office] = readRelationships(archive, PACKAGE_ROOT, new Set(["officeDocument"]));
  const entry = (office && archive.find(office.part)) ?? archive.find(DEFAULT_WORKBOOK_PART);
  if (entry) return entry;
  if (archive.find("xl/workbook.bin")) throw new WorkbookReadError("not an .xlsx workbook (a binary .xlsb workbook: save it from Excel as .xlsx)");
  throw new WorkbookReadError("not an .xlsx workbook (no workbook part)");
}

const SHEET_RELATIONSHIPS = new Set(["table"]);

/**
 * The sheets with cells: a <sheet> whose relationship is of another kind (a chart sheet, dialog
 * sheet or macro sheet) is left out, as before (exceljs listed worksheets only). A sheet whose
 * relationship is missing is listed, and is damaged if read.
 */
function worksheetsOf(sheets: readonly WorkbookSheet[], relationships: ReadonlyMap<string, Relationship>): WorkbookSheet[] {
  return sheets.filter((sheet) => {
    const relationship = sheet.relationshipId === undefined ? undefined : relationships.get(sheet.relationshipId);
    return relationship === undefined || relationship.kind === "worksheet";
  });
}

function partByKind(archive: ZipArchive, relationships: readonly Relationship[], kind: string, fallback: string): ZipEntry | undefined {
  const named = relationships.find((r) => r.kind === kind);
  return (named && archive.find(named.part)) ?? archive.find(fallback);
}

export async function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookData> {
  try {
    return readPackage(bytes, options);
  } catch (error) {
    if (error instanceof ZipError) throw readErrorOf(error);
    throw error;
  }
}

function readPackage(bytes: Uint8Array, options: ReadOptions): WorkbookData {
  const limits = resolveLimits(options.limits);
  const budget = new ReadBudget(limits);
  const archive = openArchive(bytes, limits, options.inflateRaw);
  const beyondValues = new BeyondValues();
  beyondValues.notePartNames(archive.entries.map((entry) => entry.name));

  const workbookEntry = findWorkbookPart(archive);
  // Every kind: a sheet is told a worksheet by its relationship's kind.
  const relationships = readRelationships(archive, workbookEntry.name, null);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const workbook = readWorkbookPart(archive, workbookEntry, budget);
  if (workbook.hasDefinedNames) beyondValues.note("definedNames");

  const worksheets = worksheetsOf(workbook.sheets, byId);
  const chosen = options.sheetsToRead?.(worksheets.map((s) => ({ name: s.name, visible: s.state === "visible" }))) ?? null;
  const toRead = worksheets.filter((sheet) => chosen === null || chosen.has(sheet.name));

  let sharedStrings: SharedStrings = [];
  let formats: CellFormats = NO_CELL_FORMATS;
  if (toRead.length > 0) {
    const stylesEntry = partByKind(archive, relationships, "styles", "xl/styles.xml");
    if (stylesEntry) formats = readCellFormats(archive, stylesEntry, budget);
    const stringsEntry = partByKind(archive, relationships, "sharedStrings", "xl/sharedStrings.xml");
    if (stringsEntry) sharedStrings = readSharedStrings(archive, stringsEntry, budget);
  }
  if (formats.count > 1) beyondValues.note("cellFormatting");

  const context: Omit<WorksheetContext, "totals"> = { sharedStrings, dateStyles: formats.dateStyles, date1904: workbook.date1904, budget, beyondValues };
  const sheets = worksheets.map((sheet): ReadSheet => {
    const read = chosen === null || chosen.has(sheet.name);
    return { name: sheet.name, state: sheet.state, grid: read ? readSheet(archive, sheet, byId, context) : null };
  });
  return { format: "xlsx", date1904: workbook.date1904, sheets, definedNames: workbook.definedNames, beyondValues: beyondValues.list() };
}

function readSheet(archive: ZipArchive, sheet: WorkbookSheet, byId: ReadonlyMap<string, Relationship>, context: Omit<WorksheetContext, "totals">): SheetData {
  const relationship = sheet.relationshipId === undefined ? undefined : byId.get(sheet.relationshipId);
  const entry = relationship && archive.find(relationship.part);
  if (!entry) throw new WorkbookReadError(`truncated or damaged .xlsx (the sheet ${quoted(sheet.name)} has no worksheet part)`);
  const tables = readRelationships(archive, entry.name, SHEET_RELATIONSHIPS);
  const totals = readTotalsRows(archive, tables);
  return readWorksheet(archive, entry, sheet.name, { ...context, totals });
}
