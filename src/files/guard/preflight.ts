/**
 * The guard in front of exceljs: every .xlsx the command line or the workbench reads goes
 * through preflightXlsx first. It rejects what is not a workbook, zip bombs (by declared sizes,
 * then by counting bytes while inflating, since declared sizes can lie) and workbooks too big
 * to hold in memory; and it rewrites the parts that make exceljs hang (see sheet-xml.ts and
 * workbook-xml.ts). Runs in the browser too: no Node modules.
 */
import JSZip from "jszip";
import { checkDeclaredEntries } from "./declaredSizes";
import { XlsxRejectedError } from "./errors";
import { inflateEntry, type InflateBudget } from "./inflate";
import { compressedDataOf, damaged, inflateCompressed, type RawInflate } from "./rawEntries";
import { formatBytes, formatCount, resolveLimits, type XlsxLimits } from "./limits";
import { reviewWorksheet } from "./sheetXml";
import { reviewWorkbook } from "./workbookXml";
import { listedSheets, partsToLeaveOut } from "./sheetParts";
import { readZipDirectory, type ZipEntryInfo } from "./zipDirectory";

/** The parts exceljs parses as worksheets and as the workbook (its own tests, in xlsx.js load). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";

type PartRole = "worksheet" | "workbook" | "workbook-rels" | "other";

/** Part names as exceljs matches them: the zip directory reader drops a leading "/", jszip keeps it. */
function withoutLeadingSlash(name: string): string {
  return name.startsWith("/") ? name.slice(1) : name;
}

function roleOf(entryName: string): PartRole {
  const name = withoutLeadingSlash(entryName);
  if (name === WORKBOOK_PART) return "workbook";
  if (name === WORKBOOK_RELS_PART) return "workbook-rels";
  return WORKSHEET_PART.test(name) ? "worksheet" : "other";
}

function requireWorkbookPart(entries: readonly ZipEntryInfo[]): void {
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has(WORKBOOK_PART)) return;
  const notWorkbook = (what: string): XlsxRejectedError => new XlsxRejectedError("not-workbook", what);
  if (entries.length === 0) throw notWorkbook("This is an empty zip file, not an Excel workbook.");
  if (names.has("xl/workbook.bin")) throw notWorkbook("This is a binary Excel workbook (.xlsb): open it in Excel and save it as .xlsx.");
  if (names.has("content.xml") && names.has("mimetype")) throw notWorkbook("This is an OpenDocument file (.ods): open it in a spreadsheet program and save it as .xlsx.");
  if (names.has("word/document.xml")) throw notWorkbook("This is a Word document, not an Excel workbook.");
  if (names.has("ppt/presentation.xml")) throw notWorkbook("This is a PowerPoint presentation, not an Excel workbook.");
  throw notWorkbook("This is a zip file but not an Excel workbook (it has no xl/workbook.xml).");
}

async function openZip(data: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(data);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new XlsxRejectedError("damaged", `The file is damaged: its zip structure cannot be read (${detail}). Copy or download it again, or open it in Excel and save it again.`);
  }
}

const utf8 = new TextDecoder("utf-8");

export interface PreflightOptions {
  /**
   * Inflates entries in one call instead of through jszip's JavaScript streams: the command line
   * passes Node's native zlib here (see src/files/nodeFile.ts). The browser leaves it out.
   */
  readonly inflateRaw?: RawInflate;
  /**
   * The sheets the caller will read, chosen from the names xl/workbook.xml lists (in order). The
   * worksheet parts of the other sheets are left out of the bytes returned, so exceljs does not
   * parse them; every part is still checked first. Returning null keeps every sheet.
   */
  readonly sheetsToRead?: (names: readonly string[]) => ReadonlySet<string> | null;
}

/** Visits every entry with its inflated bytes (empty for parts the guard does not read: they are only counted). */
type EntryVisitor = (name: string, role: PartRole, bytes: Uint8Array) => void;

/**
 * Sequential on purpose: one entry inflated at a time keeps peak memory to the largest part. With
 * an inflater each entry is inflated in one call; without one (or for an entry jszip holds in some
 * other form), through jszip's streams.
 */
async function visitEntries(zip: JSZip, budget: InflateBudget, inflateRaw: RawInflate | undefined, visit: EntryVisitor): Promise<void> {
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const role = roleOf(entry.name);
    const compressed = inflateRaw ? compressedDataOf(entry) : null;
    const native = inflateRaw && compressed ? inflateCompressed(entry.name, compressed, budget, inflateRaw) : undefined;
    if (native === null) {
      // Larger than it declares: count it without holding it (a zip bomb past the budget throws here).
      await inflateEntry(entry, budget, false);
      throw damaged(entry.name, "its size differs from the size the zip directory gives");
    }
    const bytes = native ?? (await inflateEntry(entry, budget, role !== "other"));
    visit(entry.name, role, bytes);
  }
}

/** The parts to leave out for options.sheetsToRead: none when it keeps every sheet. */
function leftOutParts(workbookXml: string | null, rels: string | null, options: PreflightOptions): ReadonlySet<string> {
  if (!options.sheetsToRead || workbookXml === null) return new Set();
  const sheets = listedSheets(workbookXml, rels);
  if (sheets === null) return new Set();
  const keep = options.sheetsToRead(sheets.map((sheet) => sheet.name));
  return keep === null ? new Set() : partsToLeaveOut(sheets, keep);
}

/**
 * The bytes exceljs should load: the input itself when nothing needed changing, otherwise a
 * rebuilt zip. Throws XlsxRejectedError, whose message is for users, for files it will not pass.
 */
export async function preflightXlsx(data: Uint8Array, limits?: Partial<XlsxLimits>, options: PreflightOptions = {}): Promise<Uint8Array> {
  const resolved = resolveLimits(limits);
  if (data.length > resolved.maxFileBytes) {
    throw new XlsxRejectedError("file-too-large", `The file is ${formatBytes(data.length)}, more than the limit of ${formatBytes(resolved.maxFileBytes)} for a workbook.`);
  }
  const entries = readZipDirectory(data, resolved.maxEntries);
  checkDeclaredEntries(entries, data.length, resolved);
  requireWorkbookPart(entries);

  const zip = await openZip(data);
  const budget: InflateBudget = { remaining: resolved.maxTotalUncompressedBytes, limit: resolved.maxTotalUncompressedBytes };
  let cells = 0;
  const rewritten = new Map<string, string>();
  let workbookXml: string | null = null;
  let rels: string | null = null;
  await visitEntries(zip, budget, options.inflateRaw, (name, role, bytes) => {
    if (role === "workbook-rels") {
      if (options.sheetsToRead) rels = utf8.decode(bytes);
      return;
    }
    if (role === "other") return;
    const xml = utf8.decode(bytes);
    if (role === "worksheet") {
      const review = reviewWorksheet(xml, name, resolved);
      cells += review.cells;
      if (cells > resolved.maxCells) {
        throw new XlsxRejectedError("too-many-cells", `The workbook has more than ${formatCount(resolved.maxCells)} cells (the limit): it is too large to read.`);
      }
      if (review.xml !== null) rewritten.set(name, review.xml);
    } else {
      const review = reviewWorkbook(xml, resolved);
      workbookXml = review.xml ?? xml;
      if (review.xml !== null) rewritten.set(name, review.xml);
    }
  });
  const leftOut = leftOutParts(workbookXml, rels, options);
  if (rewritten.size === 0 && leftOut.size === 0) return data;
  // Hostile or odd files, and commands reading only some sheets, get here: the rebuilt zip is what
  // exceljs reads. Parts left as they were keep their compressed bytes (jszip copies them).
  for (const [name, xml] of rewritten) zip.file(name, xml);
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir && leftOut.has(withoutLeadingSlash(entry.name))) zip.remove(entry.name);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
