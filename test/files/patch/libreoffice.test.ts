/**
 * With a real producer's file: the rich workbook saved by LibreOffice (its own zip, with data descriptors, its
 * own chart, drawing, comment, pivot and external-link parts) is stamped with only the parts that list the stamp
 * sheet changed; LibreOffice then opens the stamped file without complaint, keeps the chart, image, comments and
 * pivot table, and the stamp still verifies in its re-save.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { readReturnStamp, verifyReturn } from "../../../src/app/stamp";
import { STAMP_SHEET } from "../../../src/core/stamp";
import { addStampSheet } from "../../../src/files/patch";
import { tempFolder } from "../../core/merge/trustWorkbooks";
import { hasLibreOffice, recalculate } from "../../helpers/libreoffice";
import { readBack } from "../../helpers/readBack";
import { richWorkbook } from "./richWorkbook";
import { compareZips, stampOf } from "./zipCompare";

const describeWithLibreOffice = hasLibreOffice() ? describe : describe.skip;
if (!hasLibreOffice()) console.warn("LibreOffice (soffice) not found: skipping the stamp-in-place round trip through LibreOffice");

jest.setTimeout(240_000);

const partsLike = (bytes: Uint8Array, pattern: RegExp) => Object.keys(unzipSync(bytes)).filter((name) => pattern.test(name));

describeWithLibreOffice("stamping a workbook LibreOffice saved", () => {
  let folder: { dir: string; cleanup: () => Promise<void> };
  let saved: Uint8Array;
  let stamped: Uint8Array;

  beforeAll(async () => {
    folder = await tempFolder("epr-patch-lo-");
    const handMade = join(folder.dir, "rich.xlsx");
    await writeFile(handMade, richWorkbook());
    const byLibreOffice = join(folder.dir, "saved.xlsx");
    await recalculate(handMade, byLibreOffice);
    saved = new Uint8Array(await readFile(byLibreOffice));
    stamped = addStampSheet(saved, (await stampOf(saved)).rows);
  });
  afterAll(() => folder.cleanup());

  it("LibreOffice's file holds the chart, image, comments, pivot table and external link to keep", () => {
    for (const pattern of [/^xl\/charts\/chart\d+\.xml$/, /^xl\/media\//, /^xl\/comments\d*\.xml$/, /^xl\/pivotTables\//, /^xl\/externalLinks\/externalLink\d+\.xml$/]) {
      expect(partsLike(saved, pattern)).not.toHaveLength(0);
    }
  });

  it("changes only the workbook, its relationships and the content types; every other entry byte for byte", () => {
    const comparison = compareZips(saved, stamped);
    expect(comparison.missing).toEqual([]);
    expect(comparison.changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"]);
    expect(comparison.added).toHaveLength(1);
    expect(comparison.identical).toHaveLength(Object.keys(unzipSync(saved)).length - 3);
  });

  it("reads back and verifies", async () => {
    const workbook = await readBack(stamped);
    expect(await readReturnStamp(workbook, await workbook.listSheets())).not.toBeNull();
    expect((await verifyReturn(workbook)).status).toBe("match");
  });

  it("opens in LibreOffice, which keeps the chart, image, comments, pivot table and the stamp", async () => {
    const input = join(folder.dir, "stamped.xlsx");
    const output = join(folder.dir, "resaved.xlsx");
    await writeFile(input, stamped);
    await recalculate(input, output);
    const resaved = new Uint8Array(await readFile(output));
    for (const pattern of [/^xl\/charts\/chart\d+\.xml$/, /^xl\/media\//, /^xl\/comments\d*\.xml$/, /^xl\/pivotTables\//]) {
      expect(partsLike(resaved, pattern)).not.toHaveLength(0);
    }
    const workbook = await readBack(resaved);
    expect(["hidden", "veryHidden"]).toContain(workbook.data.sheets.find((s) => s.name === STAMP_SHEET)?.state);
    expect((await verifyReturn(workbook)).status).toBe("match");
  });
});

describeWithLibreOffice("a stamped .xlsm", () => {
  it("opens in LibreOffice", async () => {
    const { dir, cleanup } = await tempFolder("epr-patch-lo-xlsm-");
    try {
      const original = richWorkbook(true);
      const input = join(dir, "stamped.xlsm");
      await writeFile(input, addStampSheet(original, (await stampOf(original)).rows));
      const output = join(dir, "resaved.xlsx");
      await recalculate(input, output);
      const workbook = await readBack(new Uint8Array(await readFile(output)));
      expect((await verifyReturn(workbook)).status).toBe("match");
    } finally {
      await cleanup();
    }
  });
});
