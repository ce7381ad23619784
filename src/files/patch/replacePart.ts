/**
 * One text part of a zip replaced, every other entry copied byte for byte (./zipWrite.ts): for an edit to bytes a
 * writer made (the workbench adds the add-in's sheet markers to the xl/workbook.xml exceljs wrote).
 */
import { DEFAULT_READ_LIMITS } from "../reader/types";
import { PART_LIMIT } from "./addStampSheet";
import { partText } from "./inflatePart";
import { partKey, readZipArchive } from "./zipArchive";
import { writeZip, type OutputEntry } from "./zipWrite";

const encoder = new TextEncoder();

/** The zip with the part's text changed; the bytes as they are when the text does not change. Throws when there is no such part. */
export function replacePartText(bytes: Uint8Array, part: string, change: (text: string) => string): Uint8Array {
  const archive = readZipArchive(bytes, DEFAULT_READ_LIMITS.maxEntries);
  const entry = archive.entries.find((e) => partKey(e.name) === partKey(part));
  if (!entry) throw new Error(`the zip has no part "${part}"`);
  const before = partText(entry, PART_LIMIT);
  const after = change(before);
  if (after === before) return bytes;
  const outputs = archive.entries.map((e): OutputEntry => (e === entry ? { kind: "replace", entry: e, content: encoder.encode(after) } : { kind: "copy", entry: e }));
  return writeZip(outputs, archive.comment);
}
