import JSZip from "jszip";
import { preflightXlsx, XlsxRejectedError, type XlsxRejectReason } from "../../../src/files/guard";
import { buildZip, deflated, rawEntriesOf, realWorkbook } from "./build";

async function rejection(bytes: Uint8Array, limits = {}): Promise<XlsxRejectedError> {
  try {
    await preflightXlsx(bytes, limits);
  } catch (error) {
    if (error instanceof XlsxRejectedError) return error;
    throw error;
  }
  throw new Error("preflightXlsx accepted the file");
}

async function expectRejected(bytes: Uint8Array, reason: XlsxRejectReason, message: RegExp, limits = {}): Promise<void> {
  const error = await rejection(bytes, limits);
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(message);
  // One line for users, no stack frames.
  expect(error.message).not.toMatch(/\n/);
  expect(error.stack).not.toMatch(/\n\s+at /);
}

const text = (s: string) => new TextEncoder().encode(s);

describe("preflightXlsx on files that are not workbooks", () => {
  it("rejects an empty file", async () => {
    await expectRejected(new Uint8Array(0), "empty", /empty/);
  });

  it("rejects a CSV renamed .xlsx as a text file", async () => {
    await expectRejected(text("Trust ODS code,Trust name\nRXX,North Trust\n"), "not-zip", /text file .*save it as \.xlsx/);
  });

  it("rejects random binary that is not a zip", async () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
    await expectRejected(noise, "not-zip", /not an Excel workbook/);
  });

  it("tells an old .xls file to be saved as .xlsx", async () => {
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectRejected(xls, "old-xls", /old \.xls file: .*save it as \.xlsx/);
  });

  it("tells a password-protected workbook (OLE2 with an EncryptedPackage stream) apart from .xls", async () => {
    const encrypted = new Uint8Array(4096);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set([..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]), 1024);
    await expectRejected(encrypted, "encrypted", /password-protected/);
  });

  it("rejects a real workbook cut in half as truncated", async () => {
    const whole = await realWorkbook();
    await expectRejected(whole.subarray(0, Math.floor(whole.length / 2)), "truncated", /truncated/);
  });

  it("rejects a workbook missing its last bytes (directory cut) as truncated or damaged", async () => {
    const whole = await realWorkbook();
    const error = await rejection(whole.subarray(0, whole.length - 30));
    expect(["truncated", "damaged"]).toContain(error.reason);
  });

  it("rejects a zip without xl/workbook.xml", async () => {
    const zip = new JSZip().file("readme.txt", "hello").file("data/values.csv", "a,b\n1,2\n");
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    await expectRejected(bytes, "not-workbook", /zip file but not an Excel workbook/);
  });

  it("rejects an empty zip", async () => {
    const bytes = await new JSZip().generateAsync({ type: "uint8array" });
    await expectRejected(bytes, "not-workbook", /empty zip/);
  });

  it("names a Word document and an OpenDocument spreadsheet", async () => {
    const docx = await new JSZip().file("word/document.xml", "<w:document/>").generateAsync({ type: "uint8array" });
    await expectRejected(docx, "not-workbook", /Word document/);
    const ods = await new JSZip().file("mimetype", "application/vnd.oasis.opendocument.spreadsheet").file("content.xml", "<x/>").generateAsync({ type: "uint8array" });
    await expectRejected(ods, "not-workbook", /\.ods/);
  });

  it("rejects a workbook part whose deflate data is garbage as damaged", async () => {
    const entries = await rawEntriesOf(await realWorkbook());
    const broken = entries.map((entry) => (entry.name === "xl/workbook.xml" ? { ...entry, data: Uint8Array.from({ length: 200 }, (_, i) => 0xff - (i % 7)) } : entry));
    await expectRejected(buildZip(broken), "damaged", /damaged/);
  });

  it("rejects a compression method Excel never writes", async () => {
    const bytes = buildZip([{ ...deflated("xl/workbook.xml", "<workbook/>"), method: 8 }]);
    // Patch the central directory's method field (offset 10 of the header) to 12 (bzip2).
    const view = new DataView(bytes.buffer);
    for (let pos = bytes.length - 22; pos >= 0; pos--) {
      if (view.getUint32(pos, true) === 0x02014b50) {
        view.setUint16(pos + 10, 12, true);
        break;
      }
    }
    await expectRejected(bytes, "unsupported-zip", /compression method 12/);
  });

  it("rejects a file over the size limit before reading it", async () => {
    await expectRejected(await realWorkbook(), "file-too-large", /more than the limit of 1 KB/, { maxFileBytes: 1024 });
  });

  it("rejects a zip with more entries than the limit", async () => {
    const entries = Array.from({ length: 30 }, (_, i) => deflated(`xl/part${i}.xml`, "<x/>"));
    await expectRejected(buildZip([deflated("xl/workbook.xml", "<workbook/>"), ...entries]), "too-many-entries", /more than 20 parts/, { maxEntries: 20 });
  });
});

describe("preflightXlsx on a well-formed workbook", () => {
  it("returns the very same bytes when nothing needs changing", async () => {
    const bytes = await realWorkbook();
    await expect(preflightXlsx(bytes)).resolves.toBe(bytes);
  });

  it("rejects limits that are not numbers", async () => {
    await expect(preflightXlsx(await realWorkbook(), { maxCells: Number.NaN })).rejects.toThrow(RangeError);
  });
});
