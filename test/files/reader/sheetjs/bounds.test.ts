/**
 * Hostile and damaged .xls and .ods files end with one line naming what is wrong, within the budgets: SheetJS
 * builds the whole workbook in memory, so what it would build is counted, or bounded, before it runs.
 */
import * as XLSX from "@e965/xlsx";
import { WorkbookReadError } from "../../../../src/files/errors";
import { readWorkbookBytes } from "../../../../src/files/reader";
import { readWithSheetJs, SHEETJS_MAX_FILE_BYTES } from "../../../../src/files/reader/sheetjs";
import type { ReadLimits } from "../../../../src/files/reader/types";
import { contentXml, numberCell, odsZip, textCell, withDeclaredSize } from "./odsBuilder";
import { fixtureBytes } from "./parity";

async function failure(read: Promise<unknown>): Promise<string> {
  try {
    await read;
  } catch (err) {
    expect(err).toBeInstanceOf(WorkbookReadError);
    const message = (err as Error).message;
    expect(message).not.toContain("\n");
    expect(message.length).toBeLessThan(300);
    return message;
  }
  throw new Error("the file was read");
}

function readOds(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Promise<unknown> {
  return readWithSheetJs(bytes, "ods", { limits });
}

function table(name: string, rows: string, style = ""): string {
  return `<table:table table:name="${name}"${style ? ` table:style-name="${style}"` : ""}>${rows}</table:table>`;
}

describe("hand-made .ods files", () => {
  it("a plain one is read, with its hidden sheet and hidden rows (SheetJS CE reads neither)", async () => {
    const styles =
      '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>' +
      '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>';
    const rows =
      `<table:table-row>${textCell("Code")}${textCell("Beds")}</table:table-row>` +
      `<table:table-row table:visibility="collapse" table:number-rows-repeated="2">${textCell("RYJ")}${numberCell(3)}</table:table-row>` +
      `<table:table-row table:visibility="collapse" table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>`;
    const bytes = odsZip(contentXml(table("Trusts", rows, "ta1") + table("Lists", `<table:table-row>${textCell("x")}</table:table-row>`, "ta2"), styles));
    const data = await readWorkbookBytes(bytes, { fileName: "t.ods" });
    expect(data.format).toBe("ods");
    expect(data.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Trusts", "visible"],
      ["Lists", "hidden"],
    ]);
    const grid = data.sheets[0]?.grid;
    expect(grid?.rows).toEqual([["Code", "Beds"], ["RYJ", 3], ["RYJ", 3]]);
    // Hidden rows past the last value (a million of them here) are not listed: there is nothing there to hide.
    expect(grid?.hiddenRows).toEqual([2, 3]);
  });

  it("a cell repeated a billion times is refused before SheetJS copies it", async () => {
    const rows = `<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row>`;
    const used = process.memoryUsage().heapUsed;
    expect(await failure(readOds(odsZip(contentXml(table("S", rows)))))).toBe(
      "the file holds more than 200,000 cells (the limit for .xls and .ods files, which are read whole: save it as .xlsx to read more); it is not read",
    );
    expect(process.memoryUsage().heapUsed - used).toBeLessThan(200 * 1024 * 1024);
  });

  it("a cell beyond column XFD is refused as damaged", async () => {
    const rows = `<table:table-row><table:table-cell table:number-columns-repeated="20000"/>${numberCell(1)}</table:table-row>`;
    expect(await failure(readOds(odsZip(contentXml(table("S", rows)))))).toBe("damaged .ods file (a cell lies beyond column 16,384)");
  });

  it("40,000 values in column XFD are refused: each would make a 16,384-wide row", async () => {
    const row = `<table:table-row><table:table-cell table:number-columns-repeated="16383"/>${numberCell(1)}</table:table-row>`;
    const bytes = odsZip(contentXml(table("S", row.repeat(40_000))));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(await failure(readOds(bytes))).toMatch(/^the file holds more than 200,000 cells/);
  });

  it("the budgets for rows and sheets are counted on the file", async () => {
    const rows = "<table:table-row/>".repeat(10);
    expect(await failure(readOds(odsZip(contentXml(table("S", rows))), { maxRows: 5 }))).toMatch(/more than 5 rows/);
    expect(await failure(readOds(odsZip(contentXml(table("A", "") + table("B", ""))), { maxSheets: 1 }))).toMatch(/more than 1 sheets/);
  });

  it("an entry that holds more than it declares is refused before SheetJS inflates it", async () => {
    const content = contentXml(table("S", `<table:table-row>${textCell("x".repeat(10_000))}</table:table-row>`));
    const lying = withDeclaredSize(odsZip(content), "content.xml", 100);
    expect(await failure(readOds(lying))).toBe("damaged .ods file (entry content.xml holds more bytes but declares 100)");
    const short = withDeclaredSize(odsZip(content), "content.xml", 200_000);
    expect(await failure(readOds(short))).toMatch(/^damaged \.ods file \(entry content\.xml holds \d+ bytes but declares 200000\)$/);
  });

  it("an .ods whose content would expand past SheetJS's budget is refused before it is inflated", async () => {
    const big = "x".repeat(1000);
    const rows = `<table:table-row>${textCell(big)}</table:table-row>`.repeat(17_000);
    expect(await failure(readOds(odsZip(contentXml(table("S", rows)))))).toBe(
      "the workbook expands to more than 8 MB when opened (the limit for .xls and .ods files, which are read whole: save it as .xlsx to read more); it is not read",
    );
  });

  it("entries that would expand past the budget are refused", async () => {
    const content = contentXml(table("S", `<table:table-row>${textCell("x".repeat(10_000))}</table:table-row>`));
    expect(await failure(readOds(odsZip(content), { maxInflatedBytes: 5_000 }))).toBe(
      "the workbook expands to more than 5 KB when opened (the limit); it is not read",
    );
  });

  it("an encrypted package, a missing or broken content.xml are each named", async () => {
    const manifest = '<manifest:manifest><manifest:file-entry><manifest:encryption-data/></manifest:file-entry></manifest:manifest>';
    expect(await failure(readOds(odsZip(contentXml(""), { "META-INF/manifest.xml": manifest })))).toMatch(/password-protected/);
    expect(await failure(readOds(odsZip("<office:document-content><unclosed>")))).toMatch(/^damaged \.ods file \(its content\.xml is not well-formed/);
    const bytes = odsZip(contentXml(""));
    expect(await failure(readOds(bytes.subarray(0, bytes.length - 30)))).toMatch(/^damaged \.ods file/);
  });
});

describe(".xls files", () => {
  it("a sheet whose dimensions claim the whole grid is read by the cells it has, not its range", async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["only"]]), "Big");
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xls" }) as ArrayBuffer);
    // The DIMENSIONS record (type 0x0200, 14 bytes) set to rows 0–65536 and columns 0–256: the whole BIFF8 grid.
    const view = new DataView(bytes.buffer);
    let patched = 0;
    for (let at = 0; at + 18 <= bytes.length; at++) {
      if (view.getUint16(at, true) !== 0x0200 || view.getUint16(at + 2, true) !== 14) continue;
      view.setUint32(at + 8, 65_536, true);
      view.setUint16(at + 14, 256, true);
      patched++;
    }
    expect(patched).toBe(1);
    const data = await readWorkbookBytes(bytes, { fileName: "big.xls" });
    expect(data.format).toBe("xls");
    expect(data.sheets[0]?.grid?.rows).toEqual([["only"]]);
  });

  it("keeps Excel's three sheet states (LibreOffice cannot write 'very hidden', so SheetJS writes this one)", async () => {
    const wb = XLSX.utils.book_new();
    for (const name of ["Shown", "Hidden", "VeryHidden"]) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[name]]), name);
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }] };
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xls" }) as ArrayBuffer);
    const data = await readWithSheetJs(bytes, "xls");
    expect(data.sheets.map((s) => [s.name, s.state, s.grid?.rows])).toEqual([
      ["Shown", "visible", [["Shown"]]],
      ["Hidden", "hidden", [["Hidden"]]],
      ["VeryHidden", "veryHidden", [["VeryHidden"]]],
    ]);
  });

  it("cells are counted from the records before SheetJS builds them", async () => {
    expect(await failure(readWithSheetJs(await fixtureBytes("xls", "kinds.xls"), "xls", { limits: { maxCells: 20 } }))).toBe(
      "the file holds more than 20 cells (the limit for one workbook); it is not read",
    );
  });

  it("a file over the size limit for these formats is refused unread", async () => {
    const bytes = new Uint8Array(SHEETJS_MAX_FILE_BYTES + 1);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await failure(readWorkbookBytes(bytes, { fileName: "huge.xls" }))).toBe("the file is 10 MB, over the 10 MB limit for .xls files; it is not read");
  });

  it("damaged files end with one line naming the format", async () => {
    const kinds = await fixtureBytes("xls", "kinds.xls");
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    garbage.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const bytes of [kinds.subarray(0, 3000), garbage, kinds.subarray(0, 600)]) {
      expect(await failure(readWorkbookBytes(bytes, { fileName: "x.xls" }))).toMatch(/^damaged \.xls file \(.+\)$/);
    }
  });
});
