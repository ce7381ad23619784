/**
 * Unpacking one entry in slices, counting the bytes actually produced: the declared size is not
 * trusted (an entry that produces more than it declares is damaged, and stops there), and the
 * archive-wide running total stops at the inflation budget. Nothing is held: each slice goes to
 * the caller as it comes, so a 150 MB lie costs at most one slice of memory.
 */
import { Inflate } from "fflate";
import type { ZipEntry } from "./directory";
import { localRecordOf } from "./localRecord";
import { quoted, ZipError } from "./zipError";

/**
 * Compressed bytes handed to the inflater at a time: as many as should produce about
 * TARGET_SLICE_OUTPUT at the expansion the entry has shown so far, within these bounds. Deflate
 * expands at most 1,032 to 1, so one slice produces at most 33 MB even where the expansion jumps
 * (the peak one hostile entry can cost before its declared size or the budget stops it), and a
 * steadily expanding entry (a bomb, or a sheet of repeated rows) is fed in small slices. Typical
 * XML expands 5 to 20 times, so it goes in the largest slices: fflate copies its 32 KB window and
 * grows a fresh output buffer on every push, and 8 KB slices took about twice as long.
 */
const MAX_INPUT_SLICE = 32 * 1024;
const MIN_INPUT_SLICE = 1024;
const FIRST_INPUT_SLICE = 4 * 1024;
const TARGET_SLICE_OUTPUT = 1024 * 1024;

function nextSliceSize(input: number, output: number): number {
  const expansion = Math.max(1, output / Math.max(1, input));
  return Math.max(MIN_INPUT_SLICE, Math.min(MAX_INPUT_SLICE, Math.floor(TARGET_SLICE_OUTPUT / expansion)));
}

/** Stored entries are passed on in slices of this size. */
const STORED_SLICE = 64 * 1024;

/**
 * A faster inflater a host may offer (the command line offers Node's zlib, about five times faster than
 * fflate here): inflates raw deflate data at once and returns null when it would produce more than
 * maxBytes; throws when the data is damaged.
 */
export type RawInflater = (compressed: Uint8Array, maxBytes: number) => Uint8Array | null;

/**
 * Entries declaring more than this are inflated in slices by fflate even where a RawInflater is offered, so
 * what one entry holds in memory at once stays bounded (a 50,000-row worksheet is about 28 MB).
 */
export const MAX_AT_ONCE_BYTES = 64 * 1024 * 1024;

export interface InflateBudget {
  /** Bytes inflated so far over the whole archive. */
  inflated: number;
  readonly maxInflatedBytes: number;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-GB")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString("en-GB")} KB`;
  return `${bytes} bytes`;
}

/** Throws ZipError when the entry cannot be inflated at all: encrypted, or compressed by a method other than deflate. */
function checkReadable(entry: ZipEntry): void {
  if (entry.encrypted) throw new ZipError("encrypted", `the zip entry ${quoted(entry.name)} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipError("damaged", `the zip entry ${quoted(entry.name)} uses compression method ${entry.method}, which spreadsheet files never use`);
  }
}

/**
 * Passes the entry's inflated bytes to onSlice, slice by slice, in order. Throws ZipError when the
 * entry is encrypted, damaged, larger than declared, or when the archive's budget runs out; an
 * error thrown by onSlice stops the inflation and propagates as is.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, onSlice: (slice: Uint8Array) => void, atOnce?: RawInflater): void {
  checkReadable(entry);
  const { dataStart, dataEnd } = localRecordOf(bytes, entry, bytes.length);
  const compressed = bytes.subarray(dataStart, dataEnd);
  if (atOnce !== undefined && entry.method === 8 && entry.declaredSize <= MAX_AT_ONCE_BYTES) inflateAtOnce(compressed, entry, budget, onSlice, atOnce);
  else inflateData(compressed, entry, budget, onSlice);
}

function overDeclared(entry: ZipEntry): ZipError {
  return new ZipError("larger-than-declared", `the zip entry ${quoted(entry.name)} unpacks to more than the ${formatBytes(entry.declaredSize)} it declares`);
}

function overBudget(budget: InflateBudget): ZipError {
  return new ZipError("too-much-inflated", `the workbook unpacks to more than ${formatBytes(budget.maxInflatedBytes)} (the limit)`);
}

/** As inflateData, through the host's inflater: the same limits, checked on what it produced, and the same messages. */
function inflateAtOnce(compressed: Uint8Array, entry: ZipEntry, budget: InflateBudget, onSlice: (slice: Uint8Array) => void, atOnce: RawInflater): void {
  if (compressed.length === 0) throw new ZipError("damaged", `the zip entry ${quoted(entry.name)} is empty`);
  const remaining = budget.maxInflatedBytes - budget.inflated;
  const limit = Math.min(entry.declaredSize, remaining);
  let output: Uint8Array | null;
  try {
    output = atOnce(compressed, limit);
  } catch (error) {
    throw new ZipError("damaged", `the zip entry ${quoted(entry.name)} cannot be unpacked (${error instanceof Error ? error.message : String(error)})`);
  }
  if (output === null || output.length > limit) throw entry.declaredSize <= remaining ? overDeclared(entry) : overBudget(budget);
  budget.inflated += output.length;
  if (output.length > 0) onSlice(output);
}

/**
 * As inflateEntry, given the entry's compressed data, found already (the stamp finds it when it checks the local
 * record: ../../patch/zipArchive.ts), and its method already checked (stored or deflated; not encrypted).
 */
export function inflateData(compressed: Uint8Array, entry: ZipEntry, budget: InflateBudget, onSlice: (slice: Uint8Array) => void): void {
  let produced = 0;
  const count = (slice: Uint8Array): void => {
    produced += slice.length;
    if (produced > entry.declaredSize) throw overDeclared(entry);
    budget.inflated += slice.length;
    if (budget.inflated > budget.maxInflatedBytes) throw overBudget(budget);
    if (slice.length > 0) onSlice(slice);
  };
  if (entry.method === 0) {
    for (let at = 0; at < compressed.length; at += STORED_SLICE) count(compressed.subarray(at, Math.min(compressed.length, at + STORED_SLICE)));
    return;
  }
  let pushedOutput = 0;
  const inflater = new Inflate((slice) => {
    pushedOutput += slice.length;
    count(slice);
  });
  try {
    if (compressed.length === 0) throw new ZipError("damaged", `the zip entry ${quoted(entry.name)} is empty`);
    let size = FIRST_INPUT_SLICE;
    for (let at = 0; at < compressed.length; ) {
      const end = Math.min(compressed.length, at + size);
      pushedOutput = 0;
      inflater.push(compressed.subarray(at, end), end === compressed.length);
      size = nextSliceSize(end - at, pushedOutput);
      at = end;
    }
  } catch (error) {
    throw fflateFailure(error, entry);
  }
}

/** fflate's own errors carry a numeric code; anything else (ours, or the caller's) passes through. */
function fflateFailure(error: unknown, entry: ZipEntry): unknown {
  if (error instanceof Error && typeof (error as { code?: unknown }).code === "number") {
    return new ZipError("damaged", `the zip entry ${quoted(entry.name)} cannot be unpacked (${error.message})`);
  }
  return error;
}
