/**
 * The workbench's workbook made from what the reader read (XlsxGateway.fromWorkbookData): the values, sheet states,
 * hidden rows, settings, the add-in's sheet markers and the date system are the file's; what a save cannot keep is
 * named. The saved bytes are looked at as XML here; test/workbench/saveReopen.test.ts reopens them with the reader.
 */
import JSZip from "jszip";
import { errorValue } from "../../src/core/cells";
import { FIGURES_SETTING, figuresMarker } from "../../src/app/settings/ownedSheets";
import { STAMP_SHEET } from "../../src/core/returnSheets";
import { ownerNamesIn, sheetOwner } from "../../src/files/gateway/ownerNames";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { day, ownerName, readSheet, settingsSheet, workbookData } from "./workbookData";

async function partOf(bytes: Uint8Array, path: string): Promise<string> {
  const text = await (await JSZip.loadAsync(bytes)).file(path)?.async("string");
  if (text === undefined) throw new Error(`the saved workbook has no ${path}`);
  return text;
}

const TRUSTS = [
  ["Trust ODS code", "Trust name", "Go-live date", "Beds", "Live"],
  ["RZ2", "  Dale Valley  ", day("2021-04-01"), 420, true],
  [],
  ["RX1", "=not a formula", day("1999-12-31"), errorValue("#N/A"), false],
];

test("each sheet's values read back as the reader gave them, dates under a date format", async () => {
  const gateway = XlsxGateway.fromWorkbookData(workbookData([readSheet("Trusts", TRUSTS, "visible", [3, 7])]));
  expect(await gateway.readSheet("Trusts")).toEqual({ name: "Trusts", rows: TRUSTS, firstRow: 1, firstCol: 1, hiddenRows: [3, 7] });
  const ws = gateway.workbook.getWorksheet("Trusts");
  expect(ws?.getCell("C2").numFmt).toBe("dd/mm/yyyy");
  expect(ws?.getCell("D2").numFmt).toBeUndefined();
  expect(ws?.getCell("D4").value).toEqual({ error: "#N/A" });
});

test("sheet states are kept; the settings sheet stays very hidden and out of the list, and its settings read", async () => {
  const mapping = { Trusts: { A: "Trust ODS code" }, note: "Ünïcode ✓" };
  const data = workbookData([
    readSheet("ICS", [["ICS code", "QWE"]]),
    readSheet("Lists", [["Acute"]], "hidden"),
    settingsSheet({ "eprReturn.columns": mapping }),
    readSheet(STAMP_SHEET, [["EPR Return validation stamp"], ["hash", "abc123"], ["rows", 12]], "veryHidden"),
  ]);
  const gateway = XlsxGateway.fromWorkbookData(data);
  expect(await gateway.listSheets()).toEqual([
    { name: "ICS", visible: true },
    { name: "Lists", visible: false },
    { name: STAMP_SHEET, visible: false },
  ]);
  expect(gateway.workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
    ["ICS", "visible"],
    ["Lists", "hidden"],
    ["_epr_settings", "veryHidden"],
    [STAMP_SHEET, "veryHidden"],
  ]);
  expect(await gateway.loadSetting("eprReturn.columns")).toEqual(mapping);
  expect(await gateway.readSheet(STAMP_SHEET)).toMatchObject({ rows: [["EPR Return validation stamp"], ["hash", "abc123"], ["rows", 12]] });
});

test("the add-in's marker stays on its sheet: the figures go back to it, and the save writes the marker", async () => {
  const marker = figuresMarker("EPR Scores");
  const data = workbookData(
    [readSheet("Trusts", TRUSTS), readSheet("My scores", [["Figure", "Value"], ["old", 1]]), settingsSheet({ [FIGURES_SETTING]: { "EPR Scores": { name: "My scores" } } })],
    { definedNames: [ownerName("My scores", marker), { name: "_epr_owner", sheet: null, formula: '"not scoped"' }] },
  );
  const gateway = XlsxGateway.fromWorkbookData(data);
  const [trusts, scores] = gateway.workbook.worksheets;
  expect(trusts && sheetOwner(gateway.workbook, trusts)).toBeNull();
  expect(scores && sheetOwner(gateway.workbook, scores)).toBe(marker);

  expect(await gateway.writeFigures({ name: "EPR Scores", rows: [["Figure", "Value"], ["new", 2]] })).toBe("My scores");
  expect((await gateway.readSheet("My scores")).rows).toEqual([["Figure", "Value"], ["new", 2]]);
  expect(ownerNamesIn(await partOf(await gateway.toBuffer(), "xl/workbook.xml"))).toEqual(new Map([["My scores", marker]]));
});

test("a 1904 workbook is saved in the 1904 date system, its dates the same days", async () => {
  const gateway = XlsxGateway.fromWorkbookData(workbookData([readSheet("Dates", [[day("2024-02-29")]])], { date1904: true }));
  expect(gateway.workbook.properties.date1904).toBe(true);
  expect((await gateway.readSheet("Dates")).rows).toEqual([[day("2024-02-29")]]);
  const bytes = await gateway.toBuffer();
  expect(await partOf(bytes, "xl/workbook.xml")).toMatch(/<workbookPr[^>]*date1904="1"/);
  // 29 Feb 2024 is serial 45351 in the 1900 system, 1,462 days fewer from 1904.
  expect(await partOf(bytes, "xl/worksheets/sheet1.xml")).toMatch(/<c r="A1"[^>]*><v>43889<\/v><\/c>/);
});

test("lostOnSave names what the reader found beyond values, the user's defined names and renamed sheets", () => {
  const data = workbookData(
    [readSheet("Q1: totals/all", [[1]]), readSheet("history", [[2]]), readSheet("A sheet name longer than Excel allows", [[3]])],
    {
      format: "ods",
      beyondValues: ["formulas", "charts"],
      definedNames: [{ name: "Budget", sheet: null, formula: "'Q1: totals/all'!$A$1" }, ownerName("history", "EPR Return figures: EPR Scores")],
    },
  );
  const gateway = XlsxGateway.fromWorkbookData(data);
  expect(gateway.workbook.worksheets.map((ws) => ws.name)).toEqual(["Q1_ totals_all", "history (2)", "A sheet name longer than Excel"]);
  expect(gateway.lostOnSave()).toEqual([
    "formulas",
    "charts",
    "defined names",
    'the sheet name "Q1: totals/all" (Excel does not allow it: saved as "Q1_ totals_all")',
    'the sheet name "history" (Excel does not allow it: saved as "history (2)")',
    'the sheet name "A sheet name longer than Excel allows" (Excel does not allow it: saved as "A sheet name longer than Excel")',
  ]);
  // The marker follows its sheet under the new name.
  const renamed = gateway.workbook.getWorksheet("history (2)");
  expect(renamed && sheetOwner(gateway.workbook, renamed)).toBe("EPR Return figures: EPR Scores");
});

test("the add-in's own markers are kept, so they are not named as defined names the save loses", () => {
  const marked = { beyondValues: ["defined names"], definedNames: [ownerName("Trusts", figuresMarker("EPR Scores"))] };
  expect(XlsxGateway.fromWorkbookData(workbookData([readSheet("Trusts", TRUSTS)], marked)).lostOnSave()).toEqual([]);
  const unlisted = { beyondValues: ["defined names"], definedNames: [] };
  expect(XlsxGateway.fromWorkbookData(workbookData([readSheet("Trusts", TRUSTS)], unlisted)).lostOnSave()).toEqual(["defined names"]);
});

test("a workbook with values only loses nothing on save; nor does a blank one", () => {
  expect(XlsxGateway.fromWorkbookData(workbookData([readSheet("Trusts", TRUSTS)], { format: "csv" })).lostOnSave()).toEqual([]);
  expect(XlsxGateway.blank().lostOnSave()).toEqual([]);
});

test("a sheet left unread cannot make a workbook", () => {
  const data = workbookData([{ name: "Trusts", state: "visible", grid: null }]);
  expect(() => XlsxGateway.fromWorkbookData(data)).toThrow('The sheet "Trusts" was left unread');
});
