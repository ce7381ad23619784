/**
 * What inserting a TemplateSpec under a TemplatePlan's names writes, worked out without
 * Excel: value/formula/format blocks, formatting ranges, the table, validations (sources
 * pointed at the renamed sheets), freeze panes. The gateway only replays this. Pure.
 */
import type { TemplatePlan } from "../app/gateway";
import type { TemplateSheet, TemplateSpec, TemplateValidation } from "../core/template/types";
import { parseRangeBounds } from "../core/sheet/addresses";
import { excelInput, type WriteBlock } from "./chunks";
import { compactRanges } from "../core/sheet/compactRanges";
import { renameSheetRefs } from "../core/template/rename";
import { renameTableRefs } from "./renameTableRefs";
import { uniqueTableName } from "../core/sheet/sheetNames";

export interface RenderedValidation {
  readonly range: string;
  readonly rule: Excel.DataValidationRule;
  readonly prompt?: string;
}

export interface RenderedSheet {
  readonly templateName: string;
  /** The name the plan gave it. */
  readonly name: string;
  readonly hidden: boolean;
  /** Number formats first, then values and formulas, in the template's cell order. */
  readonly blocks: readonly WriteBlock[];
  readonly bold: readonly string[];
  readonly wrap: readonly string[];
  readonly columnWidths: readonly { readonly col: number; readonly points: number }[];
  readonly table: { readonly name: string; readonly range: string } | null;
  readonly validations: readonly RenderedValidation[];
  readonly freeze: { readonly rows: number; readonly cols: number } | null;
}

/**
 * A width in characters (as the template and exceljs give it) in points (as Office.js
 * takes it): Excel draws a character of the default font 7 px wide plus 5 px of padding,
 * and a point is 4/3 px.
 */
export function widthToPoints(characters: number): number {
  return (characters * 7 + 5) * 0.75;
}

export function renderTemplate(spec: TemplateSpec, plan: TemplatePlan, existingTables: readonly string[]): RenderedSheet[] {
  const sheetRenames: Record<string, string> = {};
  for (const s of plan.sheets) if (s.renamed) sheetRenames[s.templateName] = s.name;
  const tableRenames = new Map<string, string>();
  const takenTables = [...existingTables];
  for (const sheet of spec.sheets) {
    if (!sheet.table) continue;
    const name = uniqueTableName(sheet.table.name, takenTables);
    takenTables.push(name);
    if (name !== sheet.table.name) tableRenames.set(sheet.table.name, name);
  }
  const rewrite = (formula: string): string => renameTableRefs(renameSheetRefs(formula, sheetRenames), tableRenames);

  return spec.sheets.map((sheet) => {
    const planned = plan.sheets.find((s) => s.templateName === sheet.name);
    if (!planned) throw new Error(`The template plan has no name for sheet "${sheet.name}": plan the template again.`);
    return renderSheet(sheet, planned.name, rewrite, tableRenames);
  });
}

function renderSheet(
  sheet: TemplateSheet,
  name: string,
  rewrite: (formula: string) => string,
  tableRenames: ReadonlyMap<string, string>,
): RenderedSheet {
  const formats: WriteBlock[] = [];
  for (const { range, numFmt } of sheet.rangeFormats ?? []) {
    const bounds = parseRangeBounds(range);
    if (!bounds) throw new Error(`Template sheet "${sheet.name}" has an unreadable range "${range}".`);
    const row = Array.from({ length: bounds.lastCol - bounds.firstCol + 1 }, () => numFmt);
    const data = Array.from({ length: bounds.lastRow - bounds.firstRow + 1 }, () => row);
    formats.push({ sheet: name, row: bounds.firstRow, col: bounds.firstCol, kind: "numberFormat", data });
  }
  const contents: WriteBlock[] = [];
  const bold: string[] = [];
  const wrap: string[] = [];
  for (const cell of sheet.cells) {
    const bounds = parseRangeBounds(cell.address);
    if (!bounds) throw new Error(`Template sheet "${sheet.name}" has an unreadable cell address "${cell.address}".`);
    const at = { sheet: name, row: bounds.firstRow, col: bounds.firstCol };
    if (cell.numFmt !== undefined) formats.push({ ...at, kind: "numberFormat", data: [[cell.numFmt]] });
    if (cell.formula !== undefined) contents.push({ ...at, kind: "formulas", data: [[`=${rewrite(cell.formula)}`]] });
    else if (cell.value !== undefined) contents.push({ ...at, kind: "values", data: [[excelInput(cell.value)]] });
    if (cell.bold) bold.push(cell.address);
    if (cell.wrap) wrap.push(cell.address);
  }
  const table = sheet.table
    ? { name: tableRenames.get(sheet.table.name) ?? sheet.table.name, range: sheet.table.range }
    : null;
  if (sheet.table) contents.push(...headerBlock(name, sheet.table.range, sheet.table.headers));
  const freeze = sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0) ? sheet.freeze : null;
  return {
    templateName: sheet.name,
    name,
    hidden: sheet.visibility === "hidden",
    blocks: [...formats, ...contents],
    bold: compactRanges(bold),
    wrap: compactRanges(wrap),
    columnWidths: Object.entries(sheet.columnWidths ?? {}).map(([col, width]) => ({ col: Number(col), points: widthToPoints(width) })),
    table,
    validations: (sheet.validations ?? []).map((v) => renderValidation(v, rewrite)),
    freeze,
  };
}

/** The table's header row holds its headers before the table is made (the table takes its column names from it). */
function headerBlock(sheet: string, range: string, headers: readonly string[]): WriteBlock[] {
  const bounds = parseRangeBounds(range);
  if (!bounds) throw new Error(`Template table range "${range}" is unreadable.`);
  if (headers.length === 0) return [];
  return [{ sheet, row: bounds.firstRow, col: bounds.firstCol, kind: "values", data: [headers.map((h) => excelInput(h))] }];
}

/** A dropdown's source and any formula bounds are formulas: they follow renamed sheets too. */
export function renderValidation(validation: TemplateValidation, rewrite: (formula: string) => string): RenderedValidation {
  const prompt = validation.prompt === undefined ? {} : { prompt: validation.prompt };
  const bound = (text: string): string => (text.startsWith("=") ? `=${rewrite(text.slice(1))}` : text);
  switch (validation.kind) {
    case "list":
      // Always a reference, never a literal list (Excel caps those at 255 characters).
      return { range: validation.range, rule: { list: { inCellDropDown: true, source: `=${rewrite(validation.source.replace(/^=/, ""))}` } }, ...prompt };
    case "date":
      return {
        range: validation.range,
        rule: { date: { operator: "Between", formula1: bound(validation.min), formula2: bound(validation.max) } },
        ...prompt,
      };
    case "whole":
      return { range: validation.range, rule: { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: validation.min } }, ...prompt };
    case "decimal":
      return { range: validation.range, rule: { decimal: { operator: "GreaterThanOrEqualTo", formula1: validation.min } }, ...prompt };
  }
}
