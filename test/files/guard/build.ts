/** Builders for the hostile files the guard tests feed in; everything is made in memory at run time. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { deflateRawSync } from "node:zlib";

export const TRUSTS_ROWS = [
  ["Trust ODS code", "Trust name", "EPR status"],
  ["RXX", "North Trust", "Live"],
  ["RYY", "South Trust", "No EPR"],
];

/** A small, well-formed workbook as exceljs writes it: sheet "Trusts" holding TRUSTS_ROWS. */
export async function realWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Trusts");
  for (const row of TRUSTS_ROWS) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The workbook with one part's XML changed. */
export async function withPart(bytes: Uint8Array, part: string, change: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  zip.file(part, change(await file.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export const SHEET = "xl/worksheets/sheet1.xml";
export const WORKBOOK = "xl/workbook.xml";

/** Inserts XML right after </sheetData>, where data validations and merges belong. */
export const afterSheetData = (fragment: string) => (xml: string) => xml.replace("</sheetData>", `</sheetData>${fragment}`);

export async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

export function sheetValues(workbook: ExcelJS.Workbook, name = "Trusts"): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    rows[number - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

export interface RawEntry {
  name: string;
  /** The stored bytes: already deflated when method is 8. */
  data: Uint8Array;
  method: 0 | 8;
  /** What the directory claims; a bomb may lie. */
  declaredSize: number;
}

/** A raw entry whose content is deflated honestly. */
export function deflated(name: string, content: Uint8Array | string, declaredSize?: number): RawEntry {
  const raw = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, data: new Uint8Array(deflateRawSync(raw, { level: 9 })), method: 8, declaredSize: declaredSize ?? raw.length };
}

/**
 * A zip written byte by byte (APPNOTE 4.3), so that declared sizes can be anything. CRCs are 0:
 * neither jszip (by default) nor exceljs checks them.
 */
export function buildZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.declaredSize, true);
    local.setUint16(26, name.length, true);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(10, entry.method, true);
    header.setUint32(20, entry.data.length, true);
    header.setUint32(24, entry.declaredSize, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, entry.data);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.length + entry.data.length;
  }
  const centralSize = central.reduce((sum, c) => sum + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The parts of a real workbook as raw entries, to rebuild it with extra or altered parts. */
export async function rawEntriesOf(bytes: Uint8Array): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const entries: RawEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (!file.dir) entries.push(deflated(file.name, await file.async("uint8array")));
  }
  return entries;
}
