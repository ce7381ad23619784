/**
 * writeFigures over the fake Excel writes formatted cells (issue 12, item 7): numbers with their number formats,
 * dates as serials of the workbook's date system under dd/mm/yyyy, text as text; the formats go in the values' own
 * sync, so the sync count is what it was without them.
 */
import type { FiguresSheet } from "../../src/app/gateway";
import { cellAt } from "../../src/core/cells";
import { dateFromIso, serialFromIso } from "../../src/core/dates";
import { DATE_FORMAT, MONEY_FORMAT } from "../../src/core/template/layout";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { fakeHost, FakeWorkbook } from "./fakeExcel";

const FIGURES: FiguresSheet = {
  name: "EPR Scores",
  rows: [
    ["Total cost (£)", 52_100_000],
    ["Installed share", 0.625],
    ["Convergence score (now)", 57.142857142857146],
    ["Target date", dateFromIso("2023-12-31")],
    ["Target met", "Yes"],
    ["Date 90% installed", null],
  ],
  numberFormats: [[null, MONEY_FORMAT], [null, "0.0%"], [null, "0.0"], [null, DATE_FORMAT], [null, null], [null, null]],
};

function setup(): { book: FakeWorkbook; host: ReturnType<typeof fakeHost> } {
  const book = new FakeWorkbook();
  book.addSheet("Trusts");
  return { book, host: fakeHost(book) };
}

describe("writeFigures formats", () => {
  it("writes numbers and dates as values under their formats, text as text, in the syncs it took without formats", async () => {
    const { book, host } = setup();
    await expect(createOfficeGateway(host).writeFigures(FIGURES)).resolves.toBe("EPR Scores");
    // Read the record, write the sheet (sheet list with the date-system probe, markers, one chunk, restore), save the record.
    expect(host.runSyncs()).toEqual([1, 4, 2]);
    const sheet = book.sheet("EPR Scores");
    expect(sheet.at("B1")).toMatchObject({ value: 52_100_000, numberFormat: MONEY_FORMAT });
    expect(sheet.at("B2")).toMatchObject({ value: 0.625, numberFormat: "0.0%" });
    expect(sheet.at("B3")).toMatchObject({ value: 57.142857142857146, numberFormat: "0.0" });
    expect(sheet.at("B4")).toMatchObject({ value: serialFromIso("2023-12-31", "1900"), numberFormat: DATE_FORMAT });
    expect(sheet.at("B5")?.value).toBe("Yes");
    expect(sheet.at("B5")?.numberFormat).toBeUndefined();
    expect(sheet.at("A1")?.numberFormat).toBeUndefined();
  });

  it("writes a date as a serial of the workbook's 1904 date system, which reads back as the same day", async () => {
    const { book, host } = setup();
    book.use1904DateSystem = true;
    const gateway = createOfficeGateway(host);
    await gateway.writeFigures(FIGURES);
    expect(book.sheet("EPR Scores").at("B4")).toMatchObject({ value: serialFromIso("2023-12-31", "1904"), numberFormat: DATE_FORMAT });
    expect(cellAt(await gateway.readSheet("EPR Scores"), 4, 2)).toEqual(dateFromIso("2023-12-31"));
  });

  it("a Date given no format still gets dd/mm/yyyy", async () => {
    const { book, host } = setup();
    await createOfficeGateway(host).writeFigures({ name: "Dates", rows: [["Installed", dateFromIso("2024-02-29")]] });
    expect(book.sheet("Dates").at("B1")).toMatchObject({ value: serialFromIso("2024-02-29"), numberFormat: DATE_FORMAT });
  });

  it("rewriting the sheet leaves none of the old formats, and figures without formats (the Export's text) get none", async () => {
    const { book, host } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.writeFigures(FIGURES);
    await gateway.writeFigures({ name: "EPR Scores", rows: [["Total cost (£)", "52100000"], ["Go-live", "2023-12-31"]] });
    const sheet = book.sheet("EPR Scores");
    expect(sheet.at("B1")?.value).toBe("52100000");
    expect(sheet.at("B2")?.value).toBe("2023-12-31");
    for (const address of ["B1", "B2", "B3", "B4"]) expect(sheet.at(address)?.numberFormat).toBeUndefined();
  });
});
