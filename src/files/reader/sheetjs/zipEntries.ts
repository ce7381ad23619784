/**
 * A bounded look inside an .ods (a zip) before SheetJS opens it. SheetJS inflates every entry whole, so a small
 * hostile file could make it inflate gigabytes: here the sizes the entries declare are added up against the
 * budget, and every entry is inflated into a buffer of its declared size, so one that holds more (or less) than it
 * declares is refused before SheetJS sees it. Only the entries asked for are kept.
 */
import { inflateSync } from "fflate";
import { WorkbookReadError } from "../../errors";
import { formatBytes, overLimit } from "../csv/budget";

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
}

export interface ZipBudget {
  readonly maxEntries: number;
  readonly maxInflatedBytes: number;
  /** Whose limit maxInflatedBytes is, for the message. */
  readonly inflatedScope?: string;
}

function damaged(detail: string): WorkbookReadError {
  return new WorkbookReadError(`damaged .ods file (${detail})`);
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const earliest = Math.max(0, view.byteLength - 22 - 65_535);
  for (let at = view.byteLength - 22; at >= earliest; at--) if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  throw damaged("the zip archive's directory is missing");
}

function listEntries(bytes: Uint8Array, budget: ZipBudget): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 22) throw damaged("too short to be a zip archive");
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  if (count > budget.maxEntries) throw overLimit("zip entries", budget.maxEntries);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw damaged("the zip archive's directory is cut short");
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw damaged(`entry ${entry.name} cannot be found`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged(`entry ${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * The entry's bytes, inflated into a buffer one byte longer than the size it declares (the declared sizes were
 * checked against the budget first): fflate stops when the buffer is full, so an entry that lies about its size
 * costs no more than it declared, and is then refused.
 */
function inflateEntry(data: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.method === STORED) {
    if (data.length !== entry.declaredSize) throw damaged(`entry ${entry.name} holds ${data.length} bytes but declares ${entry.declaredSize}`);
    return data;
  }
  if (entry.method !== DEFLATED) throw damaged(`entry ${entry.name} uses compression method ${entry.method}`);
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(entry.declaredSize + 1) });
  } catch (err) {
    throw damaged(`entry ${entry.name} cannot be inflated: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (out.length !== entry.declaredSize) {
    const holds = out.length > entry.declaredSize ? "more" : `${out.length}`;
    throw damaged(`entry ${entry.name} holds ${holds} bytes but declares ${entry.declaredSize}`);
  }
  return out;
}

/**
 * Inflates every entry within the budget (so SheetJS, which reads them all, stays within it too) and gives back
 * the ones named in `wanted` (missing ones are left out). Those are inflated first, in that order, and each is
 * handed to `inspect` at once, so a check on the manifest (an encrypted file) comes before anything else fails.
 */
export function inflateWithinBudget(
  bytes: Uint8Array,
  wanted: readonly string[],
  budget: ZipBudget,
  inspect: (name: string, data: Uint8Array) => void = () => undefined,
): Map<string, Uint8Array> {
  const entries = listEntries(bytes, budget);
  const rank = (entry: ZipEntry): number => {
    const index = wanted.indexOf(entry.name);
    return index === -1 ? wanted.length : index;
  };
  let declared = 0;
  for (const entry of entries) declared += entry.declaredSize;
  if (declared > budget.maxInflatedBytes) {
    const scope = budget.inflatedScope ?? "the limit";
    throw new WorkbookReadError(`the workbook expands to more than ${formatBytes(budget.maxInflatedBytes)} when opened (${scope}); it is not read`);
  }
  const ordered = [...entries].sort((a, b) => rank(a) - rank(b));
  const kept = new Map<string, Uint8Array>();
  for (const entry of ordered) {
    if (entry.name.endsWith("/") && entry.compressedSize === 0) continue;
    const data = inflateEntry(entryData(bytes, entry), entry);
    if (wanted.includes(entry.name)) {
      kept.set(entry.name, data);
      inspect(entry.name, data);
    }
  }
  return kept;
}
