/**
 * Appending trust rows to a sheet's table (the Merge view). One Excel.run: sync 1 finds the sheet's tables,
 * sync 2 loads the first table's header and data body; then the plan (trustRowsPlan.ts) is replayed in
 * payload-sized chunks, one sync each: the Source column first (table.columns.add), the table's trailing
 * blank rows filled, then table.rows.add(undefined, values) for the rest, then date formats; a last sync turns
 * events back on and recalculates. So 10 rows and 1,000 rows both take 4 syncs; only megabytes add one.
 */
import type { CellValue } from "../core/cells";
import { SOURCE_HEADER } from "../core/headers";
import type { AppendedTrustRows, AppendTrustRowsOptions } from "../app/gateway";
import { blockRange } from "../core/sheet/addresses";
import { blockAddress, chunkBlocks, TEXT_FORMAT, type WriteBlock, type WriteScalar } from "./chunks";
import { queueDateSystemProbe } from "./dateSystem";
import type { OfficeHost } from "./host";
import { planTrustAppend } from "./trustRowsPlan";

export async function appendTrustRows(host: OfficeHost, sheet: string, rows: readonly (readonly CellValue[])[], options: AppendTrustRowsOptions): Promise<AppendedTrustRows> {
  const canPauseEvents = host.isSetSupported("ExcelApi", "1.8");
  return host.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    const tables = worksheet.tables.load("items/name");
    await context.sync();
    const table = tables.items[0];
    if (!table) throw new Error(`The sheet "${sheet}" has no table to add the rows to: insert the template (Template tab) and use its Trusts sheet.`);
    const header = table.getHeaderRowRange().load(["address", "values"]);
    // The body's number formats too: text goes into a Text-formatted cell without the text prefix (chunks.ts textInput).
    const body = table.getDataBodyRange().load(["address", "values", "numberFormat"]);
    // Dates are written as serials of the workbook's date system, found in the same sync.
    const dateSystem = queueDateSystemProbe(context);
    await context.sync();

    const loaded = { headerAddress: header.address, headerValues: header.values, bodyAddress: body.address, bodyValues: body.values, bodyNumberFormats: body.numberFormat, dateSystem: dateSystem() };
    const plan = planTrustAppend(sheet, loaded, rows, options);
    const growStart = plan.grow?.row ?? Number.POSITIVE_INFINITY;
    const apply = (block: WriteBlock): void => {
      // Office.js types these as mutable any[][]; the arrays are not changed after this.
      const data = block.data as WriteScalar[][];
      if (block.kind === "values" && block.row >= growStart) {
        table.rows.add(undefined, data);
        // Text columns: Text format on the new rows, then their values again, so they hold the text as written.
        for (const col of plan.growTextColumns) {
          const range = worksheet.getRange(blockRange(block.row, col, data.length, 1));
          range.numberFormat = TEXT_FORMAT as unknown as string[][]; // one value for every cell (chunks.ts WriteBlock.fill)
          range.values = data.map((row) => [row[col - block.col] ?? ""]);
        }
      } else if (block.kind === "values") worksheet.getRange(blockAddress(block)).values = data;
      else worksheet.getRange(blockAddress(block)).numberFormat = data;
    };
    const chunks = chunkBlocks([...plan.fill, ...(plan.grow ? [plan.grow] : []), ...plan.formats]);
    await replayChunks(context, chunks.length > 0 ? chunks : [[]], canPauseEvents, {
      before: () => {
        if (plan.addSourceColumn) table.columns.add(undefined, undefined, SOURCE_HEADER);
      },
      apply,
    });
    return { firstRow: plan.firstRow, lastRow: plan.lastRow, sourceColumnAdded: plan.addSourceColumn, sourceColumn: plan.sourceColumn };
  }, { oneUndoStep: true });
}

/**
 * As bulkWrite.ts's writeInChunks, with table rows among the blocks: calculation suspended per chunk and
 * this add-in's events off during the writes, both restored in a final sync, which runs even after a failure.
 */
async function replayChunks(
  context: Excel.RequestContext,
  chunks: readonly (readonly WriteBlock[])[],
  canPauseEvents: boolean,
  steps: { readonly before: () => void; readonly apply: (block: WriteBlock) => void },
): Promise<void> {
  const app = context.workbook.application;
  let failure: { error: unknown } | null = null;
  try {
    if (canPauseEvents) context.runtime.enableEvents = false;
    steps.before();
    for (const chunk of chunks) {
      app.suspendApiCalculationUntilNextSync();
      for (const block of chunk) steps.apply(block);
      await context.sync();
    }
  } catch (error) {
    failure = { error };
  }
  try {
    if (canPauseEvents) context.runtime.enableEvents = true;
    app.calculate("Recalculate");
    await context.sync();
  } catch (restoreError) {
    // When the writes failed too, their error is the one the user must see; else this one.
    if (failure === null) throw restoreError;
  }
  if (failure !== null) throw failure.error;
}
