/**
 * The guard in front of exceljs: every .xlsx the command line or the workbench reads goes
 * through preflightXlsx first. It rejects what is not a workbook, zip bombs (by declared sizes,
 * then by counting bytes while inflating, since declared sizes can lie) and workbooks too big
 * to hold in memory; and it rewrites the parts that make exceljs hang (see sheet-xml.ts and
 * workbook-xml.ts). Runs in the browser too: no Node modules.
 */
import JSZip from "jszip";
import { checkDeclaredEntries } from "./declared-sizes";
import { XlsxRejectedError } from "./errors";
import { inflateEntry, type InflateBudget } from "./inflate";
import { inflateRawEntry, type RawInflate } from "./raw-entries";
import { formatBytes, formatCount, resolveLimits, type XlsxLimits } from "./limits";
import { reviewWorksheet } from "./sheet-xml";
import { reviewWorkbook } from "./workbook-xml";
import { readZipDirectory, type ZipEntryInfo } from "./zip-directory";

/** The parts exceljs parses as worksheets and as the workbook (its own tests, in xlsx.js load). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKBOOK_PART = "xl/workbook.xml";

type PartRole = "worksheet" | "workbook" | "other";

/** Part names as exceljs matches them: the zip directory reader drops a leading "/", jszip keeps it. */
function withoutLeadingSlash(name: string): string {
  return name.startsWith("/") ? name.slice(1) : name;
}

function roleOf(entryName: string): PartRole {
  const name = withoutLeadingSlash(entryName);
  if (name === WORKBOOK_PART) return "workbook";
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
   * passes Node's native zlib here (see src/xlsx/file.ts). The browser leaves it out.
   */
  readonly inflateRaw?: RawInflate;
}

/** Visits every entry with its inflated bytes (empty for parts the guard does not read: they are only counted). */
type EntryVisitor = (name: string, role: PartRole, bytes: Uint8Array) => void;

/** Through jszip's streams: sequential on purpose, one entry inflated at a time keeps peak memory to the largest part. */
async function visitWithJsZip(zip: JSZip, budget: InflateBudget, visit: EntryVisitor): Promise<void> {
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const role = roleOf(entry.name);
    visit(entry.name, role, await inflateEntry(entry, budget, role !== "other"));
  }
}

/** Straight from the zip's directory with the injected inflater; the same checks, in directory order. */
function visitWithInflater(data: Uint8Array, entries: readonly ZipEntryInfo[], budget: InflateBudget, inflateRaw: RawInflate, visit: EntryVisitor): void {
  for (const entry of entries) {
    if (entry.name.endsWith("/") && entry.uncompressedSize === 0) continue;
    visit(entry.name, roleOf(entry.name), inflateRawEntry(data, entry, budget, inflateRaw));
  }
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

  const budget: InflateBudget = { remaining: resolved.maxTotalUncompressedBytes, limit: resolved.maxTotalUncompressedBytes };
  let cells = 0;
  const rewritten = new Map<string, string>();
  const visit: EntryVisitor = (name, role, bytes) => {
    if (role === "other") return;
    const xml = utf8.decode(bytes);
    if (role === "worksheet") {
      const review = reviewWorksheet(xml, name, resolved);
      cells += review.cells;
      if (cells > resolved.maxCells) {
        throw new XlsxRejectedError("too-many-cells", `The workbook has more than ${formatCount(resolved.maxCells)} cells (the limit): it is too large to read.`);
      }
      if (review.xml !== null) rewritten.set(withoutLeadingSlash(name), review.xml);
    } else {
      const review = reviewWorkbook(xml, resolved);
      if (review.xml !== null) rewritten.set(withoutLeadingSlash(name), review.xml);
    }
  };
  let zip: JSZip | null = null;
  if (options.inflateRaw) {
    visitWithInflater(data, entries, budget, options.inflateRaw, visit);
  } else {
    zip = await openZip(data);
    await visitWithJsZip(zip, budget, visit);
  }
  if (rewritten.size === 0) return data;
  // Only hostile or odd files get here: the rebuilt zip is what exceljs reads.
  const rebuilt = zip ?? (await openZip(data));
  for (const entry of Object.values(rebuilt.files)) {
    const xml = rewritten.get(withoutLeadingSlash(entry.name));
    if (xml !== undefined && !entry.dir) rebuilt.file(entry.name, xml);
  }
  return rebuilt.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
