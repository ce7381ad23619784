/**
 * The guard with an injected inflater (the command line's Node zlib, src/files/nodeFile.ts): the same
 * verdicts as with jszip's streams, and a sheet or workbook part is still found by the name jszip
 * (and so exceljs) gives it.
 */
import { preflightXlsx, XlsxRejectedError } from "../../../src/files/guard";
import { nodeInflateRaw } from "../../../src/files/nodeFile";
import { buildZip, deflated, rawEntriesOf, realWorkbook, SHEET, withPart, type RawEntry } from "./build";

const MB = 1024 * 1024;
const native = { inflateRaw: nodeInflateRaw };

async function workbookWith(extra: RawEntry): Promise<Uint8Array> {
  return buildZip([...(await rawEntriesOf(await realWorkbook())), extra]);
}

describe("preflightXlsx with Node's zlib as the inflater", () => {
  it("passes a well-formed workbook through unchanged", async () => {
    const bytes = await realWorkbook();
    await expect(preflightXlsx(bytes, undefined, native)).resolves.toBe(bytes);
  });

  it("stops an entry whose declared size lies once the byte budget is spent, without holding it", async () => {
    const liar = { ...deflated("xl/media/image1.png", new Uint8Array(150 * MB)), declaredSize: 1024 };
    const bytes = await workbookWith(liar);
    const before = process.memoryUsage().rss;
    const error = await preflightXlsx(bytes, { maxTotalUncompressedBytes: 20 * MB }, native).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxRejectedError);
    expect(error).toMatchObject({ reason: "zip-bomb", message: expect.stringMatching(/more than 20 MB.*image1\.png/) });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it("rejects a lying entry that stays within the budget as damaged", async () => {
    const liar = { ...deflated("xl/media/image2.png", new Uint8Array(64 * 1024)), declaredSize: 10 };
    await expect(preflightXlsx(await workbookWith(liar), undefined, native)).rejects.toMatchObject({ reason: "damaged" });
  });

  it("rejects an entry that is not valid DEFLATE as damaged", async () => {
    const garbage: RawEntry = { name: "xl/media/image3.png", data: Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256), method: 8, declaredSize: 500 };
    await expect(preflightXlsx(await workbookWith(garbage), undefined, native)).rejects.toMatchObject({ reason: "damaged" });
  });

  it("still reviews every sheet: a row past Excel's last row is refused", async () => {
    const hostile = await withPart(await realWorkbook(), SHEET, (xml) => xml.replace("</sheetData>", '<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>'));
    await expect(preflightXlsx(hostile, undefined, native)).rejects.toMatchObject({ reason: "out-of-range" });
  });

  it("finds a worksheet by the name in its local header, as jszip and exceljs do, not the directory's", async () => {
    // The directory says "media", the local header says "worksheets": exceljs would parse it as a sheet.
    const sheetXml = '<worksheet><sheetData><row r="2000000"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
    const entry = deflated("xl/worksheets/sheet9.xml", sheetXml);
    const bytes = buildZip([...(await rawEntriesOf(await realWorkbook())), entry]);
    const text = new TextDecoder("latin1").decode(bytes);
    const central = text.lastIndexOf("xl/worksheets/sheet9.xml");
    expect(central).toBeGreaterThan(text.indexOf("xl/worksheets/sheet9.xml"));
    bytes.set(new TextEncoder().encode("xl/media/image999999.png"), central);
    await expect(preflightXlsx(bytes, undefined, native)).rejects.toMatchObject({ reason: "out-of-range" });
    await expect(preflightXlsx(bytes)).rejects.toMatchObject({ reason: "out-of-range" });
  });
});
