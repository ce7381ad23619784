/**
 * Inserting the template: one Excel.run. Sync 1 reads the sheet and table names (to
 * refuse a plan that would now replace a sheet, and to pick free table names); then
 * the sheets are added and filled in payload-sized chunks (one sync for the real
 * template) and a final sync restores events and recalculates: three syncs in all.
 */
import type { TemplatePlan } from "../app/gateway";
import type { TemplateSpec } from "../core/template/types";
import { blockRange, columnRange } from "../core/sheet/addresses";
import { writeInChunks } from "./bulkWrite";
import { chunkBlocks } from "./chunks";
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
  await host.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const existing = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
    const clash = plan.sheets.find((s) => existing.has(s.name.toLowerCase()));
    if (clash) throw new Error(`A sheet named "${clash.name}" is already in the workbook, and the template never replaces a sheet: insert the template again.`);
    const rendered = renderTemplate(spec, plan, tables.items.map((t) => t.name));
    const added = new Map<string, Excel.Worksheet>();
    await writeInChunks(context, {
      chunks: chunkBlocks(rendered.flatMap((s) => s.blocks)),
      canPauseEvents,
      // Every sheet exists before any formula or dropdown source refers to it.
      before: () => {
        for (const sheet of rendered) added.set(sheet.name, worksheets.add(sheet.name));
      },
      sheetOf: (name) => added.get(name) ?? worksheets.getItem(name),
      after: () => {
        for (const sheet of rendered) finishSheet(added.get(sheet.name) ?? worksheets.getItem(sheet.name), sheet);
        const firstVisible = rendered.find((s) => !s.hidden);
        if (firstVisible) added.get(firstVisible.name)?.activate();
      },
    });
  });
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
