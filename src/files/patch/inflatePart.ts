/**
 * The content of one of the few parts the stamp edits (the workbook, its relationships, the content types), read
 * within a budget: the declared size is checked against the budget before inflating, inflating (the reader's,
 * ../reader/zip/inflate.ts) stops as soon as the output passes the declared size (a lying entry is never inflated
 * whole), and the result must match the declared size and CRC. Text parts must be UTF-8 (the encoding every
 * producer writes; UTF-16, which OPC also allows, is refused rather than guessed at).
 */
import { WorkbookReadError } from "../errors";
import { inflateData } from "../reader/zip/inflate";
import { crc32 } from "./crc32";
import { damaged, inZipLayer, type StoredEntry } from "./zipArchive";

const STORED = 0;
const DEFLATED = 8;

function joined(slices: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(slices.reduce((sum, slice) => sum + slice.length, 0));
  let at = 0;
  for (const slice of slices) {
    out.set(slice, at);
    at += slice.length;
  }
  return out;
}

/** The entry's uncompressed bytes; WorkbookReadError when it is over maxBytes, encrypted, or damaged. */
export function inflatePart(entry: StoredEntry, maxBytes: number): Uint8Array {
  if (entry.encrypted) throw new WorkbookReadError(`the workbook's part "${entry.name}" is encrypted, so it cannot be stamped`);
  if (entry.declaredSize > maxBytes) throw new WorkbookReadError(`the workbook's part "${entry.name}" is ${entry.declaredSize} bytes, over the ${maxBytes}-byte limit for stamping`);
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw new WorkbookReadError(`the workbook's part "${entry.name}" uses zip compression method ${entry.method}, which cannot be read`);
  }
  // The reader's bounded inflater: it stops as soon as the output passes the declared size. Slices are copied as they
  // come (the declared size is not trusted enough to allocate the whole part up front).
  const slices: Uint8Array[] = [];
  inZipLayer(() => inflateData(entry.data, entry, { inflated: 0, maxInflatedBytes: maxBytes }, (slice) => slices.push(slice.slice())));
  const content = joined(slices);
  // With a data descriptor the central directory still holds the sizes and CRC (APPNOTE 4.4.4): they are what is checked.
  if (content.length !== entry.declaredSize || crc32(content) !== entry.crc32) throw damaged(`the part "${entry.name}" fails its checksum`);
  return content;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The part as text (a byte order mark, if any, kept as U+FEFF so that the part encodes back to the same bytes). */
export function partText(entry: StoredEntry, maxBytes: number): string {
  const bytes = inflatePart(entry, maxBytes);
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new WorkbookReadError(`the workbook's part "${entry.name}" is UTF-16, which cannot be stamped (save the workbook again in Excel)`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw damaged(`the part "${entry.name}" is not valid UTF-8`);
  }
}
