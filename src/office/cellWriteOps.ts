/**
 * Writing values into the user's cells (Fix all, Merge's replacements): one Excel.run, one undo step where Excel can
 * merge them (host.ts). Sync 1 loads the number formats of the cells about to be written, so text goes into a cell
 * formatted as Text ("@") as it is and everywhere else with Excel's text prefix (chunks.ts textInput); then the
 * values go in payload-sized chunks (one sync in practice) and a last sync turns events back on and recalculates:
 * 3 syncs, whatever the number of writes.
 */
import type { CellWrite } from "../app/gateway";
import { checkCellWrites, type CheckedWrite } from "../app/cellWrites";
import { blockRange } from "../core/sheet/addresses";
import { writeInChunks } from "./bulkWrite";
import { blocksFromCellWrites, chunkBlocks } from "./chunks";
import type { OfficeHost } from "./host";

/** Rows further apart than this in one column are loaded as separate ranges (so A2 and A900000 load 2 cells, not 900,000). */
const SPAN_GAP = 500;

/** A column's rows from `first` to `last`, whose number formats are loaded in one range. */
export interface FormatSpan {
  readonly col: number;
  readonly first: number;
  readonly last: number;
}

/** The written cells as few column spans: rows of a column closer than SPAN_GAP share one. Pure. */
export function formatSpans(cells: readonly Pick<CheckedWrite, "row" | "col">[]): FormatSpan[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) byCol.set(col, [...(byCol.get(col) ?? []), row]);
  const spans: FormatSpan[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let first = sorted[0] ?? 1;
    let last = first;
    for (const row of sorted.slice(1)) {
      if (row - last > SPAN_GAP) {
        spans.push({ col, first, last });
        first = row;
      }
      last = row;
    }
    spans.push({ col, first, last });
  }
  return spans;
}

export async function writeCells(host: OfficeHost, sheet: string, writes: readonly CellWrite[]): Promise<void> {
  const canPauseEvents = host.isSetSupported("ExcelApi", "1.8");
  // All or nothing, as every gateway: a write no cell can hold is refused before Excel sees any.
  const cells = checkCellWrites(sheet, writes);
  await host.run(
    async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const loaded = formatSpans(cells).map((span) => ({ span, range: worksheet.getRange(blockRange(span.first, span.col, span.last - span.first + 1, 1)).load("numberFormat") }));
      await context.sync();
      const formatAt = (row: number, col: number): unknown => {
        const found = loaded.find(({ span }) => span.col === col && row >= span.first && row <= span.last);
        return found ? found.range.numberFormat[row - found.span.first]?.[0] : undefined;
      };
      await writeInChunks(context, { chunks: chunkBlocks(blocksFromCellWrites(sheet, cells, formatAt)), canPauseEvents, sheetOf: () => worksheet });
    },
    { oneUndoStep: true },
  );
}
