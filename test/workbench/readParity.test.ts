/**
 * The workbench half of the parity test (issue 10: one reader for every host): each example opened through the
 * workbench's path (session.openWorkbook: the reader, then the exceljs gateway made from its result) gives the grid the
 * reader gives, for every sheet, hidden ones and the add-in's own included, and the same grid to the workbench's view.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetData } from "../../src/core/cells";
import { SETTINGS_SHEET, sameSheetName } from "../../src/core/returnSheets";
import { sheetToGrid } from "../../src/files/read";
import { readWorkbookBytes } from "../../src/files/reader";
import { gridSheet } from "../../src/workbench/gridModel";
import { openWorkbook, readGridSheet, type XlsxGateway } from "../../src/workbench/session";

const EXAMPLES = join(__dirname, "..", "..", "examples");
const examples = readdirSync(EXAMPLES).filter((name) => name.endsWith(".xlsx"));

/** The same grid, whether hidden rows are left out or listed as none. */
function comparable(grid: SheetData): SheetData {
  return { ...grid, hiddenRows: grid.hiddenRows ?? [] };
}

/** The sheet as the workbench's gateway reads it (the settings sheet, which it keeps from its callers, directly). */
async function gatewayGrid(gateway: XlsxGateway, name: string): Promise<SheetData> {
  if (!sameSheetName(name, SETTINGS_SHEET)) return gateway.readSheet(name);
  const ws = gateway.workbook.getWorksheet(name);
  if (!ws) throw new Error(`the workbench's workbook has no sheet "${name}"`);
  return sheetToGrid(ws);
}

test("the examples are there to compare", () => {
  expect(examples).toEqual(expect.arrayContaining(["clean-ics-return.xlsx", "mid-plan-return.xlsx", "trust-adhoc-sheet.xlsx"]));
});

describe.each(examples)("%s", (fileName) => {
  const bytes = readFileSync(join(EXAMPLES, fileName));

  test("every sheet: the workbench's grid is the reader's", async () => {
    const read = await readWorkbookBytes(new Uint8Array(bytes), { fileName });
    const gateway = await openWorkbook(bytes, fileName);
    expect(gateway.workbook.worksheets.map((ws) => ({ name: ws.name, state: ws.state }))).toEqual(read.sheets.map((s) => ({ name: s.name, state: s.state })));
    for (const sheet of read.sheets) {
      if (sheet.grid === null) throw new Error(`the reader left "${sheet.name}" unread`);
      expect(comparable(await gatewayGrid(gateway, sheet.name))).toEqual(comparable(sheet.grid));
      if (!sameSheetName(sheet.name, SETTINGS_SHEET)) expect(await readGridSheet(gateway, sheet.name)).toEqual(gridSheet(sheet.grid, []));
    }
  });
});
