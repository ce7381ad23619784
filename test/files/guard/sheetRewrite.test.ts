import JSZip from "jszip";
import { preflightXlsx } from "../../../src/files/guard";
import { afterSheetData, loadWithExcelJs, realWorkbook, SHEET, sheetValues, TRUSTS_ROWS, WORKBOOK, withPart } from "./build";

async function partOf(bytes: Uint8Array, part: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(part);
  if (!file) throw new Error(`no part ${part}`);
  return file.async("string");
}

const validation = (sqref: string, extra = "") =>
  `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${extra} sqref="${sqref}"><formula1>Lists!$A$1:$A$5</formula1></dataValidation>`;

describe("preflightXlsx rewrites what makes exceljs hang", () => {
  it("drops data validations over whole columns, keeps small ones, and the values read back intact", async () => {
    const hostile = await withPart(
      await realWorkbook(),
      SHEET,
      afterSheetData(`<dataValidations count="3">${validation("C2:C1048576 D2:D1048576")}${validation("A2:A500")}${validation("B1:XFD1048576")}</dataValidations>`),
    );
    const safe = await preflightXlsx(hostile);
    expect(safe).not.toBe(hostile);
    const xml = await partOf(safe, SHEET);
    expect(xml).toContain('sqref="A2:A500"');
    expect(xml).not.toContain("1048576");
    const workbook = await loadWithExcelJs(safe);
    expect(sheetValues(workbook)).toEqual(TRUSTS_ROWS);
    expect(workbook.getWorksheet("Trusts")?.getCell("A3").dataValidation).toMatchObject({ type: "list" });
  });

  it("counts the cells of every validation against one budget per sheet", async () => {
    const many = Array.from({ length: 5 }, (_, i) => validation(`A${i * 30_000 + 1}:A${(i + 1) * 30_000}`)).join("");
    const safe = await preflightXlsx(await withPart(await realWorkbook(), SHEET, afterSheetData(`<dataValidations>${many}</dataValidations>`)));
    // 30,000 cells each against 100,000: three fit, two are dropped.
    expect((await partOf(safe, SHEET)).match(/<dataValidation /g)).toHaveLength(3);
  });

  it("sees through entity-encoded references and '>' inside attribute values", async () => {
    const tricky = validation("&#65;1:&#65;1048576", ' prompt="a > b"');
    const safe = await preflightXlsx(await withPart(await realWorkbook(), SHEET, afterSheetData(`<dataValidations>${tricky}</dataValidations>`)));
    expect(await partOf(safe, SHEET)).not.toContain("dataValidation ");
  });

  it("drops merged ranges over the cell budget or past the count limit", async () => {
    const merges = `<mergeCells><mergeCell ref="E1:F1"/><mergeCell ref="A10:XFD1048576"/><mergeCell ref="G1:H1"/><mergeCell ref="A:A"/><mergeCell ref="I1:J1"/></mergeCells>`;
    const safe = await preflightXlsx(await withPart(await realWorkbook(), SHEET, afterSheetData(merges)), { maxMergesPerSheet: 2 });
    const xml = await partOf(safe, SHEET);
    expect(xml).toContain('ref="E1:F1"');
    expect(xml).toContain('ref="G1:H1"');
    expect(xml).not.toContain("XFD1048576");
    expect(xml).not.toContain("I1:J1");
    // A whole-column merge is invalid and makes exceljs throw "Cannot merge already merged cells".
    expect(xml).not.toContain('ref="A:A"');
    // The kept merges add empty cells to row 1; the values themselves are untouched.
    expect(sheetValues(await loadWithExcelJs(safe)).map((row) => row.slice(0, 3))).toEqual(TRUSTS_ROWS);
  });

  it("clips column definitions past column XFD and drops ones that start past it", async () => {
    const cols = `<cols><col min="1" max="100000000" width="12" customWidth="1"/><col min="20000" max="30000" width="3"/></cols>`;
    const hostile = await withPart(await realWorkbook(), SHEET, (xml) => xml.replace("<sheetData>", `${cols}<sheetData>`));
    const safe = await preflightXlsx(hostile);
    const xml = await partOf(safe, SHEET);
    expect(xml).toContain('<col min="1" max="16384" width="12" customWidth="1"/>');
    expect(xml).not.toContain('min="20000"');
    const workbook = await loadWithExcelJs(safe);
    expect(sheetValues(workbook)).toEqual(TRUSTS_ROWS);
    expect(workbook.getWorksheet("Trusts")?.getColumn(1).width).toBe(12);
  });

  it("drops defined names covering too many cells and keeps small ones", async () => {
    const names = `<definedNames><definedName name="Statuses">Trusts!$C$2:$C$3</definedName><definedName name="Everything">Trusts!$A$1:$XFD$1048576</definedName><definedName name="Quoted">'Trusts'!$B$1:$B$1048576,Trusts!$A$1</definedName></definedNames>`;
    const hostile = await withPart(await realWorkbook(), WORKBOOK, (xml) => xml.replace("</sheets>", `</sheets>${names}`));
    const safe = await preflightXlsx(hostile);
    const xml = await partOf(safe, WORKBOOK);
    expect(xml).toContain('name="Statuses"');
    expect(xml).not.toContain('name="Everything"');
    expect(xml).not.toContain('name="Quoted"');
    const workbook = await loadWithExcelJs(safe);
    expect(workbook.definedNames.getRanges("Statuses").ranges).toEqual(["Trusts!$C$2:$C$3"]);
  });
});

describe("preflightXlsx on big used ranges", () => {
  it("passes a value in A1048576 unchanged, and exceljs reads it without filling a million rows", async () => {
    const lastRow = `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>last</t></is></c></row>`;
    const hostile = await withPart(await realWorkbook(), SHEET, (xml) =>
      xml.replace("</sheetData>", `${lastRow}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    );
    const safe = await preflightXlsx(hostile);
    expect(safe).toBe(hostile);
    const sheet = (await loadWithExcelJs(safe)).getWorksheet("Trusts");
    expect(sheet?.getCell("A1048576").value).toBe("last");
    expect(sheet?.actualRowCount).toBe(TRUSTS_ROWS.length + 1);
    let visited = 0;
    sheet?.eachRow(() => visited++);
    expect(visited).toBe(TRUSTS_ROWS.length + 1);
  });

  it("rejects a row numbered past Excel's last row", async () => {
    const hostile = await withPart(await realWorkbook(), SHEET, (xml) => xml.replace("</sheetData>", `<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>`));
    await expect(preflightXlsx(hostile)).rejects.toMatchObject({ reason: "out-of-range", message: expect.stringMatching(/row numbered 1,000,000,000, past Excel's last row \(1,048,576\)/) });
  });

  it("rejects a workbook with more cells than the limit", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<row r="${i + 10}">${"<c><v>1</v></c>".repeat(10)}</row>`).join("");
    const hostile = await withPart(await realWorkbook(), SHEET, (xml) => xml.replace("</sheetData>", `${rows}</sheetData>`));
    await expect(preflightXlsx(hostile, { maxCells: 1000 })).rejects.toMatchObject({ reason: "too-many-cells", message: expect.stringMatching(/more than 1,000 cells/) });
    // 9 cells in the header and two trusts, 1,000 added.
    await expect(preflightXlsx(hostile, { maxCells: 1009 })).resolves.toBe(hostile);
  });
});
