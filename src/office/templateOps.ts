/**
 * Inserting the template: one Excel.run, one undo step where Excel can (host.ts). Sync 1 reads the sheet, table and
 * defined names (to refuse a plan that would now replace a sheet, and to pick table names no table or defined name
 * has); then the sheets are added and filled in payload-sized chunks (one sync for the real template: about 40 KB,
 * each formula column sent once, templateRender.ts) and a final sync restores events and recalculates: three syncs in
 * all. Should any of it fail, the sheets it added are deleted again (two syncs more) and the error reported.
 */
import type { TemplatePlan } from "../app/gateway";
import type { TemplateSpec } from "../core/template/types";
import { blockRange, columnRange } from "../core/sheet/addresses";
import { writeInChunks } from "./bulkWrite";
import { chunkBlocks } from "./chunks";
import { describeOfficeError } from "./errors";
import type { OfficeHost } from "./host";
import { planSheetNames } from "../core/sheet/sheetNames";
import { renderTemplate, type RenderedSheet } from "./templateRender";

export async function planTemplate(host: OfficeHost, spec: TemplateSpec): Promise<TemplatePlan> {
  const names = await host.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
  return planSheetNames(spec.sheets.map((s) => s.name), names);
}

export async function insertTemplate(host: OfficeHost, spec: TemplateSpec, plan: TemplatePlan): Promise<void> {
  const canPauseEvents = host.isSetSupported("ExcelApi", "1.8");
  // The workbook's sheet names before anything was added, once the first write is queued (null: nothing written).
  let before: readonly string[] | null = null;
  try {
    await host.run(
      async (context) => {
        const worksheets = context.workbook.worksheets.load("items/name");
        const tables = context.workbook.tables.load("items/name");
        const names = context.workbook.names.load("items/name");
        await context.sync();
        // Every name is planned before the first write, so no name Excel refuses can stop the insert halfway.
        const existing = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
        const clash = plan.sheets.find((s) => existing.has(s.name.toLowerCase()));
        if (clash) throw new Error(`A sheet named "${clash.name}" is already in the workbook, and the template never replaces a sheet: insert the template again.`);
        // Tables and defined names share one name space ("Duplicate names aren't allowed", Microsoft Support, "Rename an
        // Excel table"; the Excel tutorial: "Table names must be unique across the entire workbook"), so a table's name
        // must be free of both.
        const rendered = renderTemplate(spec, plan, [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)]);
        const added = new Map<string, Excel.Worksheet>();
        await writeInChunks(context, {
          chunks: chunkBlocks(rendered.flatMap((s) => s.blocks)),
          canPauseEvents,
          // Every sheet exists before any formula or dropdown source refers to it.
          before: () => {
            before = worksheets.items.map((s) => s.name);
            for (const sheet of rendered) added.set(sheet.name, worksheets.add(sheet.name));
          },
          sheetOf: (name) => added.get(name) ?? worksheets.getItem(name),
          after: () => {
            for (const sheet of rendered) finishSheet(added.get(sheet.name) ?? worksheets.getItem(sheet.name), sheet);
            const firstVisible = rendered.find((s) => !s.hidden);
            if (firstVisible) added.get(firstVisible.name)?.activate();
          },
        });
      },
      // One undo step where Excel can (host.ts); hiding Lists and Calc sets Worksheet.visibility.
      { oneUndoStep: true, setsVisibility: true },
    );
  } catch (error) {
    if (before !== null) await removeAddedSheets(host, plan, before, canPauseEvents, error);
    throw error;
  }
}

/**
 * After a failed insert: deletes the sheets of the plan that the workbook did not have before, so it is left as it
 * was, in an Excel.run of its own (Worksheet.delete cannot be in an undo group: UndoNotSupported, excel-add-ins-undo-
 * capabilities). Two syncs: the sheets as they are now (and events back on, should the failure have been the
 * restore's), then the deletes. Should that fail too, the insert's error is reported with the sheets left to delete
 * by hand.
 */
async function removeAddedSheets(host: OfficeHost, plan: TemplatePlan, before: readonly string[], canPauseEvents: boolean, cause: unknown): Promise<void> {
  const had = new Set(before.map((n) => n.toLowerCase()));
  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  let left: string[] = plan.sheets.map((s) => s.name).filter((n) => !had.has(n.toLowerCase()));
  try {
    await host.run(async (context) => {
      if (canPauseEvents) context.runtime.enableEvents = true;
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const extra = sheets.items.filter((s) => planned.has(s.name.toLowerCase()) && !had.has(s.name.toLowerCase()));
      left = extra.map((s) => s.name);
      for (const sheet of extra) sheet.delete();
      await context.sync();
    });
  } catch {
    if (left.length === 0) return;
    const first = describeOfficeError("insert the template", cause).message;
    throw new Error(`${first} Some of the template's sheets are still in the workbook: delete ${left.map((n) => `"${n}"`).join(", ")} before inserting it again.`, { cause });
  }
}

/** Formatting, table, dropdowns, freeze panes and visibility of one new sheet. */
function finishSheet(sheet: Excel.Worksheet, rendered: RenderedSheet): void {
  for (const range of rendered.bold) sheet.getRange(range).format.font.bold = true;
  for (const range of rendered.wrap) sheet.getRange(range).format.wrapText = true;
  for (const { col, points } of rendered.columnWidths) sheet.getRange(columnRange(col)).format.columnWidth = points;
  if (rendered.table) sheet.tables.add(rendered.table.range, true).name = rendered.table.name;
  for (const validation of rendered.validations) {
    const dataValidation = sheet.getRange(validation.range).dataValidation;
    dataValidation.rule = validation.rule;
    if (validation.prompt !== undefined) dataValidation.prompt = { showPrompt: true, title: "", message: validation.prompt };
  }
  if (rendered.freeze) {
    const { rows, cols } = rendered.freeze;
    if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(blockRange(1, 1, rows, cols));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else sheet.freezePanes.freezeColumns(cols);
  }
  if (rendered.hidden) sheet.visibility = "Hidden";
}
