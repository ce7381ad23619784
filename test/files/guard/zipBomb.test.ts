import { preflightXlsx, XlsxRejectedError } from "../../../src/files/guard";
import { buildZip, deflated, rawEntriesOf, realWorkbook, type RawEntry } from "./build";

const MB = 1024 * 1024;

/** A real workbook plus one extra part (as a media file: exceljs inflates every part it finds). */
async function workbookWith(extra: RawEntry): Promise<Uint8Array> {
  return buildZip([...(await rawEntriesOf(await realWorkbook())), extra]);
}

let zeros: RawEntry;

beforeAll(() => {
  // 150 MB of zeros deflates to about 150 KB: a real, if modest, zip bomb.
  zeros = deflated("xl/media/image1.png", new Uint8Array(150 * MB));
});

describe("preflightXlsx against zip bombs", () => {
  it("rejects by compression ratio before inflating anything", async () => {
    const bomb = await workbookWith(zeros);
    expect(bomb.length).toBeLessThan(MB);
    const error = await preflightXlsx(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxRejectedError);
    expect(error).toMatchObject({ reason: "zip-bomb", message: expect.stringMatching(/image1\.png.*compression ratio.*limit is 200:1/) });
  });

  it("rejects by total declared size", async () => {
    const bomb = await workbookWith(zeros);
    await expect(preflightXlsx(bomb, { maxCompressionRatio: 10_000, maxTotalUncompressedBytes: 100 * MB })).rejects.toMatchObject({
      reason: "zip-bomb",
      message: expect.stringMatching(/expand to more than 100 MB/),
    });
  });

  it("rejects a tiny file whose directory claims gigabytes, without inflating it", async () => {
    const liar = { ...deflated("xl/worksheets/sheet2.xml", "<worksheet/>"), declaredSize: 0xf0000000 };
    await expect(preflightXlsx(await workbookWith(liar))).rejects.toMatchObject({ reason: "zip-bomb" });
  });

  it("stops inflating an entry whose declared size lies, once the byte budget is spent", async () => {
    // Declares 1 KB, inflates to 150 MB: only counting while inflating can catch it.
    const liar = { ...zeros, declaredSize: 1024 };
    const before = process.memoryUsage().rss;
    await expect(preflightXlsx(await workbookWith(liar), { maxTotalUncompressedBytes: 20 * MB })).rejects.toMatchObject({
      reason: "zip-bomb",
      message: expect.stringMatching(/more than 20 MB.*image1\.png/),
    });
    // The 150 MB were never held: far less than that was added (the budget was 20 MB).
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it("rejects a lying entry that stays within the budget as damaged (jszip would fail on it anyway)", async () => {
    const liar = { ...deflated("xl/media/image2.png", new Uint8Array(64 * 1024)), declaredSize: 10 };
    await expect(preflightXlsx(await workbookWith(liar))).rejects.toMatchObject({ reason: "damaged" });
  });

  it("lets a large but honest part through when it is under every limit", async () => {
    const honest = deflated("xl/media/image3.png", Uint8Array.from({ length: 2 * MB }, (_, i) => (i * 31) % 256));
    const bytes = await workbookWith(honest);
    await expect(preflightXlsx(bytes)).resolves.toBe(bytes);
  });
});
