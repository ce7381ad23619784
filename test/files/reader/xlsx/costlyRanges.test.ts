/**
 * Ranges that cost exceljs dearly (it made an object for every cell a data validation, a merge or a defined name
 * covered, and filled the rows up to a far one), which the zip guard in front of it used to cut out of the file
 * before exceljs saw it. The reader never expands a range: each file here is read as it is, values intact, what it
 * holds beyond values named, and a row numbered past Excel's last refused.
 */
import { WorkbookReadError } from "../../../../src/files/errors";
import { readXlsx } from "../../../../src/files/reader/xlsx";
import { buildXlsx, oneSheet, worksheetXml } from "./buildXlsx";

const text = (ref: string, value: string): string => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const TRUSTS = `<row r="1">${text("A1", "Trust ODS code")}${text("B1", "Trust name")}</row><row r="2">${text("A2", "RXX")}${text("B2", "North Trust")}</row>`;
const TRUSTS_ROWS = [["Trust ODS code", "Trust name"], ["RXX", "North Trust"]];

const validation = (sqref: string, extra = ""): string => `<dataValidation type="list" allowBlank="1"${extra} sqref="${sqref}"><formula1>Lists!$A$1:$A$5</formula1></dataValidation>`;

describe("readXlsx on ranges it never expands", () => {
  it("reads a sheet whose data validations cover whole columns and the whole sheet, entity-encoded references and '>' in attributes included", async () => {
    const validations = `<dataValidations count="4">${validation("C2:C1048576 D2:D1048576")}${validation("A2:A500")}${validation("B1:XFD1048576")}${validation("&#65;1:&#65;1048576", ' prompt="a > b"')}</dataValidations>`;
    const workbook = await readXlsx(oneSheet(TRUSTS, { after: validations }));
    expect(workbook.sheets[0]?.grid?.rows).toEqual(TRUSTS_ROWS);
    expect(workbook.beyondValues).toEqual(["data validation"]);
  });

  it("reads a sheet whose merges cover the whole sheet or a whole column (which made exceljs throw)", async () => {
    const merges = `<mergeCells count="4"><mergeCell ref="E1:F1"/><mergeCell ref="A10:XFD1048576"/><mergeCell ref="A:A"/><mergeCell ref="G1:H1"/></mergeCells>`;
    const workbook = await readXlsx(oneSheet(TRUSTS, { after: merges }));
    expect(workbook.sheets[0]?.grid?.rows).toEqual(TRUSTS_ROWS);
    expect(workbook.beyondValues).toEqual(["merged cells"]);
  });

  it("reads a sheet whose column definitions run far past column XFD", async () => {
    const cols = `<cols><col min="1" max="100000000" width="12" customWidth="1"/><col min="20000" max="30000" width="3"/></cols>`;
    const xml = worksheetXml(TRUSTS).replace("<sheetData>", `${cols}<sheetData>`);
    expect((await readXlsx(buildXlsx({ sheets: [{ name: "Trusts", xml }] }))).sheets[0]?.grid?.rows).toEqual(TRUSTS_ROWS);
  });

  it("keeps defined names over the whole sheet as the text they are, and a sheet name's entities decoded", async () => {
    const names = `<definedNames><definedName name="Statuses">Trusts!$C$2:$C$3</definedName><definedName name="Everything">Trusts!$A$1:$XFD$1048576</definedName><definedName name="Quoted">'R&amp;D'!$B$1:$B$1048576,Trusts!$A$1</definedName></definedNames>`;
    const workbook = await readXlsx(buildXlsx({ sheets: [{ name: "Trusts", xml: worksheetXml(TRUSTS) }, { name: "R&D", xml: worksheetXml("") }], afterSheets: names }));
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Trusts", "R&D"]);
    expect(workbook.definedNames).toEqual([
      { name: "Statuses", sheet: null, formula: "Trusts!$C$2:$C$3" },
      { name: "Everything", sheet: null, formula: "Trusts!$A$1:$XFD$1048576" },
      { name: "Quoted", sheet: null, formula: "'R&D'!$B$1:$B$1048576,Trusts!$A$1" },
    ]);
  });

  it("reads a value in A1048576 under a dimension of the whole sheet, the empty rows between sharing one row", async () => {
    const xml = worksheetXml(`${TRUSTS}<row r="1048576">${text("A1048576", "last")}</row>`).replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>');
    const rows = (await readXlsx(buildXlsx({ sheets: [{ name: "Trusts", xml }] }))).sheets[0]?.grid?.rows ?? [];
    expect(rows).toHaveLength(1_048_576);
    expect(rows[1_048_575]).toEqual(["last"]);
    expect(new Set(rows.slice(2, 1_048_575)).size).toBe(1);
  });

  it("refuses a row numbered far past Excel's last row", async () => {
    const hostile = oneSheet(`${TRUSTS}<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>`);
    const error = await readXlsx(hostile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as Error).message).toMatch(/row numbered 1000000000/);
  });
});
