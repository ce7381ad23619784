/**
 * Bytes the stamp cannot safely copy are refused with a WorkbookReadError (one line, for users) before anything
 * is written: a damaged zip structure, ZIP64, a part that fails its checksum or lies about its size, a part over
 * the budget, XML that is not well-formed or has a DOCTYPE.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { WorkbookReadError } from "../../../src/files/errors";
import { addStampSheet, PART_LIMIT } from "../../../src/files/patch";
import { buildZip, rawEntriesOf } from "../../helpers/zipBuild";
import { richWorkbook } from "./richWorkbook";
import { entries, text } from "./zipCompare";

const ROWS = [["stamp"]];

function refusal(bytes: Uint8Array): WorkbookReadError {
  try {
    addStampSheet(bytes, ROWS);
  } catch (err) {
    if (err instanceof WorkbookReadError) {
      expect(err.message).not.toContain("\n");
      return err;
    }
    throw err;
  }
  throw new Error("not refused");
}

/** A copy of the rich workbook, to edit in place. */
function stored(): Uint8Array {
  return richWorkbook().slice();
}

function entryOf(bytes: Uint8Array, name: string) {
  const entry = entries(bytes).find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  return entry;
}

/** Offsets (in bytes) of the entry's local and central records. */
function offsets(bytes: Uint8Array, name: string): { local: number; central: number; data: number } {
  const entry = entryOf(bytes, name);
  return { local: entry.localRecord.byteOffset - bytes.byteOffset, central: entry.centralRecord.byteOffset - bytes.byteOffset, data: entry.data.byteOffset - bytes.byteOffset };
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const eocdOf = (bytes: Uint8Array) => bytes.length - 22;

describe("a damaged or unsupported zip is refused", () => {
  it("not a zip at all", () => {
    expect(refusal(strToU8("Trust ODS code,Beds\nRYJ,1000\n".repeat(10))).message).toContain("not a zip archive");
  });

  it("cut short", () => {
    const bytes = richWorkbook();
    expect(refusal(bytes.slice(0, Math.floor(bytes.length * 0.6))).message).toMatch(/not a zip archive|damaged/);
  });

  it("a directory that points to the wrong place", () => {
    const bytes = stored();
    view(bytes).setUint32(eocdOf(bytes) + 16, view(bytes).getUint32(eocdOf(bytes) + 16, true) + 1, true);
    expect(refusal(bytes).message).toContain("zip structure is damaged");
  });

  it("entries that overlap (a zip-bomb trick)", () => {
    const bytes = stored();
    const { local, central } = offsets(bytes, "xl/styles.xml");
    // The styles entry claims 40 more bytes than it has: they are the next entry's header.
    const size = view(bytes).getUint32(central + 20, true) + 40;
    view(bytes).setUint32(central + 20, size, true);
    view(bytes).setUint32(local + 18, size, true);
    expect(refusal(bytes).message).toContain("overlap");
  });

  it("an entry whose local header names another part than the directory does (readers that go by either differ)", () => {
    const bytes = stored();
    const { local } = offsets(bytes, "xl/styles.xml");
    bytes.set(strToU8("xl/stylez.xml"), local + 30);
    expect(refusal(bytes).message).toContain('the entry "xl/styles.xml" has two names');
  });

  it("two entries with one name", () => {
    const bytes = zipSync({ "a.xml": strToU8("<a/>"), "b.xml": strToU8("<b/>") });
    for (const place of Object.values(offsets(bytes, "b.xml")).slice(0, 2)) {
      const nameAt = place + (view(bytes).getUint32(place, true) === 0x04034b50 ? 30 : 46);
      bytes[nameAt] = "a".charCodeAt(0);
    }
    expect(refusal(bytes).message).toContain('two entries are named "a.xml"');
  });

  it("ZIP64 (refused with a message that says so)", () => {
    const bytes = stored();
    view(bytes).setUint16(eocdOf(bytes) + 10, 0xffff, true);
    view(bytes).setUint16(eocdOf(bytes) + 8, 0xffff, true);
    expect(refusal(bytes).message).toContain("ZIP64");
  });

  it("a well-formed ZIP64 archive, which the reader reads but the stamp would have to write as ZIP64", () => {
    const bytes = buildZip(rawEntriesOf(richWorkbook()), { zip64: true });
    expect(refusal(bytes).message).toBe("the workbook is a ZIP64 archive (over 4 GB or 65,535 parts), which cannot be stamped");
  });

  it("a workbook part that fails its checksum", () => {
    const bytes = zipSync(Object.fromEntries(Object.entries(unzipSync(richWorkbook())).map(([name, content]) => [name, [content, { level: 0 }]])));
    const { data } = offsets(bytes, "xl/workbook.xml");
    bytes[data + 100] = (bytes[data + 100] ?? 0) ^ 0x20;
    expect(refusal(bytes).message).toContain("fails its checksum");
  });

  it("a part that inflates past its declared size: inflating stops there", () => {
    const bytes = stored();
    const { local, central } = offsets(bytes, "xl/workbook.xml");
    view(bytes).setUint32(central + 24, 100, true);
    view(bytes).setUint32(local + 22, 100, true);
    expect(refusal(bytes).message).toContain('the zip entry "xl/workbook.xml" unpacks to more than the 100 bytes it declares');
  });

  it("a part declared over the budget, refused before inflating", () => {
    const bytes = stored();
    const { local, central } = offsets(bytes, "xl/workbook.xml");
    view(bytes).setUint32(central + 24, PART_LIMIT + 1, true);
    view(bytes).setUint32(local + 22, PART_LIMIT + 1, true);
    expect(refusal(bytes).message).toContain("over the");
  });

  it("an encrypted workbook part", () => {
    const bytes = stored();
    const { local, central } = offsets(bytes, "xl/workbook.xml");
    view(bytes).setUint16(central + 8, view(bytes).getUint16(central + 8, true) | 1, true);
    view(bytes).setUint16(local + 6, view(bytes).getUint16(local + 6, true) | 1, true);
    expect(refusal(bytes).message).toContain("encrypted");
  });
});

describe("parts the stamp cannot edit safely are refused", () => {
  function withWorkbook(xml: string): Uint8Array {
    return zipSync({ ...unzipSync(richWorkbook()), "xl/workbook.xml": strToU8(xml) });
  }

  it("a workbook part with a DOCTYPE (entity expansion)", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY a "aaaa">]><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`;
    expect(refusal(withWorkbook(xml)).message).toContain("DOCTYPE");
  });

  it("a workbook part that is not well-formed", () => {
    const xml = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="a></sheets></workbook>`;
    expect(refusal(withWorkbook(xml)).message).toContain("not well-formed");
  });

  it("300,000 unclosed tags in the workbook part: refused in one linear pass (a quadratic one would take minutes)", () => {
    const xml = text(richWorkbook(), "xl/workbook.xml").replace("<definedNames>", `<definedNames>${"<dataValidation>".repeat(300_000)}`);
    const started = process.hrtime.bigint();
    expect(refusal(withWorkbook(xml)).message).toContain("not well-formed");
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(20);
  });

  it("a zip that is not an Excel workbook", () => {
    expect(refusal(zipSync({ "mimetype": strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") })).message).toContain("not an Excel workbook");
  });
});
