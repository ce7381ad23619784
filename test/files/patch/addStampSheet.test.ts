/**
 * The stamp written into the workbook's own bytes: only the stamp sheet and the parts that list it change; every
 * other entry (charts, images, comments, pivot tables, external links, macros) is copied byte for byte.
 */
import { readReturnStamp, verifyReturn } from "../../../src/app/stamp";
import { STAMP_SHEET } from "../../../src/core/stamp";
import { addStampSheet } from "../../../src/files/patch";
import { FLAG_DATA_DESCRIPTOR } from "../../../src/files/patch/zipArchive";
import { readBack } from "../../helpers/readBack";
import { richWorkbook, streamedRichWorkbook, VBA } from "./richWorkbook";
import { compareZips, entries, inflated, stampOf, text } from "./zipCompare";

const EDITED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];

describe.each([
  ["zipped in one go", () => richWorkbook(), false],
  ["zipped as a stream (data descriptors)", () => streamedRichWorkbook(), false],
  ["macro-enabled (.xlsm)", () => richWorkbook(true), true],
])("a workbook with a chart, an image, comments, a pivot table, defined names and an external link, %s", (_, make, macros) => {
  const original = make();

  it("changes only the workbook, its relationships and the content types, and adds the stamp sheet after the rest", async () => {
    const stamped = addStampSheet(original, (await stampOf(original)).rows);
    const comparison = compareZips(original, stamped);
    expect(comparison.missing).toEqual([]);
    expect(comparison.changed.sort()).toEqual([...EDITED].sort());
    expect(comparison.added).toEqual(["xl/worksheets/sheet4.xml"]);
    expect(comparison.identical).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/media/image1.png", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/externalLinks/externalLink1.xml", "xl/sharedStrings.xml"]));
    expect(comparison.identical.length + comparison.changed.length).toBe(entries(original).length);
    // Same order: the original's entries, then the new one.
    expect(comparison.order).toEqual([...entries(original).map((e) => e.name), "xl/worksheets/sheet4.xml"]);
  });

  it("edits the workbook part as text: one <sheet> added before </sheets>, every other character kept", async () => {
    const stamped = addStampSheet(original, (await stampOf(original)).rows);
    const before = text(original, "xl/workbook.xml");
    // The next Id after the highest in use (rId8, or rId9 for the VBA project).
    const rId = macros ? "rId10" : "rId9";
    const added = `<sheet name="${STAMP_SHEET}" sheetId="4" state="veryHidden" r:id="${rId}"/>`;
    expect(text(stamped, "xl/workbook.xml")).toBe(before.replace("</sheets>", `${added}</sheets>`));
    expect(text(stamped, "xl/_rels/workbook.xml.rels")).toBe(
      text(original, "xl/_rels/workbook.xml.rels").replace("</Relationships>", `<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet4.xml"/></Relationships>`),
    );
    expect(text(stamped, "[Content_Types].xml")).toBe(
      text(original, "[Content_Types].xml").replace("</Types>", `<Override PartName="/xl/worksheets/sheet4.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    );
  });

  it("writes a stamp that reads back and verifies", async () => {
    const { stamp, rows } = await stampOf(original);
    const workbook = await readBack(addStampSheet(original, rows));
    const sheets = await workbook.listSheets();
    expect(sheets.filter((s) => s.name === STAMP_SHEET)).toEqual([{ name: STAMP_SHEET, visible: false }]);
    expect(workbook.data.sheets.find((s) => s.name === STAMP_SHEET)?.state).toBe("veryHidden");
    expect(await readReturnStamp(workbook, sheets)).toEqual(stamp);
    expect((await verifyReturn(workbook)).status).toBe("match");
  });

  it("stamped again, replaces the stamp sheet in its place: one stamp sheet, nothing else changed", async () => {
    const first = addStampSheet(original, (await stampOf(original)).rows);
    const later = await stampOf(first, new Date("2024-01-02T03:04:05Z"));
    const second = addStampSheet(first, later.rows);
    const comparison = compareZips(first, second);
    expect(comparison.changed).toEqual(["xl/worksheets/sheet4.xml"]);
    expect(comparison.added).toEqual([]);
    expect(comparison.missing).toEqual([]);
    const workbook = await readBack(second);
    const sheets = await workbook.listSheets();
    expect(sheets.filter((s) => s.name.toLowerCase() === STAMP_SHEET)).toHaveLength(1);
    expect((await readReturnStamp(workbook, sheets))?.stampedAt).toBe("2024-01-02T03:04:05.000Z");
  });
});

describe("entries written with data descriptors", () => {
  it("are copied with their descriptors", async () => {
    const original = streamedRichWorkbook();
    expect(entries(original).every((e) => (e.flags & FLAG_DATA_DESCRIPTOR) !== 0)).toBe(true);
    const stamped = addStampSheet(original, (await stampOf(original)).rows);
    const chart = entries(stamped).find((e) => e.name === "xl/charts/chart1.xml");
    expect(chart && chart.flags & FLAG_DATA_DESCRIPTOR).toBeTruthy();
  });
});

describe("a macro-enabled workbook", () => {
  it("stays one: the VBA project byte for byte, the workbook's macro-enabled content type kept", async () => {
    const original = richWorkbook(true);
    const stamped = addStampSheet(original, (await stampOf(original)).rows);
    expect(Buffer.from(inflated(stamped)["xl/vbaProject.bin"] ?? []).equals(Buffer.from(VBA))).toBe(true);
    expect(text(stamped, "[Content_Types].xml")).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(text(stamped, "xl/_rels/workbook.xml.rels")).toContain('Target="vbaProject.bin"');
  });
});

describe("a workbook behind bytes that are not part of it (a self-extractor's stub)", () => {
  it("is stamped, its entries copied and the stub left out", async () => {
    const original = richWorkbook();
    const stub = new TextEncoder().encode("MZ a self-extractor's stub, not part of the workbook");
    const prefixed = new Uint8Array(stub.length + original.length);
    prefixed.set(stub);
    prefixed.set(original, stub.length);
    const stamped = addStampSheet(prefixed, (await stampOf(original)).rows);
    expect([...stamped.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const comparison = compareZips(original, stamped);
    expect(comparison.missing).toEqual([]);
    expect(comparison.changed.sort()).toEqual([...EDITED].sort());
    expect((await verifyReturn(await readBack(stamped))).status).toBe("match");
  });
});
