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
import { formatBytes, formatCount, resolveLimits, type XlsxLimits } from "./limits";
import { reviewWorksheet } from "./sheet-xml";
import { reviewWorkbook } from "./workbook-xml";
import { readZipDirectory, type ZipEntryInfo } from "./zip-directory";

/** The parts exceljs parses as worksheets and as the workbook (its own tests, in xlsx.js load). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKBOOK_PART = "xl/workbook.xml";

type PartRole = "worksheet" | "workbook" | "other";

function roleOf(entryName: string): PartRole {
  const name = entryName.replace(/^\//, "");
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

/**
 * The bytes exceljs should load: the input itself when nothing needed changing, otherwise a
 * rebuilt zip. Throws XlsxRejectedError, whose message is for users, for files it will not pass.
 */
export async function preflightXlsx(data: Uint8Array, limits?: Partial<XlsxLimits>): Promise<Uint8Array> {
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
  let changed = false;
  // Sequential on purpose: one entry inflated at a time keeps peak memory to the largest part.
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const role = roleOf(entry.name);
    const bytes = await inflateEntry(entry, budget, role !== "other");
    if (role === "other") continue;
    const xml = utf8.decode(bytes);
    if (role === "worksheet") {
      const review = reviewWorksheet(xml, entry.name, resolved);
      cells += review.cells;
      if (cells > resolved.maxCells) {
        throw new XlsxRejectedError("too-many-cells", `The workbook has more than ${formatCount(resolved.maxCells)} cells (the limit): it is too large to read.`);
      }
      if (review.xml !== null) {
        zip.file(entry.name, review.xml);
        changed = true;
      }
    } else {
      const review = reviewWorkbook(xml, resolved);
      if (review.xml !== null) {
        zip.file(entry.name, review.xml);
        changed = true;
      }
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : data;
}
