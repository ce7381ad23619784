/**
 * The workbench's whole round: a file read by the reader (session.openWorkbook), saved (the gateway's toBuffer) and
 * opened again keeps its values, dates (in either date system), sheet states, the add-in's settings and its sheet
 * marker. A file with formulas and a chart is said to lose them on save; a file of values only is not.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { errorValue } from "../../src/core/cells";
import { FIGURES_SETTING, figuresMarker } from "../../src/app/settings/ownedSheets";
import { SETTINGS_SHEET, STAMP_SHEET } from "../../src/core/returnSheets";
import { sheetOwner } from "../../src/files/gateway/ownerNames";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { readWorkbookBytes } from "../../src/files/reader";
import { openWorkbook } from "../../src/workbench/session";
import { day, ownerName, readSheet, settingsSheet, workbookData } from "./workbookData";

async function excelJsBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function rezipped(bytes: Uint8Array, change: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function textPart(zip: JSZip, path: string): Promise<string> {
  const text = await zip.file(path)?.async("string");
  if (text === undefined) throw new Error(`no ${path} in the workbook`);
  return text;
}

const CHART_NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DRAWING_NS = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"';
const RELS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A bar chart of Sheet1!B1:B2 on the first sheet, as Excel lays one out: sheet → drawing → chart. */
async function withChart(bytes: Uint8Array): Promise<Uint8Array> {
  return rezipped(bytes, async (zip) => {
    zip.file(
      "xl/charts/chart1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace ${CHART_NS}><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Sheet1!$B$1:$B$2</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
    );
    zip.file(
      "xl/drawings/drawing1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr ${DRAWING_NS}><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    );
    zip.file("xl/drawings/_rels/drawing1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships ${RELS_NS}><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`);
    zip.file("xl/worksheets/_rels/sheet1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships ${RELS_NS}><Relationship Id="rIdChart" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
    const sheet = await textPart(zip, "xl/worksheets/sheet1.xml");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace("</worksheet>", '<drawing r:id="rIdChart"/></worksheet>'));
    const types = await textPart(zip, "[Content_Types].xml");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
      ),
    );
  });
}

test("saving and opening again keeps values, dates, sheet states, settings and the add-in's marker", async () => {
  const marker = figuresMarker("EPR Scores");
  const trusts = [["Trust ODS code", "Trust name", "Go-live date", "Beds", "Live"], ["RZ2", "  Dale Valley  ", day("2021-04-01"), 420.5, true], [], ["RX1", "x", day("1999-12-31"), errorValue("#N/A"), false]];
  const settings = { [FIGURES_SETTING]: { "EPR Scores": { name: "EPR Scores" } }, "eprReturn.columns": { A: "Trust ODS code", note: "Ünïcode ✓" } };
  const original = workbookData(
    [
      readSheet("Trusts", trusts, "visible", [2, 3]),
      readSheet("Lists", [["Acute"], ["Community"]], "hidden"),
      readSheet("EPR Scores", [["Figure", "Value"], ["Trusts", 2]]),
      settingsSheet(settings),
      readSheet(STAMP_SHEET, [["EPR Return validation stamp"], ["hash", "abc123"]], "veryHidden"),
    ],
    { definedNames: [ownerName("EPR Scores", marker)] },
  );
  const saved = await XlsxGateway.fromWorkbookData(original).toBuffer();

  const reread = await readWorkbookBytes(saved, { fileName: "saved.xlsx" });
  expect(reread.date1904).toBe(false);
  expect(reread.sheets.map((s) => [s.name, s.state])).toEqual(original.sheets.map((s) => [s.name, s.state]));
  for (const [i, sheet] of original.sheets.entries()) expect(reread.sheets[i]?.grid).toMatchObject({ name: sheet.name, rows: sheet.grid?.rows });
  // exceljs writes no row without cells, hidden or not: the empty hidden row 3 is gone, which changes no value.
  expect(reread.sheets[0]?.grid?.hiddenRows).toEqual([2]);
  expect(reread.definedNames).toContainEqual(expect.objectContaining({ name: "_epr_owner", sheet: "EPR Scores" }));

  const reopened = await openWorkbook(saved, "saved.xlsx");
  // The date cells' number format is the only formatting the save wrote (the reader cannot tell it from others).
  expect(reopened.lostOnSave()).toEqual(["cell formatting"]);
  for (const [key, value] of Object.entries(settings)) expect(await reopened.loadSetting(key)).toEqual(value);
  expect(reopened.workbook.getWorksheet(SETTINGS_SHEET)?.state).toBe("veryHidden");
  const scores = reopened.workbook.getWorksheet("EPR Scores");
  expect(scores && sheetOwner(reopened.workbook, scores)).toBe(marker);
});

test.each([
  ["as Excel writes it", "1"],
  ["as LibreOffice writes it", "true"],
])("a 1904 workbook (%s) opens, saves and opens again with the same days", async (_producer, flag) => {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = true;
  const ws = workbook.addWorksheet("Dates");
  ws.getCell("A1").value = day("2024-02-29");
  ws.getCell("A1").numFmt = "dd/mm/yyyy";
  ws.getCell("B1").value = 45_000;
  const bytes = await rezipped(await excelJsBytes(workbook), async (zip) => {
    const xml = await textPart(zip, "xl/workbook.xml");
    zip.file("xl/workbook.xml", xml.replace(/date1904="1"/, `date1904="${flag}"`));
  });

  const opened = await openWorkbook(bytes, "dates.xlsx");
  expect((await opened.readSheet("Dates")).rows).toEqual([[day("2024-02-29"), 45_000]]);
  const saved = await opened.toBuffer();
  const reread = await readWorkbookBytes(saved, { fileName: "saved.xlsx" });
  expect(reread.date1904).toBe(true);
  expect(reread.sheets[0]?.grid?.rows).toEqual([[day("2024-02-29"), 45_000]]);
});

test("a file with formulas and a chart: the save is said to lose them", async () => {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Sheet1");
  ws.getCell("A1").value = "Beds";
  ws.getCell("B1").value = 2;
  ws.getCell("B2").value = { formula: "B1*2", result: 4 };
  const opened = await openWorkbook(await withChart(await excelJsBytes(workbook)), "charted.xlsx");
  expect((await opened.readSheet("Sheet1")).rows).toEqual([["Beds", 2], [null, 4]]);
  expect(opened.lostOnSave()).toEqual(expect.arrayContaining(["formulas", "charts"]));
});

test("a file of values only (the workbench's own save among them) loses nothing on save", async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Trusts").addRows([["Trust ODS code", "Beds"], ["RZ2", 420]]);
  expect((await openWorkbook(await excelJsBytes(workbook), "plain.xlsx")).lostOnSave()).toEqual([]);
  const csv = new TextEncoder().encode("Trust ODS code,Beds\r\nRZ2,420\r\n");
  expect((await openWorkbook(csv, "plain.csv")).lostOnSave()).toEqual([]);
});
