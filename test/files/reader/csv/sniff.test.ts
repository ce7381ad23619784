/** Telling a file's format from its bytes (src/files/reader/sniff.ts), for the formats the .csv and SheetJS readers take. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { zipSync } from "fflate";
import { sniffFormat } from "../../../../src/files/reader/sniff";

const FIXTURES = path.join(__dirname, "../../../fixtures/reader-formats");
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe("sniffFormat", () => {
  it.each([
    ["xls/kinds.xls", "kinds.xls", "xls"],
    ["ods/kinds.ods", "kinds.ods", "ods"],
    // The extension does not decide: an .ods under another name is still an .ods, an .xls is still an .xls.
    ["ods/kinds.ods", "kinds.xlsx", "ods"],
    ["xls/kinds.xls", "kinds.bin", "xls"],
    ["csv/utf8-bom.csv", "utf8-bom.csv", "csv"],
    ["csv/windows-1252.csv", "export.txt", "csv"],
    ["csv/tab.csv", "no-extension", "csv"],
  ])("%s named %s is %s", async (file, name, kind) => {
    expect(sniffFormat(new Uint8Array(await readFile(path.join(FIXTURES, file))), name)).toEqual({ kind });
  });

  it("finds an OpenDocument mimetype after an extra field in its local header", () => {
    const zip = zipSync({ mimetype: [text("application/vnd.oasis.opendocument.spreadsheet"), { level: 0, extra: { 0xcafe: new Uint8Array(4) } }] });
    expect(sniffFormat(zip, "x.zip")).toEqual({ kind: "ods" });
    expect(sniffFormat(zipSync({ "[Content_Types].xml": text("<Types/>") }), "x.ods")).toEqual({ kind: "xlsx" });
  });

  it("names a UTF-16 text export and a web page saved as .xls", () => {
    expect(sniffFormat(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), "x.txt")).toEqual({
      kind: "refused",
      reason: 'a UTF-16 text file (Excel\'s "Unicode Text"), which cannot be read: save it as "CSV UTF-8" (.csv)',
    });
    expect(sniffFormat(text("\n  <html><table><tr><td>1</td></tr></table></html>"), "report.xls")).toEqual({
      kind: "refused",
      reason: "an HTML or XML file, not a workbook: open it in Excel and save it as .xlsx",
    });
  });

  it("refuses an empty file and text named as a binary workbook", () => {
    expect(sniffFormat(new Uint8Array(0), "x.csv")).toEqual({ kind: "refused", reason: "the file is empty (0 bytes): it is not a workbook" });
    expect(sniffFormat(text("Code,Beds\n"), "x.xlsx")).toEqual({
      kind: "refused",
      reason: "a text file (CSV or similar), not an Excel workbook: rename it .csv to read it as one, or open it in Excel and save it as .xlsx",
    });
  });
});
