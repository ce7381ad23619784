/**
 * The one parser of a zip's central directory (src/files/reader/zip/directory.ts), which the reader and the stamp's
 * in-place edit share: names, declared sizes, where each local record is, the archive comment, and ZIP64.
 */
import { strToU8 } from "fflate";
import { readEndRecord, readZipDirectory } from "../../../../src/files/reader/zip/directory";
import { ZipError } from "../../../../src/files/reader/zip/zipError";
import { readXlsx } from "../../../../src/files/reader/xlsx";
import { buildZip, deflated, rawEntriesOf } from "../../../helpers/zipBuild";
import { oneSheet } from "../xlsx/buildXlsx";

/** The zip with a comment appended (and the end record's comment length set to it). */
function withComment(bytes: Uint8Array, comment: string): Uint8Array {
  const text = strToU8(comment);
  const out = new Uint8Array(bytes.length + text.length);
  out.set(bytes);
  out.set(text, bytes.length);
  new DataView(out.buffer).setUint16(bytes.length - 2, text.length, true);
  return out;
}

function failure(run: () => unknown): ZipError {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipError) return error;
    throw error;
  }
  throw new Error("read without complaint");
}

describe("readZipDirectory", () => {
  it("lists names (a leading slash and backslashes normalised away), declared sizes and where each entry starts", () => {
    const entries = [deflated("/xl/workbook.xml", "<workbook/>"), deflated("xl\\a.bin", "abc", 99)];
    const directory = readZipDirectory(buildZip(entries), 10);
    expect(directory.entries).toEqual([
      expect.objectContaining({ name: "xl/workbook.xml", method: 8, declaredSize: 11, encrypted: false, zip64: false, localHeaderOffset: 0 }),
      expect.objectContaining({ name: "xl/a.bin", declaredSize: 99, localHeaderOffset: 30 + 16 + (entries[0]?.data.length ?? 0) }),
    ]);
    expect(directory.end).toMatchObject({ zip64: false, multiDisk: false });
  });

  it("finds the directory behind a trailing comment, and passes over an end record's signature inside the comment", () => {
    const bytes = buildZip([deflated("xl/workbook.xml", "<workbook/>")]);
    const commented = withComment(bytes, "a comment");
    expect(readZipDirectory(commented, 10).entries.map((e) => e.name)).toEqual(["xl/workbook.xml"]);
    expect(new TextDecoder().decode(readEndRecord(commented).comment)).toBe("a comment");
    // "PK\x05\x06" in the comment, followed by too few bytes to be a record whose comment ends in the file.
    const tricky = withComment(bytes, "PK\u0005\u0006 and a little more");
    expect(readZipDirectory(tricky, 10).entries.map((e) => e.name)).toEqual(["xl/workbook.xml"]);
  });

  it("refuses more entries than the limit before reading any, and bytes with no end record", () => {
    const many = buildZip(Array.from({ length: 5 }, (_, i) => deflated(`xl/part${i}.xml`, "<x/>")));
    expect(failure(() => readZipDirectory(many, 4))).toMatchObject({ failure: "too-many-entries", message: "the zip archive holds 5 entries, more than the limit of 4" });
    expect(failure(() => readZipDirectory(strToU8("Trust ODS code,Trust name\nRXX,North\n"), 10)).failure).toBe("not-zip");
    expect(failure(() => readZipDirectory(many.subarray(0, many.length - 30), 10)).failure).toBe("not-zip");
  });

  it("refuses a directory that runs into its end record", () => {
    const bytes = buildZip([deflated("xl/workbook.xml", "<workbook/>")]).slice();
    const view = new DataView(bytes.buffer);
    view.setUint32(bytes.length - 22 + 12, view.getUint32(bytes.length - 22 + 12, true) + 1, true);
    expect(failure(() => readZipDirectory(bytes, 10))).toMatchObject({ failure: "damaged", message: "the zip archive cannot be read" });
  });

  it("reads a ZIP64 archive: sizes and offsets from each record's ZIP64 extra field, the directory from the ZIP64 end record", async () => {
    const entries = [deflated("xl/workbook.xml", "<workbook/>"), deflated("xl/a.bin", "abc")];
    const bytes = buildZip(entries, { zip64: true });
    const directory = readZipDirectory(bytes, 10);
    expect(directory.end).toMatchObject({ zip64: true, multiDisk: false });
    expect(directory.entries).toEqual([
      expect.objectContaining({ name: "xl/workbook.xml", declaredSize: 11, compressedSize: entries[0]?.data.length, localHeaderOffset: 0, zip64: true }),
      expect.objectContaining({ name: "xl/a.bin", declaredSize: 3, zip64: true }),
    ]);
    // A whole workbook written as ZIP64 reads like any other.
    const workbook = await readXlsx(buildZip(rawEntriesOf(oneSheet(`<row r="1"><c r="A1"><v>42</v></c></row>`)), { zip64: true }));
    expect(workbook.sheets[0]?.grid?.rows).toEqual([[42]]);
  });
});
