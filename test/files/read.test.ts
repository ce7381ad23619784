import ExcelJS from "exceljs";
import { cellAt, errorValue } from "../../src/core/cells";
import { sheetToGrid } from "../../src/files/read";
import { gatewayOfBytes, loadExcelJs } from "../helpers/excelJsModel";

/** The workbook's bytes as exceljs writes them (loaded again below: the model as a saved file gives it). */
async function written(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("sheetToGrid", () => {
  let grid: ReturnType<typeof sheetToGrid>;

  beforeAll(async () => {
    const wb = await loadExcelJs(await written((w) => {
      const ws = w.addWorksheet("Data");
      ws.getCell("A1").value = "text";
      ws.getCell("B1").value = 42.5;
      ws.getCell("C1").value = true;
      ws.getCell("D1").value = new Date(Date.UTC(2023, 11, 31));
      ws.getCell("D1").numFmt = "dd/mm/yyyy";
      // A date with a time of day: the core wants the day.
      ws.getCell("E1").value = new Date(Date.UTC(2024, 1, 29, 15, 30));
      ws.getCell("E1").numFmt = "dd/mm/yyyy hh:mm";
      ws.getCell("A2").value = { richText: [{ text: "Oracle " , font: { bold: true } }, { text: "Health" }] };
      ws.getCell("B2").value = { text: "NHS England", hyperlink: "https://www.england.nhs.uk" };
      ws.getCell("C2").value = { formula: "B1*2", result: 85 };
      ws.getCell("D2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("E2").value = { formula: "UPPER(A1)", result: "TEXT" };
      // Falsy cached results, which exceljs's cell.value leaves out.
      ws.getCell("D3").value = { formula: "A1=B1", result: false };
      ws.getCell("E3").value = { formula: "B1-B1", result: 0 };
      ws.getCell("A3").value = { error: "#REF!" };
      ws.getCell("B3").value = { error: "#N/A" };
      ws.getCell("C3").value = { formula: "TODAY()", result: new Date(Date.UTC(2025, 0, 2)) };
      ws.getCell("C3").numFmt = "dd/mm/yyyy";
      ws.getCell("A4").value = "merged";
      ws.mergeCells("A4:C5");
      ws.getCell("A6").value = "hidden row";
      ws.getRow(6).hidden = true;
      // A hidden row with no values (a formatted cell makes exceljs write the row).
      ws.getRow(8).hidden = true;
      ws.getCell("B8").numFmt = "0.00";
      ws.getCell("D7").value = "";
      ws.getCell("F9").value = 0;
    }));
    const ws = wb.getWorksheet("Data");
    if (!ws) throw new Error("no sheet");
    grid = sheetToGrid(ws);
  });

  it("starts at A1 and keeps the sheet's name", () => {
    expect([grid.name, grid.firstRow, grid.firstCol]).toEqual(["Data", 1, 1]);
  });

  it("reads text, numbers, booleans and dates (UTC midnight of the day)", () => {
    expect(cellAt(grid, 1, 1)).toBe("text");
    expect(cellAt(grid, 1, 2)).toBe(42.5);
    expect(cellAt(grid, 1, 3)).toBe(true);
    expect(cellAt(grid, 1, 4)).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(cellAt(grid, 1, 5)).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(cellAt(grid, 9, 6)).toBe(0);
  });

  it("flattens rich text and hyperlinks to their text", () => {
    expect(cellAt(grid, 2, 1)).toBe("Oracle Health");
    expect(cellAt(grid, 2, 2)).toBe("NHS England");
  });

  it("gives formula cells their cached result, errors as ErrorValue", () => {
    expect(cellAt(grid, 2, 3)).toBe(85);
    expect(cellAt(grid, 2, 4)).toEqual(errorValue("#DIV/0!"));
    expect(cellAt(grid, 2, 5)).toBe("TEXT");
    expect(cellAt(grid, 3, 3)).toEqual(new Date(Date.UTC(2025, 0, 2)));
    expect(cellAt(grid, 3, 4)).toBe(false);
    expect(cellAt(grid, 3, 5)).toBe(0);
  });

  it("reads error values such as #REF! and #N/A", () => {
    expect(cellAt(grid, 3, 1)).toEqual({ kind: "error", code: "#REF!" });
    expect(cellAt(grid, 3, 2)).toEqual({ kind: "error", code: "#N/A" });
  });

  it("puts a merged range's value in its top-left cell only", () => {
    expect(cellAt(grid, 4, 1)).toBe("merged");
    for (const [r, c] of [[4, 2], [4, 3], [5, 1], [5, 2], [5, 3]] as const) expect(cellAt(grid, r, c)).toBeNull();
  });

  it("lists hidden rows, including empty ones", () => {
    expect(grid.hiddenRows).toEqual([6, 8]);
    expect(cellAt(grid, 6, 1)).toBe("hidden row");
  });

  it("pads gaps with null and covers the last row with a value", () => {
    expect(grid.rows).toHaveLength(9);
    // D7 holds "" only: blank.
    expect(grid.rows[6]).toEqual([]);
    expect(grid.rows[7]).toEqual([]);
    expect(grid.rows[8]).toEqual([null, null, null, null, null, 0]);
  });
});

describe("the exceljs gateway's sheet list", () => {
  it("names every sheet with its visibility", async () => {
    const gateway = await gatewayOfBytes(await written((w) => {
      w.addWorksheet("One");
      w.addWorksheet("Two", { state: "hidden" });
      w.addWorksheet("Three", { state: "veryHidden" });
    }));
    expect(await gateway.listSheets()).toEqual([
      { name: "One", visible: true },
      { name: "Two", visible: false },
      { name: "Three", visible: false },
    ]);
  });
});
