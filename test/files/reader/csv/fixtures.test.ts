/**
 * The .csv fixtures (test/fixtures/reader-formats/csv, made by make.sh: LibreOffice's CSV export and hand-written
 * bytes, one quirk each) read into the grid the spec (section 5) says.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { SheetData } from "../../../../src/core/cells";
import { sheetToGrid } from "../../../../src/files/read";
import { readCsv } from "../../../../src/files/reader/csv";
import { readWorkbookBytes } from "../../../../src/files/reader";
import { loadExcelJs } from "../../../helpers/excelJsModel";

const CSV = path.join(__dirname, "../../../fixtures/reader-formats/csv");

async function readFixture(name: string): Promise<SheetData> {
  const data = await readCsv(new Uint8Array(await readFile(path.join(CSV, name))), { fileName: name });
  expect(data).toMatchObject({ format: "csv", date1904: false, definedNames: [], beyondValues: [] });
  expect(data.sheets).toHaveLength(1);
  expect(data.sheets[0]?.state).toBe("visible");
  const grid = data.sheets[0]?.grid;
  if (!grid) throw new Error(`${name}: no grid`);
  return grid;
}

describe("hand-written .csv files", () => {
  it("UTF-8 with a byte-order mark and CRLF: the mark is dropped, plain numbers are numbers, the rest text", async () => {
    const grid = await readFixture("utf8-bom.csv");
    expect(grid.name).toBe("utf8-bom");
    expect(grid.rows).toEqual([
      ["Trust code", "Trust name", "Beds", "Go-live date", "Cost"],
      ["RYJ", "Imperial College Healthcare NHS Trust", 1200, "31/12/2023", "£1.2m"],
      ["R1H", "Barts Health – Royal London", 3.5, "2023-12-31", -2],
    ]);
  });

  it("UTF-8 without a mark: 007 and 1e5 stay text, trailing blank fields and lines are left off", async () => {
    const grid = await readFixture("utf8-plain.csv");
    expect(grid.rows).toEqual([
      ["Trust code", "Trust name", "Beds"],
      ["RYJ", "Café Royale", "007"],
      ["TAJ", null, "1e5"],
    ]);
  });

  it("Windows-1252: £, é, –, € and curly quotes decoded from the bytes Excel for Windows writes", async () => {
    const grid = await readFixture("windows-1252.csv");
    expect(grid.rows).toEqual([
      ["Trust code", "Trust name", "Cost", "Note"],
      ["RYJ", "Café Royale – North", "£1,200,000", "“€ 5m”"],
    ]);
  });

  it("semicolon separated: commas are ordinary characters and a decimal comma stays text", async () => {
    const grid = await readFixture("semicolon.csv");
    expect(grid.rows).toEqual([
      ["Trust code", "Trust name", "Beds", "Share"],
      ["RYJ", "Imperial, London", 1200, "0,5"],
    ]);
  });

  it("tab separated", async () => {
    const grid = await readFixture("tab.csv");
    expect(grid.rows).toEqual([
      ["Trust code", "Trust name", "Beds"],
      ["RYJ", "Imperial, London", 1200],
    ]);
  });

  it("RFC 4180 quoting: line ends, doubled quotes and separators inside quotes; a quoted number is a number", async () => {
    const grid = await readFixture("quoted.csv");
    expect(grid.rows).toEqual([
      ["Code", "Note", "Beds"],
      ["RYJ", "Line one\nline two", 12],
      ["R1H", 'He said "no", then left', '5" long'],
      ["TAJ", "a\nb", 3],
    ]);
  });

  it("CR-only line ends (old Mac files)", async () => {
    expect((await readFixture("cr-only.csv")).rows).toEqual([["Code", "Beds"], ["RYJ", 1], ["R1H", 2]]);
  });

  it("Excel's sep= hint chooses the separator and is not a row", async () => {
    expect((await readFixture("sep-hint.csv")).rows).toEqual([["Code", "Beds,count"], ["RYJ", 3]]);
  });

  it("a quote never closed takes the rest of the file into its field, as Excel does", async () => {
    expect((await readFixture("unterminated-quote.csv")).rows).toEqual([["Code", "Note"], ["RYJ", "open quote\nR1H,2\n"]]);
  });
});

describe("LibreOffice's CSV export of the messy example", () => {
  let fromXlsx: SheetData;

  beforeAll(async () => {
    const workbook = await loadExcelJs(new Uint8Array(await readFile(path.join(__dirname, "../../../../examples/trust-adhoc-sheet.xlsx"))));
    const ws = workbook.worksheets[0];
    if (!ws) throw new Error("the example has no sheet");
    fromXlsx = sheetToGrid(ws);
  });

  it.each(["lo-utf8-comma.csv", "lo-utf8-semicolon.csv", "lo-1252-comma.csv"])("%s gives the example's first sheet", async (name) => {
    const grid = await readFixture(name);
    expect(grid.name).toBe(name.replace(/\.csv$/, ""));
    expect(grid.rows).toHaveLength(fromXlsx.rows.length);
    // Text and plain numbers come through as they were (£ in Windows-1252 too); a date cell becomes the text
    // its format showed (here US order, as the sender's sheet had it), which a .csv cannot say otherwise.
    fromXlsx.rows.forEach((row, r) => {
      const csvRow = grid.rows[r] ?? [];
      expect(csvRow).toHaveLength(row.length);
      row.forEach((value, c) => {
        if (value instanceof Date) expect(typeof csvRow[c]).toBe("string");
        else expect(csvRow[c]).toEqual(value);
      });
    });
    expect(grid.rows[3]?.[16]).toBe("£9,000,000");
    expect(grid.rows[3]?.[18]).toBe(780);
    expect(grid.rows[4]?.[6]).toBe("12/31/2019");
  });
});

describe("the dispatcher", () => {
  it("sends a text file named .csv to the .csv reader and names the sheet after the file", async () => {
    const bytes = new TextEncoder().encode("Code,Beds\nRYJ,3\n");
    const data = await readWorkbookBytes(bytes, { fileName: "/returns/Leeds [draft].csv" });
    expect(data.format).toBe("csv");
    expect(data.sheets[0]?.name).toBe("Leeds _draft_");
    expect(data.sheets[0]?.grid?.rows).toEqual([["Code", "Beds"], ["RYJ", 3]]);
  });
});
