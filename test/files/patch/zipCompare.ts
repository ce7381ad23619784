/**
 * Comparing two zips entry by entry, for the "nothing lost" tests: the raw records (local header, compressed data,
 * data descriptor; the central record but for its offset) through src/files/patch's reader, and the inflated
 * contents through fflate's own unzip, an independent reader.
 */
import { unzipSync } from "fflate";
import { checkReturn } from "../../../src/app/checkReturn";
import type { StampSheetCell } from "../../../src/app/gateway";
import { stampReturn } from "../../../src/app/stamp";
import type { Stamp } from "../../../src/core/stamp";
import { readZipArchive, type StoredEntry } from "../../../src/files/patch/zipArchive";
import { readBack } from "../../helpers/readBack";

export type StampRows = readonly (readonly StampSheetCell[])[];

export function entries(bytes: Uint8Array): StoredEntry[] {
  return [...readZipArchive(bytes, 100_000).entries];
}

export function inflated(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function text(bytes: Uint8Array, part: string): string {
  const content = inflated(bytes)[part];
  if (!content) throw new Error(`no part ${part}`);
  return new TextDecoder().decode(content);
}

/** The central record with its local header offset (bytes 42-45) zeroed. */
export function centralWithoutOffset(entry: StoredEntry): Buffer {
  const copy = Buffer.from(entry.centralRecord);
  copy.writeUInt32LE(0, 42);
  return copy;
}

export interface Comparison {
  /** Entries of the original whose bytes differ in the result. */
  readonly changed: string[];
  /** Entries the result has and the original had not. */
  readonly added: string[];
  /** Entries of the original missing from the result. */
  readonly missing: string[];
  /** Entries of the original identical in raw records and inflated content. */
  readonly identical: string[];
  /** The result's entry names, in zip order. */
  readonly order: string[];
}

export function compareZips(before: Uint8Array, after: Uint8Array): Comparison {
  const old = new Map(entries(before).map((e) => [e.name, e]));
  const fresh = entries(after);
  const freshByName = new Map(fresh.map((e) => [e.name, e]));
  const oldContent = inflated(before);
  const newContent = inflated(after);
  const changed: string[] = [];
  const identical: string[] = [];
  const missing: string[] = [];
  for (const [name, entry] of old) {
    const now = freshByName.get(name);
    if (!now) {
      missing.push(name);
      continue;
    }
    const same =
      Buffer.from(entry.localRecord).equals(Buffer.from(now.localRecord)) &&
      Buffer.from(entry.data).equals(Buffer.from(now.data)) &&
      centralWithoutOffset(entry).equals(centralWithoutOffset(now)) &&
      Buffer.from(oldContent[name] ?? []).equals(Buffer.from(newContent[name] ?? [1]));
    (same ? identical : changed).push(name);
  }
  return { changed, identical, missing, added: fresh.filter((e) => !old.has(e.name)).map((e) => e.name), order: fresh.map((e) => e.name) };
}

/** Checks the return in the workbook (read as the command line reads it) and gives the stamp and the stamp sheet's rows. */
export async function stampOf(bytes: Uint8Array, now = new Date("2023-11-15T10:00:00Z")): Promise<{ stamp: Stamp; rows: StampRows }> {
  const checked = await checkReturn(await readBack(bytes), { today: "2023-11-15" });
  if (checked.errors > 0) throw new Error(`the fixture has errors: ${checked.issues.map((i) => i.message).join("; ")}`);
  let rows: StampRows = [];
  const stamp = await stampReturn({ writeStampSheet: (r) => { rows = r; return Promise.resolve(); } }, checked, now);
  return { stamp, rows };
}
