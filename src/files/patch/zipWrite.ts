/**
 * Assembles a zip from the entries of one that was read (./zipArchive.ts): an entry copied keeps its local record
 * byte for byte (header fields, compressed data, data descriptor) and its central record but for the offset; an
 * entry replaced or added gets fresh headers and deflated content. Local records keep the original file's order,
 * new ones after them; the central directory keeps the order it is given.
 */
import { deflateSync } from "fflate";
import { crc32 } from "./crc32";
import { WorkbookReadError } from "../errors";
import type { StoredEntry } from "./zipArchive";

export type OutputEntry =
  | { readonly kind: "copy"; readonly entry: StoredEntry }
  /** Same name and place as entry; new content. */
  | { readonly kind: "replace"; readonly entry: StoredEntry; readonly content: Uint8Array }
  /** A new entry; its time, date and attributes are taken from `like` (an entry of the same workbook). */
  | { readonly kind: "add"; readonly name: string; readonly content: Uint8Array; readonly like: StoredEntry };

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const EOCD_SIZE = 22;
const DEFLATED = 8;
/** 2.0: deflate. */
const VERSION_NEEDED = 20;
/** General purpose flag bit 11: the name is UTF-8. Kept for a replaced entry; the other bits describe the old data. */
const FLAG_UTF8 = 0x0800;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const nameEncoder = new TextEncoder();

interface Fresh {
  readonly name: Uint8Array;
  readonly flags: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly versionMadeBy: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly crc32: number;
  readonly size: number;
  readonly data: Uint8Array;
}

function centralView(entry: StoredEntry): DataView {
  return new DataView(entry.centralRecord.buffer, entry.centralRecord.byteOffset, entry.centralRecord.byteLength);
}

function fresh(name: Uint8Array, flags: number, like: StoredEntry, content: Uint8Array): Fresh {
  const central = centralView(like);
  return {
    name,
    flags,
    dosTime: central.getUint16(12, true),
    dosDate: central.getUint16(14, true),
    versionMadeBy: central.getUint16(4, true),
    internalAttributes: central.getUint16(36, true),
    externalAttributes: central.getUint32(38, true),
    crc32: crc32(content),
    size: content.length,
    data: deflateSync(content, { level: 6 }),
  };
}

function freshOf(output: OutputEntry): Fresh | null {
  switch (output.kind) {
    case "copy":
      return null;
    case "replace": {
      const nameLength = centralView(output.entry).getUint16(28, true);
      const name = output.entry.centralRecord.subarray(CENTRAL_HEADER_SIZE, CENTRAL_HEADER_SIZE + nameLength);
      return fresh(name, output.entry.flags & FLAG_UTF8, output.entry, output.content);
    }
    case "add":
      return fresh(nameEncoder.encode(output.name), /[^\x20-\x7e]/.test(output.name) ? FLAG_UTF8 : 0, output.like, output.content);
  }
}

function writeLocalHeader(view: DataView, out: Uint8Array, pos: number, f: Fresh): number {
  view.setUint32(pos, LOCAL_SIGNATURE, true);
  view.setUint16(pos + 4, VERSION_NEEDED, true);
  view.setUint16(pos + 6, f.flags, true);
  view.setUint16(pos + 8, DEFLATED, true);
  view.setUint16(pos + 10, f.dosTime, true);
  view.setUint16(pos + 12, f.dosDate, true);
  view.setUint32(pos + 14, f.crc32, true);
  view.setUint32(pos + 18, f.data.length, true);
  view.setUint32(pos + 22, f.size, true);
  view.setUint16(pos + 26, f.name.length, true);
  view.setUint16(pos + 28, 0, true);
  out.set(f.name, pos + LOCAL_HEADER_SIZE);
  out.set(f.data, pos + LOCAL_HEADER_SIZE + f.name.length);
  return pos + LOCAL_HEADER_SIZE + f.name.length + f.data.length;
}

function writeCentralHeader(view: DataView, out: Uint8Array, pos: number, f: Fresh, localOffset: number): number {
  view.setUint32(pos, CENTRAL_SIGNATURE, true);
  view.setUint16(pos + 4, f.versionMadeBy, true);
  view.setUint16(pos + 6, VERSION_NEEDED, true);
  view.setUint16(pos + 8, f.flags, true);
  view.setUint16(pos + 10, DEFLATED, true);
  view.setUint16(pos + 12, f.dosTime, true);
  view.setUint16(pos + 14, f.dosDate, true);
  view.setUint32(pos + 16, f.crc32, true);
  view.setUint32(pos + 20, f.data.length, true);
  view.setUint32(pos + 24, f.size, true);
  view.setUint16(pos + 28, f.name.length, true);
  // Extra field, comment, disk number start: none.
  view.setUint16(pos + 30, 0, true);
  view.setUint16(pos + 32, 0, true);
  view.setUint16(pos + 34, 0, true);
  view.setUint16(pos + 36, f.internalAttributes, true);
  view.setUint32(pos + 38, f.externalAttributes, true);
  view.setUint32(pos + 42, localOffset, true);
  out.set(f.name, pos + CENTRAL_HEADER_SIZE);
  return pos + CENTRAL_HEADER_SIZE + f.name.length;
}

interface Planned {
  readonly output: OutputEntry;
  readonly fresh: Fresh | null;
  /** Where the original had it; new entries go last. */
  readonly layoutKey: number;
  localOffset: number;
}

function localSize(p: Planned): number {
  return p.fresh ? LOCAL_HEADER_SIZE + p.fresh.name.length + p.fresh.data.length : p.output.kind === "copy" ? p.output.entry.localRecord.length : 0;
}

function centralSize(p: Planned): number {
  return p.fresh ? CENTRAL_HEADER_SIZE + p.fresh.name.length : p.output.kind === "copy" ? p.output.entry.centralRecord.length : 0;
}

/** The zip of these entries, the central directory in the order given, with the archive comment. */
export function writeZip(outputs: readonly OutputEntry[], comment: Uint8Array): Uint8Array {
  if (outputs.length >= U16_MAX) throw new WorkbookReadError("the stamped workbook would need ZIP64 (65,535 parts or more), which is not written");
  const planned: Planned[] = outputs.map((output) => ({
    output,
    fresh: freshOf(output),
    layoutKey: output.kind === "add" ? Number.POSITIVE_INFINITY : output.entry.localHeaderOffset,
    localOffset: 0,
  }));
  const laidOut = [...planned].sort((a, b) => a.layoutKey - b.layoutKey);
  const localsSize = laidOut.reduce((sum, p) => sum + localSize(p), 0);
  const directorySize = planned.reduce((sum, p) => sum + centralSize(p), 0);
  const total = localsSize + directorySize + EOCD_SIZE + comment.length;
  if (localsSize + directorySize > U32_MAX) throw new WorkbookReadError("the stamped workbook would need ZIP64 (over 4 GB), which is not written");

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let pos = 0;
  for (const p of laidOut) {
    p.localOffset = pos;
    if (p.fresh) pos = writeLocalHeader(view, out, pos, p.fresh);
    else if (p.output.kind === "copy") {
      out.set(p.output.entry.localRecord, pos);
      pos += p.output.entry.localRecord.length;
    }
  }
  const directoryOffset = pos;
  for (const p of planned) {
    if (p.fresh) pos = writeCentralHeader(view, out, pos, p.fresh, p.localOffset);
    else if (p.output.kind === "copy") {
      out.set(p.output.entry.centralRecord, pos);
      view.setUint32(pos + 42, p.localOffset, true);
      pos += p.output.entry.centralRecord.length;
    }
  }
  view.setUint32(pos, EOCD_SIGNATURE, true);
  view.setUint16(pos + 4, 0, true);
  view.setUint16(pos + 6, 0, true);
  view.setUint16(pos + 8, planned.length, true);
  view.setUint16(pos + 10, planned.length, true);
  view.setUint32(pos + 12, directorySize, true);
  view.setUint32(pos + 16, directoryOffset, true);
  view.setUint16(pos + 20, comment.length, true);
  out.set(comment, pos + EOCD_SIZE);
  return out;
}
