/**
 * The validation stamp sheet over Office.js: `_epr_stamp`, very hidden, with the rows of the core's layout
 * (src/core/stamp/sheetLayout.ts) from A1, as `epr-return stamp` writes it. An earlier stamp sheet is cleared
 * and reused. Syncs: 1 (sheet list) + chunks (1 for any real stamp) + 1 (restore).
 */
import { STAMP_SHEET } from "../core/returnSheets";
import type { StampSheetCell } from "../app/gateway";
import { writeInChunks } from "./bulkWrite";
import { chunkBlocks, excelInput, type WriteBlock, type WriteScalar } from "./chunks";
import type { OfficeHost } from "./host";

/**
 * Every text gets the text prefix (excelInput): the ISO time stamp, versions and hashes included, so `verify` reads
 * back exactly what was written. The sheet is new, or cleared of its formats, so no cell is formatted as Text.
 */
export function stampCellInput(value: StampSheetCell): WriteScalar {
  return excelInput(value);
}

export function stampBlock(rows: readonly (readonly StampSheetCell[])[]): WriteBlock | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return null;
  const data = rows.map((r) => Array.from({ length: width }, (_, c) => stampCellInput(r[c] ?? null)));
  return { sheet: STAMP_SHEET, row: 1, col: 1, kind: "values", data };
}

export async function writeStampSheet(host: OfficeHost, rows: readonly (readonly StampSheetCell[])[]): Promise<void> {
  const canPauseEvents = host.isSetSupported("ExcelApi", "1.8");
  await host.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const existing = worksheets.items.find((s) => s.name.toLowerCase() === STAMP_SHEET.toLowerCase());
    const sheet = existing ?? worksheets.add(STAMP_SHEET);
    if (existing) existing.getRange().clear("All");
    const block = stampBlock(rows);
    await writeInChunks(context, {
      chunks: chunkBlocks(block ? [block] : []),
      canPauseEvents,
      sheetOf: () => sheet,
      after: () => {
        sheet.visibility = "VeryHidden";
      },
    });
  }, { oneUndoStep: true, setsVisibility: true });
}
