/**
 * Zips written by hand for the hostile-file tests: entries whose declared sizes can be anything (a zip bomb lies
 * about them), rebuilt from a real workbook's parts with some added or changed. Everything is made in memory at run
 * time; fflate reads the real workbooks, node:zlib deflates (much faster than fflate for the hundreds of megabytes a
 * bomb holds).
 */
import { strToU8, strFromU8, unzipSync, zipSync } from "fflate";
import { deflateRawSync } from "node:zlib";

export const SHEET = "xl/worksheets/sheet1.xml";
export const WORKBOOK = "xl/workbook.xml";

export interface RawEntry {
  readonly name: string;
  /** 0 stored, 8 deflated: data is written as given. */
  readonly method: 0 | 8;
  /** The stored bytes: already deflated when method is 8. */
  readonly data: Uint8Array;
  /** What the headers declare as the uncompressed size; a bomb may lie. */
  readonly declaredSize: number;
}

/** A raw entry whose content is deflated honestly (declaring its true size unless told otherwise). */
export function deflated(name: string, content: Uint8Array | string, declaredSize?: number): RawEntry {
  const raw = typeof content === "string" ? strToU8(content) : content;
  return { name, method: 8, data: new Uint8Array(deflateRawSync(raw, { level: 9 })), declaredSize: declaredSize ?? raw.length };
}

export interface BuildOptions {
  /**
   * Written as ZIP64 (APPNOTE 4.3.14, 4.5.3), as a writer does past 4 GB or 65,535 entries: every central record's
   * sizes and offset saturated and given in a ZIP64 extra field, the end record saturated and preceded by the ZIP64
   * end record and its locator.
   */
  readonly zip64?: boolean;
}

const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

function centralRecord(entry: RawEntry, name: Uint8Array, offset: number, zip64: boolean): Uint8Array {
  const extra = zip64 ? 4 + 24 : 0;
  const central = new Uint8Array(46 + name.length + extra);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, zip64 ? 45 : 20, true);
  cv.setUint16(6, zip64 ? 45 : 20, true);
  cv.setUint16(10, entry.method, true);
  cv.setUint32(20, zip64 ? U32_MAX : entry.data.length, true);
  cv.setUint32(24, zip64 ? U32_MAX : entry.declaredSize, true);
  cv.setUint16(28, name.length, true);
  cv.setUint16(30, extra, true);
  cv.setUint32(42, zip64 ? U32_MAX : offset, true);
  central.set(name, 46);
  if (zip64) {
    const at = 46 + name.length;
    cv.setUint16(at, 0x0001, true);
    cv.setUint16(at + 2, 24, true);
    cv.setBigUint64(at + 4, BigInt(entry.declaredSize), true);
    cv.setBigUint64(at + 12, BigInt(entry.data.length), true);
    cv.setBigUint64(at + 20, BigInt(offset), true);
  }
  return central;
}

/** The ZIP64 end record and its locator, then the end record with every field saturated. */
function zip64End(count: number, directorySize: number, directoryOffset: number): Uint8Array {
  const end = new Uint8Array(56 + 20 + 22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06064b50, true);
  v.setBigUint64(4, 44n, true);
  v.setUint16(12, 45, true);
  v.setUint16(14, 45, true);
  v.setBigUint64(24, BigInt(count), true);
  v.setBigUint64(32, BigInt(count), true);
  v.setBigUint64(40, BigInt(directorySize), true);
  v.setBigUint64(48, BigInt(directoryOffset), true);
  v.setUint32(56, 0x07064b50, true);
  v.setBigUint64(64, BigInt(directoryOffset + directorySize), true);
  v.setUint32(72, 1, true);
  v.setUint32(76, 0x06054b50, true);
  v.setUint16(84, U16_MAX, true);
  v.setUint16(86, U16_MAX, true);
  v.setUint32(88, U32_MAX, true);
  v.setUint32(92, U32_MAX, true);
  return end;
}

function plainEnd(count: number, directorySize: number, directoryOffset: number): Uint8Array {
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, count, true);
  ev.setUint16(10, count, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, directoryOffset, true);
  return end;
}

/**
 * A zip written byte by byte (APPNOTE 4.3), so that declared sizes can be anything. CRC-32 is left 0: the reader
 * does not check it (a damaged deflate stream or a size that lies is what it catches), nor does exceljs.
 */
export function buildZip(entries: readonly RawEntry[], options: BuildOptions = {}): Uint8Array {
  const zip64 = options.zip64 ?? false;
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, zip64 ? 45 : 20, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.declaredSize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    locals.push(local, entry.data);
    centrals.push(centralRecord(entry, name, offset, zip64));
    offset += local.length + entry.data.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = (zip64 ? zip64End : plainEnd)(entries.length, directorySize, offset);
  const out = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The parts of a real workbook as raw entries, to rebuild it with extra or altered parts. */
export function rawEntriesOf(bytes: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(bytes)).map(([name, content]) => deflated(name, content));
}

/** One part of a zip as text (a test's look at what a writer wrote). */
export function partText(bytes: Uint8Array, part: string): string {
  const content = unzipSync(bytes, { filter: (file) => file.name === part })[part];
  if (!content) throw new Error(`no part ${part}`);
  return strFromU8(content);
}

/** The workbook with one part's XML changed (the other parts as they were). */
export function withPart(bytes: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const content = parts[part];
  if (!content) throw new Error(`no part ${part}`);
  return zipSync({ ...parts, [part]: strToU8(change(strFromU8(content))) });
}

/** Inserts XML right after </sheetData>, where data validations and merges belong. */
export const afterSheetData = (fragment: string) => (xml: string): string => xml.replace("</sheetData>", `</sheetData>${fragment}`);
