/**
 * Reading one trust return to merge: a sheet of this workbook, or an .xlsx file the user picked (opened with
 * the exceljs gateway, imported lazily so exceljs stays out of the task pane's first download). Each is read
 * through its column mapping (the one saved in its workbook when it still fits, else the detected one) and
 * validated, so the Merge view can show what it found before anything is merged.
 */
import type { SheetData } from "../core/cells";
import type { IsoDate } from "../core/dates";
import { detectMapping } from "../core/headers";
import { readIcsSheet, submissionDateFor } from "../core/ics";
import type { ColumnMapping, ValidationResult } from "../core/results";
import { ICS_SHEET, TRUSTS_SHEET } from "../core/returnSheets";
import { STAMP_SHEET } from "../core/stamp/sheetLayout";
import { validateSheet } from "../core/validate";
import type { WorkbookGateway } from "./gateway";
import { chooseMapping, mappingSettingKey } from "./settings/mappingSetting";
import { THIS_WORKBOOK, type MergeTarget } from "./mergePlan";

/** Sheets read at most to find the trust rows of a file without a `Trusts` sheet. */
const MAX_SHEETS_PROBED = 10;

export interface SourceReturn {
  /** Where it came from, e.g. `north.xlsx` or `This workbook`. */
  readonly origin: string;
  readonly sheet: SheetData;
  readonly mapping: ColumnMapping;
  /** "saved" when the workbook's saved mapping was used. */
  readonly mappingSource: "saved" | "detected";
  readonly result: ValidationResult;
}

/** The trust sheet of a workbook: `Trusts`, else the first visible sheet with a header row, read once. */
async function findTrustSheet(gateway: WorkbookGateway, origin: string): Promise<SheetData> {
  const sheets = (await gateway.listSheets()).filter((s) => s.name !== STAMP_SHEET);
  if (sheets.some((s) => s.name === TRUSTS_SHEET)) return gateway.readSheet(TRUSTS_SHEET);
  for (const info of sheets.filter((s) => s.visible).slice(0, MAX_SHEETS_PROBED)) {
    const data = await gateway.readSheet(info.name);
    if (detectMapping(data).headerRow !== null) return data;
  }
  throw new Error(`${origin} has no sheet of trust rows (no Trusts sheet, and no sheet with a header row of known columns).`);
}

/** Reads and validates the named sheet of `gateway` (or its trust sheet when none is named). */
export async function readSourceReturn(gateway: WorkbookGateway, origin: string, today: IsoDate, sheetName?: string): Promise<SourceReturn> {
  const sheet = sheetName === undefined ? await findTrustSheet(gateway, origin) : await gateway.readSheet(sheetName);
  const hasIcs = sheet.name !== ICS_SHEET && (await gateway.listSheets()).some((s) => s.name === ICS_SHEET);
  const ics = hasIcs ? readIcsSheet(await gateway.readSheet(ICS_SHEET)).details : null;
  const chosen = chooseMapping(await gateway.loadSetting(mappingSettingKey(sheet.name)), sheet, detectMapping(sheet));
  const result = validateSheet(sheet, { submitted: submissionDateFor(ics, undefined, today), mapping: chosen.mapping });
  return { origin, sheet, mapping: chosen.mapping, mappingSource: chosen.source, result };
}

/** A file's bytes; jsdom's File has no arrayBuffer(), browsers' and Office's webviews do. */
export function fileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (reader.result instanceof ArrayBuffer ? resolve(reader.result) : reject(new Error("The file could not be read as bytes.")));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(file);
  });
}

/** Opens an .xlsx file as a workbook gateway (exceljs, loaded on first use). */
export type OpenWorkbookFile = (file: File) => Promise<WorkbookGateway>;

export const openXlsxFile: OpenWorkbookFile = async (file) => {
  const { XlsxGateway } = await import("../files/gateway");
  return XlsxGateway.open(await fileBytes(file));
};

/** This workbook's Trusts sheet as the merge target, or null when the workbook has none (insert the template first). */
export async function readMergeTarget(gateway: WorkbookGateway, today: IsoDate): Promise<MergeTarget | null> {
  if (!(await gateway.listSheets()).some((s) => s.name === TRUSTS_SHEET)) return null;
  const read = await readSourceReturn(gateway, THIS_WORKBOOK, today, TRUSTS_SHEET);
  if (read.mapping.headerRow === null) throw new Error(`The ${TRUSTS_SHEET} sheet has no header row of known columns, so the add-in cannot tell where each value goes: insert the template into a new workbook, or fix the headers.`);
  return { sheet: TRUSTS_SHEET, mapping: read.mapping, result: read.result };
}
