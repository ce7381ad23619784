/**
 * Reading a sheet: one Excel.run, one context.sync() — the used range's address,
 * values, valueTypes and number formats come back together, whatever the row count,
 * with the workbook's date system (dateSystem.ts) to read date cells by.
 * Only when Excel refuses the response for its size (Excel on the web: 5 MB) is the
 * sheet read again in row blocks of READ_BLOCK_CELLS cells, one sync per block.
 */
import type { SheetData } from "../core/cells";
import { blockRange, parseRangeBounds } from "../core/sheet/addresses";
import { queueDateSystemProbe } from "./dateSystem";
import { isPayloadTooLarge } from "./errors";
import { emptySheetData, joinRowBlocks, sheetDataFromRange } from "./grid";
import type { OfficeHost } from "./host";

const READ_PROPERTIES = ["address", "values", "valueTypes", "numberFormat"];
/** Cells per block in the fallback: ~25,000 cells stay under 4 MB unless cells average over 160 bytes. */
export const READ_BLOCK_CELLS = 25_000;

export async function readSheet(host: OfficeHost, name: string): Promise<SheetData> {
  try {
    return await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      // The workbook's own spelling of the name (Excel finds "trusts" for "Trusts"), in the same sync.
      sheet.load("name");
      // valuesOnly: cells that only carry formatting do not widen the grid.
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(READ_PROPERTIES);
      // Date cells are serials of the workbook's date system (1900 or 1904): found in the same sync.
      const probe = queueDateSystemProbe(context);
      await context.sync();
      return used.isNullObject ? emptySheetData(sheet.name) : sheetDataFromRange(sheet.name, used, probe());
    });
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    return readSheetInBlocks(host, name);
  }
}

/** The fallback: 1 sync for the used range's address, then 1 per block of rows. */
export async function readSheetInBlocks(host: OfficeHost, name: string): Promise<SheetData> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address");
    const probe = queueDateSystemProbe(context);
    await context.sync();
    if (used.isNullObject) return emptySheetData(sheet.name);
    const dateSystem = probe();
    const bounds = parseRangeBounds(used.address);
    if (!bounds) throw new Error(`Excel returned a range address the add-in cannot read: "${used.address}".`);
    const cols = bounds.lastCol - bounds.firstCol + 1;
    const rowsPerBlock = Math.max(1, Math.floor(READ_BLOCK_CELLS / cols));
    const blocks: SheetData[] = [];
    for (let row = bounds.firstRow; row <= bounds.lastRow; row += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, bounds.lastRow - row + 1);
      const range = sheet.getRange(blockRange(row, bounds.firstCol, rows, cols));
      range.load(READ_PROPERTIES);
      await context.sync();
      blocks.push(sheetDataFromRange(sheet.name, range, dateSystem));
    }
    return joinRowBlocks(sheet.name, blocks);
  });
}
