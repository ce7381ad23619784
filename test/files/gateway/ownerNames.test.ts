/**
 * The add-in's sheet marker (the sheet-scoped name `_epr_owner`, app/settings/ownedSheets.ts) through .xlsx bytes: exceljs
 * alone loses it, the workbench carries it (the reader reads it, src/files/gateway/ownerNames.ts writes it back), and
 * writeFigures follows it as the Office gateway does (test/office/figuresOwner.test.ts).
 */
import ExcelJS from "exceljs";
import { FIGURES_SETTING, OWNER_NAME } from "../../../src/app/settings/ownedSheets";
import { ownerNamesIn, withOwnerNames } from "../../../src/files/gateway/ownerNames";
import { writeSetting } from "../../../src/files/gateway/settingsSheet";
import { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { loadExcelJs } from "../../helpers/excelJsModel";
import { openInWorkbench } from "../../helpers/readBack";
import { partText, WORKBOOK, withPart } from "../../helpers/zipBuild";
import { sheetOf } from "./helpers";

const SCORES_MARKER = '"EPR Return figures: EPR Scores"';
const figures = { name: "EPR Scores", rows: [["Trusts", 13]] };

const workbookXml = (bytes: Uint8Array): string => partText(bytes, WORKBOOK);

/** The bytes with `definedNames` (raw XML, as Excel writes it) put into xl/workbook.xml. */
function withDefinedNames(bytes: Uint8Array, definedNames: string): Uint8Array {
  return withPart(bytes, WORKBOOK, (xml) => xml.replace("</sheets>", `</sheets><definedNames>${definedNames}</definedNames>`));
}

/** A workbook as Excel would save it: sheets with a value each, the figures record, and Excel's marker names. */
async function excelSaved(sheets: readonly string[], record: unknown, definedNames: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const name of sheets) workbook.addWorksheet(name).getCell("B1").value = `old ${name}`;
  if (record !== undefined) writeSetting(workbook, FIGURES_SETTING, record);
  return withDefinedNames(new Uint8Array(await workbook.xlsx.writeBuffer()), definedNames);
}

const marker = (index: number, text = SCORES_MARKER): string => `<definedName name="${OWNER_NAME}" localSheetId="${index}">${text}</definedName>`;

describe("the sheet marker in .xlsx bytes", () => {
  it("exceljs alone drops a sheet-scoped name that is a text constant (why ownerNames.ts exists)", async () => {
    const bytes = await excelSaved(["Trusts", "EPR Scores"], undefined, marker(1));
    expect(ownerNamesIn(workbookXml(bytes))).toEqual(new Map([["EPR Scores", "EPR Return figures: EPR Scores"]]));
    const workbook = await loadExcelJs(bytes);
    expect(workbook.definedNames.model).toEqual([]);
    const saved = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(workbookXml(saved)).not.toContain(OWNER_NAME);
  });

  it("the gateway writes the marker as Excel does: scoped to the sheet's index, with a comment", async () => {
    const gateway = XlsxGateway.blank();
    gateway.workbook.addWorksheet("After");
    await gateway.writeFigures(figures);
    const xml = workbookXml(await gateway.toBuffer());
    expect(xml).toMatch(/<definedName name="_epr_owner" localSheetId="2" comment="EPR Return: [^"]+">"EPR Return figures: EPR Scores"<\/definedName>/);
    expect(ownerNamesIn(xml)).toEqual(new Map([["EPR Scores", "EPR Return figures: EPR Scores"]]));
  });

  it("keeps the marker of a sheet Excel made through open and save, without writing figures (the command line's stamp)", async () => {
    const bytes = await excelSaved(["Trusts", "EPR Scores"], { "EPR Scores": { name: "EPR Scores" } }, marker(1));
    const resaved = await (await openInWorkbench(bytes)).toBuffer();
    const gateway = await openInWorkbench(resaved);
    await expect(gateway.writeFigures(figures)).resolves.toBe("EPR Scores");
    expect((await gateway.listSheets()).map((s) => s.name)).toEqual(["Trusts", "EPR Scores"]);
    expect((await gateway.readSheet("EPR Scores")).rows).toEqual(figures.rows);
  });

  it("follows a sheet Excel renamed (its record still has the old name), and records the new name", async () => {
    const bytes = await excelSaved(["Trusts", "Scores 2024"], { "EPR Scores": "{00000000-0001-0000-0001-000000000000}" }, marker(1, "&quot;EPR Return figures: EPR Scores&quot;"));
    const gateway = await openInWorkbench(bytes);
    await expect(gateway.writeFigures(figures)).resolves.toBe("Scores 2024");
    expect((await gateway.readSheet("Scores 2024")).rows).toEqual(figures.rows);
    await expect(gateway.loadSetting(FIGURES_SETTING)).resolves.toEqual({ "EPR Scores": { name: "Scores 2024" } });
  });

  it("a copy the user made in Excel (two marked sheets) keeps its cells: only the one the record names is replaced", async () => {
    const bytes = await excelSaved(["EPR Scores", "EPR Scores (2)"], { "EPR Scores": { name: "EPR Scores" } }, marker(0) + marker(1));
    const gateway = await openInWorkbench(bytes);
    await expect(gateway.writeFigures(figures)).resolves.toBe("EPR Scores");
    expect((await gateway.readSheet("EPR Scores (2)")).rows).toEqual([[null, "old EPR Scores (2)"]]);
    // Saved again, both keep their markers (the copy's too: it is still a copy of the add-in's sheet).
    const reopened = await openInWorkbench(await gateway.toBuffer());
    expect(ownerNamesIn(workbookXml(await reopened.toBuffer()))).toEqual(new Map([
      ["EPR Scores", "EPR Return figures: EPR Scores"],
      ["EPR Scores (2)", "EPR Return figures: EPR Scores"],
    ]));
  });

  it("two marked sheets, neither the recorded one: neither is touched, a new sheet is made", async () => {
    const bytes = await excelSaved(["Renamed", "Copy"], { "EPR Scores": { name: "EPR Scores" } }, marker(0) + marker(1));
    const gateway = await openInWorkbench(bytes);
    await expect(gateway.writeFigures(figures)).resolves.toBe("EPR Scores");
    expect((await gateway.readSheet("Renamed")).rows).toEqual([[null, "old Renamed"]]);
    expect((await gateway.readSheet("Copy")).rows).toEqual([[null, "old Copy"]]);
  });

  it("a marker for other figures, a workbook-scoped one or one on no sheet marks nothing", async () => {
    const xml = withOwnerNames('<workbook><sheets><sheet name="A"/><sheet name="B"/></sheets></workbook>', new Map([["B", "EPR Return figures: EPR Export"]]));
    expect(ownerNamesIn(xml)).toEqual(new Map([["B", "EPR Return figures: EPR Export"]]));
    const stray = `<definedName name="${OWNER_NAME}">${SCORES_MARKER}</definedName>${marker(7)}`;
    const gateway = await openInWorkbench(await excelSaved(["EPR Scores"], undefined, stray));
    await expect(gateway.writeFigures(figures)).resolves.toBe("EPR Scores (2)");
    expect(sheetOf(gateway, "EPR Scores").getCell("B1").value).toBe("old EPR Scores");
  });
});
