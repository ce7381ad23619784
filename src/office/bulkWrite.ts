/**
 * Replays WriteBlocks into Excel in payload-sized chunks, one context.sync() per chunk.
 * During the writes Excel's calculation is suspended (each chunk) and this add-in's
 * events are off (so our own onChanged handlers do not fire for our writes); both are
 * restored in a final sync, which also recalculates what the writes made dirty.
 */
import { blockAddress, type WriteBlock, type WriteScalar } from "./chunks";

export interface ChunkedWrite {
  readonly chunks: readonly (readonly WriteBlock[])[];
  /** Queued before the first chunk (e.g. adding sheets). */
  readonly before?: () => void;
  /** Queued after the last chunk, in its sync (formatting, tables, validations). */
  readonly after?: () => void;
  /** Where a block's sheet name leads; defaults to worksheets.getItem. */
  readonly sheetOf?: (name: string) => Excel.Worksheet;
  /** runtime.enableEvents exists (ExcelApi 1.8). */
  readonly canPauseEvents: boolean;
}

/** Sync count: max(1, chunks) + 1 (the restore). */
export async function writeInChunks(context: Excel.RequestContext, write: ChunkedWrite): Promise<void> {
  const app = context.workbook.application;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string): Excel.Worksheet => {
    const known = sheets.get(name);
    if (known) return known;
    const sheet = write.sheetOf ? write.sheetOf(name) : context.workbook.worksheets.getItem(name);
    sheets.set(name, sheet);
    return sheet;
  };
  const chunks = write.chunks.length > 0 ? write.chunks : [[]];
  let failure: { error: unknown } | null = null;
  try {
    if (write.canPauseEvents) context.runtime.enableEvents = false;
    write.before?.();
    for (const [index, chunk] of chunks.entries()) {
      app.suspendApiCalculationUntilNextSync();
      for (const block of chunk) applyBlock(sheetOf(block.sheet).getRange(blockAddress(block)), block);
      if (index === chunks.length - 1) write.after?.();
      await context.sync();
    }
  } catch (error) {
    failure = { error };
  }
  try {
    if (write.canPauseEvents) context.runtime.enableEvents = true;
    app.calculate("Recalculate");
    await context.sync();
  } catch (restoreError) {
    // When the writes failed too, their error is the one the user must see; else this one.
    if (failure === null) throw restoreError;
  }
  if (failure !== null) throw failure.error;
}

function applyBlock(range: Excel.Range, block: WriteBlock): void {
  // Office.js types these as mutable any[][]; the arrays are not changed after this. A fill sends its one value as it
  // is, which Excel applies to every cell of the range (chunks.ts WriteBlock.fill); the types know only arrays.
  const data = (block.fill ? block.data[0]?.[0] : block.data) as WriteScalar[][];
  switch (block.kind) {
    case "values":
      range.values = data;
      break;
    case "formulas":
      range.formulas = data;
      break;
    case "numberFormat":
      range.numberFormat = data;
      break;
  }
}
