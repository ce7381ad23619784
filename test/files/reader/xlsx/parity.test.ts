/**
 * Parity with the exceljs-based reading it replaced (exceljs loading the file, src/files/read.ts sheetToGrid), kept
 * as an independent reference, on the real example workbooks: the same sheets, states and grids, hidden rows included. exceljs wrote these
 * files, so none of its reading bugs (issue 10: 1904 as "true", escaped literals taken for dates, prefixed
 * namespaces, missing r, t="d", odd part names) come into play, and no table here has a totals row
 * (exceljs would keep one in the grid; this reader leaves it out).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { sheetToGrid } from "../../../../src/files/read";
import { readXlsx } from "../../../../src/files/reader/xlsx";
import { loadExcelJs } from "../../../helpers/excelJsModel";

const EXAMPLES = join(__dirname, "../../../../examples");
const files = readdirSync(EXAMPLES).filter((name) => /\.xlsx$/.test(name));

describe.each(files)("examples/%s", (file) => {
  it("reads the same sheets and grids as the exceljs reader", async () => {
    const bytes = new Uint8Array(readFileSync(join(EXAMPLES, file)));
    const ours = await readXlsx(bytes);
    const theirs = await loadExcelJs(bytes);
    expect(ours.sheets.map((s) => [s.name, s.state])).toEqual(theirs.worksheets.map((ws) => [ws.name, ws.state ?? "visible"]));
    for (const [index, ws] of theirs.worksheets.entries()) {
      const grid = sheetToGrid(ws);
      const mine = ours.sheets[index]?.grid;
      expect(mine?.rows.length).toBe(grid.rows.length);
      // Row by row, so that a difference names its row.
      for (let r = 0; r < grid.rows.length; r++) expect({ sheet: ws.name, row: r + 1, cells: mine?.rows[r] }).toEqual({ sheet: ws.name, row: r + 1, cells: grid.rows[r] });
      expect(mine?.hiddenRows).toEqual(grid.hiddenRows);
    }
    expect(ours.date1904).toBe(false);
  });
});

it("finds example workbooks to compare", () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});
