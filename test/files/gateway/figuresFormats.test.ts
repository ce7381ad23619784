/**
 * XlsxGateway writeFigures writes formatted cells (issue 12, item 7): the number formats are in the saved file, a
 * date is saved as a serial of the workbook's date system (1904 too) under dd/mm/yyyy, and the column widths follow
 * what the cells show, not the raw numbers.
 */
import { unzipSync, strFromU8 } from "fflate";
import type { FiguresSheet } from "../../../src/app/gateway";
import { cellAt } from "../../../src/core/cells";
import { dateFromIso, serialFromIso } from "../../../src/core/dates";
import { DATE_FORMAT, MONEY_FORMAT } from "../../../src/core/template/layout";
import { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { reopen, sheetOf } from "./helpers";

const FIGURES: FiguresSheet = {
  name: "EPR Scores",
  rows: [
    ["Total cost (£)", 52_100_000],
    ["Installed share", 0.625],
    ["Convergence score (now)", 57.142857142857146],
    ["Target date", dateFromIso("2023-12-31")],
    ["Target met", "Yes"],
  ],
  numberFormats: [[null, MONEY_FORMAT], [null, "0.0%"], [null, "0.0"], [null, null], [null, null]],
};

/** The text of every worksheet part of the saved file. */
function worksheetXml(bytes: Uint8Array): string[] {
  return Object.entries(unzipSync(bytes)).filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).map(([, content]) => strFromU8(content));
}

describe("XlsxGateway writeFigures formats", () => {
  it("saves each cell's number format (a Date's dd/mm/yyyy too), and reads back numbers and the date", async () => {
    const gateway = XlsxGateway.blank();
    await gateway.writeFigures(FIGURES);
    const reopened = await reopen(gateway);
    const ws = sheetOf(reopened, "EPR Scores");
    expect(["B1", "B2", "B3", "B4", "B5", "A1"].map((a) => ws.getCell(a).numFmt ?? "General")).toEqual([MONEY_FORMAT, "0.0%", "0.0", DATE_FORMAT, "General", "General"]);
    const grid = await reopened.readSheet("EPR Scores");
    expect([1, 2, 3, 4, 5].map((r) => cellAt(grid, r, 2))).toEqual([52_100_000, 0.625, 57.142857142857146, dateFromIso("2023-12-31"), "Yes"]);
  });

  it.each([
    [false, "1900"],
    [true, "1904"],
  ] as const)("saves a date as a serial of the workbook's date system (date1904 %s)", async (date1904, system) => {
    const gateway = XlsxGateway.blank();
    gateway.workbook.properties.date1904 = date1904;
    await gateway.writeFigures({ name: "Dates", rows: [["Target date", dateFromIso("2023-12-31")]] });
    const bytes = await gateway.toBuffer();
    const other = system === "1900" ? "1904" : "1900";
    const sheets = worksheetXml(bytes);
    expect(sheets.some((xml) => xml.includes(`<v>${serialFromIso("2023-12-31", system)}</v>`))).toBe(true);
    expect(sheets.some((xml) => xml.includes(`<v>${serialFromIso("2023-12-31", other)}</v>`))).toBe(false);
    expect(cellAt(await (await reopen(gateway)).readSheet("Dates"), 1, 2)).toEqual(dateFromIso("2023-12-31"));
  });

  it("sizes the value column by what the cells show (£52,100,000, 62.5%, 57.1, 31/12/2023), not by the raw figures", async () => {
    const gateway = XlsxGateway.blank();
    await gateway.writeFigures(FIGURES);
    // "£52,100,000" (11 characters) is the widest shown value; the raw 57.142857142857146 would be 18.
    expect(sheetOf(gateway, "EPR Scores").getColumn(2).width).toBe(13);
  });
});
