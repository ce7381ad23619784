/**
 * The .xlsx reader on cells as producers write them: each case a small package built from XML
 * (./buildXlsx.ts), read into the core's grid.
 */
import { errorValue, type CellValue, type SheetData } from "../../../../src/core/cells";
import { readXlsx } from "../../../../src/files/reader/xlsx";
import { EMPTY_ROW } from "../../../../src/files/reader/xlsx/gridBuilder";
import { buildXlsx, MAIN_NS, oneSheet, REL_NS, stylesXml, worksheetXml, type WorkbookSpec } from "./buildXlsx";

async function gridOf(bytes: Uint8Array): Promise<SheetData> {
  const workbook = await readXlsx(bytes);
  const grid = workbook.sheets[0]?.grid;
  if (!grid) throw new Error("no grid");
  return grid;
}

async function rowsOf(sheetData: string, more: Omit<WorkbookSpec, "sheets"> & { after?: string } = {}): Promise<readonly (readonly CellValue[])[]> {
  return (await gridOf(oneSheet(sheetData, more))).rows;
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("readXlsx: cell types", () => {
  it("reads shared strings, numbers, booleans, errors and formula strings", async () => {
    const rows = await rowsOf(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c><c r="C1" t="n"><v>-3</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>` +
        `<c r="F1" t="e"><v>#N/A</v></c><c r="G1" t="str"><f>A1&amp;"x"</f><v>Trustx</v></c></row>`,
      { sharedStrings: ["Trust"] },
    );
    expect(rows).toEqual([["Trust", 12.5, -3, true, false, errorValue("#N/A"), "Trustx"]]);
  });

  it("reads inline strings, plain and in rich text runs", async () => {
    const rows = await rowsOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>bold </t></r><r><t>rest</t></r></is></c></row>`);
    expect(rows).toEqual([["plain", "bold rest"]]);
  });

  it("joins rich text runs of shared strings and leaves out phonetic runs", async () => {
    const sst = `<sst xmlns="${MAIN_NS}"><si><r><t>Royal </t></r><r><rPr><i/></rPr><t>Free</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const rows = await rowsOf(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`, { sharedStrings: sst });
    expect(rows).toEqual([["Royal Free", "東京"]]);
  });

  it("decodes _xHHHH_ escapes, and _x005F_ as a literal underscore", async () => {
    const rows = await rowsOf(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>a_x000D_b</t></is></c></row>`, {
      sharedStrings: ["line one_x000D_\nline two", "literal _x005F_x000D_ here"],
    });
    expect(rows).toEqual([["line one\r\nline two", "literal _x000D_ here", "a\rb"]]);
  });

  it("keeps strings as written (no trimming) and reads an empty string as blank", async () => {
    const rows = await rowsOf(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="str"><v></v></c><c r="D1" t="inlineStr"><is><t>x</t></is></c></row>`, {
      sharedStrings: ["  padded  ", ""],
    });
    expect(rows).toEqual([["  padded  ", null, null, "x"]]);
  });

  it("reads formula cells by their cached value only, shared formulas included, and no value as blank", async () => {
    const rows = await rowsOf(
      `<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>4</v></c><c r="B1"><v>2</v></c></row>` +
        `<row r="2"><c r="A2"><f t="shared" si="0"/><v>0</v></c><c r="B2"><v>0</v></c></row>` +
        `<row r="3"><c r="A3"><f t="shared" si="0"/></c><c r="B3" t="b"><f>FALSE()</f><v>0</v></c></row>`,
    );
    expect(rows).toEqual([[4, 2], [0, 0], [null, false]]);
  });

  it("reads error values of every kind as ErrorValue", async () => {
    const codes = ["#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];
    const cells = codes.map((code, i) => `<c r="${String.fromCharCode(65 + i)}1" t="e"><f>X()</f><v>${code}</v></c>`).join("");
    expect(await rowsOf(`<row r="1">${cells}</row>`)).toEqual([codes.map(errorValue)]);
  });

  it("reads t=\"d\" ISO 8601 dates and date-times as the day, and leaves a time alone as text", async () => {
    const rows = await rowsOf(`<row r="1"><c r="A1" t="d"><v>2023-12-31</v></c><c r="B1" t="d"><v>2024-02-29T23:59:59.999Z</v></c><c r="C1" t="d"><v>12:30:00</v></c><c r="D1" t="d"><v>2023-02-31</v></c></row>`);
    expect(rows).toEqual([[day("2023-12-31"), day("2024-02-29"), "12:30:00", "2023-02-31"]]);
  });

  it("reads non-finite or empty numbers as blank", async () => {
    const rows = await rowsOf(`<row r="1"><c r="A1"><v>NaN</v></c><c r="B1"><v>1e999</v></c><c r="C1"><v> </v></c><c r="D1"><v>7</v></c></row>`);
    expect(rows).toEqual([[null, null, null, 7]]);
  });

  it("reads a shared string index past the end as blank", async () => {
    expect(await rowsOf(`<row r="1"><c r="A1" t="s"><v>5</v></c><c r="B1" t="s"><v>0</v></c></row>`, { sharedStrings: ["only"] })).toEqual([[null, "only"]]);
  });
});

describe("readXlsx: dates from number formats", () => {
  // s=0 General, 1 built-in 14, 2 custom dd/mm/yyyy with a locale, 3 LibreOffice's £m, 4 "Q"0, 5 h:mm, 6 built-in 22 (date-time), 7 built-in 20 (time), 8 [h]:mm
  const styles = stylesXml([0, 14, 164, 165, 166, 167, 22, 20, 168], [
    { id: 164, code: "[$-809]dd/mm/yyyy" },
    { id: 165, code: "\\£#,##0.0,,\\m" },
    { id: 166, code: '"Q"0' },
    { id: 167, code: "h:mm" },
    { id: 168, code: "[h]:mm" },
  ]);

  it("reads a number as a date only where its format shows a date", async () => {
    const cells = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>45291.75</v></c>`).join("");
    const rows = await rowsOf(`<row r="1">${cells}</row>`, { styles });
    const date = day("2023-12-31");
    expect(rows).toEqual([[45291.75, date, date, 45291.75, 45291.75, 45291.75, date, 45291.75, 45291.75]]);
  });

  it("counts serials in the 1904 date system when workbookPr says so in any truthy spelling", async () => {
    for (const spelling of ["1", "true", "on"]) {
      const workbook = await readXlsx(oneSheet(`<row r="1"><c r="A1" s="1"><v>43829</v></c></row>`, { styles, workbookPr: `date1904="${spelling}"` }));
      expect(workbook.date1904).toBe(true);
      expect(workbook.sheets[0]?.grid?.rows).toEqual([[day("2023-12-31")]]);
    }
    const plain = await readXlsx(oneSheet(`<row r="1"><c r="A1" s="1"><v>43829</v></c></row>`, { styles, workbookPr: `date1904="false"` }));
    expect(plain.date1904).toBe(false);
    expect(plain.sheets[0]?.grid?.rows).toEqual([[day("2019-12-30")]]);
  });

  it("keeps Excel's 1900 leap-year bug: serials before 61 count from 31 Dec 1899", async () => {
    const cells = [1, 59, 60, 61, 0, 2958466].map((serial, i) => `<c r="${String.fromCharCode(65 + i)}1" s="1"><v>${serial}</v></c>`).join("");
    const rows = await rowsOf(`<row r="1">${cells}</row>`, { styles });
    // Serial 60 is Excel's 29 Feb 1900, which JavaScript (and the calendar) makes 1 Mar; 0 and past 9999 are no day.
    expect(rows).toEqual([[day("1900-01-01"), day("1900-02-28"), day("1900-03-01"), day("1900-03-01"), 0, 2958466]]);
  });

  it("rounds a date-time a hair before midnight to the next day, as Excel shows it", async () => {
    expect(await rowsOf(`<row r="1"><c r="A1" s="1"><v>45291.99999999999</v></c></row>`, { styles })).toEqual([[day("2024-01-01")]]);
  });
});

describe("readXlsx: rows and columns", () => {
  it("reads SpreadsheetML with a namespace prefix, as the Open XML SDK writes it", async () => {
    const xml = `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Code</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const workbook = await readXlsx(buildXlsx({ sheets: [{ name: "Data", xml }] }));
    expect(workbook.sheets[0]?.grid?.rows).toEqual([["Code", 3]]);
  });

  it("places rows and cells without r after the previous ones", async () => {
    const rows = await rowsOf(`<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="B4"><v>3</v></c><c><v>4</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row>`);
    expect(rows).toEqual([[1, 2], EMPTY_ROW, EMPTY_ROW, [null, 3, 4], ["x"]]);
  });

  it("leaves trailing blanks off rows, and rows without values share one frozen empty row", async () => {
    const grid = await gridOf(oneSheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="0"/><c r="C1" t="str"><v></v></c></row><row r="2"/><row r="3"><c r="A3"/></row><row r="4"><c r="C4"><v>9</v></c></row>`));
    expect(grid.rows).toEqual([[1], [], [], [null, null, 9]]);
    expect(grid.rows[1]).toBe(grid.rows[2]);
    expect(Object.isFrozen(grid.rows[1])).toBe(true);
    expect(grid).toMatchObject({ name: "Sheet1", firstRow: 1, firstCol: 1 });
  });

  it("lists hidden rows, with values or not", async () => {
    const grid = await gridOf(oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row><row r="5" hidden="true"/><row r="6" hidden="0"/>`));
    expect(grid.hiddenRows).toEqual([2, 5]);
  });

  it("keeps values up to column AMJ and leaves farther ones out, saying so", async () => {
    const workbook = await readXlsx(oneSheet(`<row r="1"><c r="AMJ1"><v>1</v></c><c r="AMK1"><v>2</v></c></row><row r="2"><c r="XFD2"><v>3</v></c></row>`));
    const rows = workbook.sheets[0]?.grid?.rows ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(1024);
    expect(rows[0]?.[1023]).toBe(1);
    expect(workbook.beyondValues).toContain("values beyond column AMJ (not read)");
  });

  it("refuses a row numbered past Excel's last row", async () => {
    await expect(readXlsx(oneSheet(`<row r="1048577"><c r="A1048577"><v>1</v></c></row>`))).rejects.toThrow(/damaged .*row numbered 1048577/);
  });

  it("leaves a table's totals row out of the grid, and keeps the last data row of a table without one", async () => {
    const data = `<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="inlineStr"><is><t>Cost</t></is></c><c r="D1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>RYJ</t></is></c><c r="B2"><v>5</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Total</t></is></c><c r="B3"><f>SUBTOTAL(109,B2:B2)</f><v>5</v></c><c r="D3"><v>7</v></c></row>`;
    const table = (attributes: string): string => `<table xmlns="${MAIN_NS}" id="1" name="T" displayName="T" ref="A1:B3" ${attributes}><tableColumns count="2"><tableColumn id="1" name="Code" totalsRowLabel="Total"/><tableColumn id="2" name="Cost" totalsRowFunction="sum"/></tableColumns></table>`;
    const read = async (attributes: string): Promise<unknown> =>
      (await readXlsx(buildXlsx({ sheets: [{ name: "S", xml: worksheetXml(data, `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`), related: [{ type: "table", part: "xl/tables/table1.xml", xml: table(attributes) }] }] }))).sheets[0]?.grid?.rows;
    expect(await read(`totalsRowCount="1"`)).toEqual([["Code", "Cost", null, 1], ["RYJ", 5], [null, null, null, 7]]);
    // totalsRowShown only says a totals row was shown once (exceljs writes it on every table).
    expect(await read(`totalsRowShown="1"`)).toEqual([["Code", "Cost", null, 1], ["RYJ", 5], ["Total", 5, null, 7]]);
  });
});
