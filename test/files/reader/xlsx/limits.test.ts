/**
 * The reader's budgets (src/files/reader/types.ts ReadLimits), counted over the whole workbook on what
 * the file holds, and the zip layer's checks: each limit set low to show the file is refused with a
 * one-line message naming it, and that what is not needed is never inflated.
 */
import { readXlsx } from "../../../../src/files/reader/xlsx";
import type { ReadLimits } from "../../../../src/files/reader/types";
import { buildXlsx, oneSheet, stylesXml, withDeclaredSize, workbookParts, worksheetXml, zipParts } from "./buildXlsx";

const rowsOf = (count: number, cellsPerRow = 1): string => {
  let xml = "";
  for (let r = 1; r <= count; r++) {
    xml += `<row r="${r}">`;
    for (let c = 0; c < cellsPerRow; c++) xml += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r}</v></c>`;
    xml += "</row>";
  }
  return xml;
};

async function refusedWith(bytes: Uint8Array, limits: Partial<ReadLimits>): Promise<string> {
  const error = await readXlsx(bytes, { limits }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("read without complaint");
  expect(error.message.split("\n")).toHaveLength(1);
  return error.message;
}

describe("readXlsx budgets, over the whole workbook", () => {
  const twoSheets = buildXlsx({ sheets: [{ name: "A", xml: worksheetXml(rowsOf(6, 2) + "<row/><row/>") }, { name: "B", xml: worksheetXml(rowsOf(6, 2)) }] });

  it("counts rows, empty ones included, across sheets", async () => {
    await expect(readXlsx(twoSheets, { limits: { maxRows: 14 } })).resolves.toBeTruthy();
    expect(await refusedWith(twoSheets, { maxRows: 13 })).toBe("too big to read: the workbook holds more than 13 rows, empty ones included (the limit)");
  });

  it("counts cells, empty ones included, across sheets", async () => {
    const withEmpty = buildXlsx({ sheets: [{ name: "A", xml: worksheetXml(rowsOf(5, 2) + `<row r="9"><c r="A9"/><c r="B9"/></row>`) }, { name: "B", xml: worksheetXml(rowsOf(5, 2)) }] });
    await expect(readXlsx(withEmpty, { limits: { maxCells: 22 } })).resolves.toBeTruthy();
    expect(await refusedWith(withEmpty, { maxCells: 21 })).toBe("too big to read: the workbook holds more than 21 cells, empty ones included (the limit)");
  });

  it("counts shared strings and the characters of all text kept", async () => {
    const bytes = oneSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>12345</t></is></c></row>`, { sharedStrings: ["abc", "de"] });
    expect(await refusedWith(bytes, { maxSharedStrings: 1 })).toBe("too big to read: the workbook holds more than 1 shared strings (the limit)");
    // Sheet1 (6) + abc (3) + de (2) + 12345 (5) = 16 characters.
    await expect(readXlsx(bytes, { limits: { maxSharedStringChars: 16 } })).resolves.toBeTruthy();
    expect(await refusedWith(bytes, { maxSharedStringChars: 15 })).toBe("too big to read: the workbook holds more than 15 characters of text in strings (the limit)");
  });

  it("counts cell formats and number formats", async () => {
    const bytes = oneSheet(rowsOf(1), { styles: stylesXml([0, 14, 164], [{ id: 164, code: "0.0" }]) });
    await expect(readXlsx(bytes, { limits: { maxStyles: 4 } })).resolves.toBeTruthy();
    expect(await refusedWith(bytes, { maxStyles: 3 })).toBe("too big to read: the workbook holds more than 3 cell formats and number formats (the limit)");
  });

  it("counts sheets", async () => {
    expect(await refusedWith(twoSheets, { maxSheets: 1 })).toBe("too big to read: the workbook holds more than 1 sheets (the limit)");
  });

  it("counts the grid's slots: a value far right or far down costs the blanks before it", async () => {
    const far = oneSheet(`<row r="1"><c r="Z1"><v>1</v></c></row><row r="30"><c r="A30"><v>1</v></c></row>`);
    // Row 1: 26 slots, row 30: 1, rows down to 30: 30; 57 in all, within 4 per cell allowed.
    await expect(readXlsx(far, { limits: { maxCells: 15 } })).resolves.toBeTruthy();
    expect(await refusedWith(far, { maxCells: 14 })).toMatch(/^too big to read: the workbook holds more than 56 cells from column A to each row's last value/);
  });

  it("refuses a file over maxFileBytes and an archive with more entries than maxEntries", async () => {
    expect(await refusedWith(twoSheets, { maxFileBytes: 100 })).toBe(`too big to read: the file is ${twoSheets.length.toLocaleString("en-GB")} bytes, more than the limit of 100`);
    expect(await refusedWith(twoSheets, { maxEntries: 3 })).toMatch(/^too big to read: the zip archive holds \d+ entries, more than the limit of 3$/);
  });
});

describe("readXlsx inflation, counted on the bytes produced", () => {
  const big = oneSheet(rowsOf(20_000));

  it("stops an honest archive that unpacks past maxInflatedBytes", async () => {
    expect(await refusedWith(big, { maxInflatedBytes: 256 * 1024 })).toBe("too big to read: the workbook unpacks to more than 256 KB (the limit)");
  });

  it("refuses an entry that unpacks to more than it declares", async () => {
    const lying = withDeclaredSize(big, "xl/worksheets/sheet1.xml", 1000);
    expect(await refusedWith(lying, {})).toBe('truncated or damaged .xlsx (the zip entry "xl/worksheets/sheet1.xml" unpacks to more than the 1000 bytes it declares)');
  });

  it("never inflates an entry it does not need, whatever it declares", async () => {
    const parts = workbookParts({ sheets: [{ name: "S", xml: worksheetXml(rowsOf(2)) }], extraParts: { "xl/media/image1.png": new Uint8Array(64 * 1024) } });
    const liar = withDeclaredSize(zipParts(parts), "xl/media/image1.png", 0xfff00000);
    const workbook = await readXlsx(liar, { limits: { maxInflatedBytes: 32 * 1024 } });
    expect(workbook.sheets[0]?.grid?.rows).toEqual([[1], [2]]);
    expect(workbook.beyondValues).toEqual(["images"]);
  });

  it("refuses a deflate stream that is damaged", async () => {
    const bytes = buildXlsx({ sheets: [{ name: "S", xml: worksheetXml(rowsOf(200)) }] });
    const damaged = bytes.slice();
    // The sheet's deflated data starts after its local header; scramble a run of it.
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    const at = findLocalHeader(damaged, name) + 30 + name.length;
    for (let i = 10; i < 60; i++) damaged[at + i] = 0xff;
    expect(await refusedWith(damaged, {})).toMatch(/^truncated or damaged \.xlsx \((the zip entry "xl\/worksheets\/sheet1\.xml" (cannot be unpacked|unpacks to more)|the part "xl\/worksheets\/sheet1\.xml" is not well-formed XML)/);
  });

  it("reads a zip with bytes before it (a self-extractor's stub)", async () => {
    const bytes = oneSheet(rowsOf(3));
    const prefixed = new Uint8Array(bytes.length + 100);
    prefixed.set(bytes, 100);
    expect((await readXlsx(prefixed)).sheets[0]?.grid?.rows).toEqual([[1], [2], [3]]);
  });
});

function findLocalHeader(bytes: Uint8Array, name: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 30 < bytes.length; at++) {
    if (view.getUint32(at, true) === 0x04034b50 && name.every((b, i) => bytes[at + 30 + i] === b)) return at;
  }
  throw new Error("no such entry");
}
