/**
 * What inserting a TemplateSpec under a TemplatePlan's names writes, worked out without
 * Excel: value/formula/format blocks, formatting ranges, the table, validations (sources
 * pointed at the renamed sheets), freeze panes. The gateway only replays this. Pure.
 */
import type { TemplatePlan } from "../app/gateway";
import type { TemplateSheet, TemplateSpec, TemplateValidation } from "../core/template/types";
import { parseRangeBounds } from "../core/sheet/addresses";
import { excelInput, type WriteBlock, type WriteScalar } from "./chunks";
import { compactRanges, consecutiveRuns } from "../core/sheet/compactRanges";
import { formulaRuns, type FormulaCell } from "./formulaFill";
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
  /**
   * Number formats first, then values and formulas, column by column: a run of one format or one formula filled down
   * a column is one fill block (sent once), values one block per run of consecutive rows.
   */
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
    formats.push(fillBlock(name, bounds.firstRow, bounds.firstCol, bounds.lastRow - bounds.firstRow + 1, bounds.lastCol - bounds.firstCol + 1, "numberFormat", numFmt));
  }
  // Per column: formats, values and formulas by row, sent as runs (one block per run of consecutive rows).
  const columns = new Map<number, { formats: Map<number, string>; values: Map<number, WriteScalar>; formulas: FormulaCell[] }>();
  const bold: string[] = [];
  const wrap: string[] = [];
  for (const cell of sheet.cells) {
    const bounds = parseRangeBounds(cell.address);
    if (!bounds) throw new Error(`Template sheet "${sheet.name}" has an unreadable cell address "${cell.address}".`);
    const column = columns.get(bounds.firstCol) ?? { formats: new Map<number, string>(), values: new Map<number, WriteScalar>(), formulas: [] as FormulaCell[] };
    columns.set(bounds.firstCol, column);
    if (cell.numFmt !== undefined) column.formats.set(bounds.firstRow, cell.numFmt);
    if (cell.formula !== undefined) column.formulas.push({ row: bounds.firstRow, formula: `=${rewrite(cell.formula)}` });
    // Every template cell is in a sheet the add-in has just added (General): text gets the text prefix (excelInput).
    else if (cell.value !== undefined) column.values.set(bounds.firstRow, excelInput(cell.value));
    if (cell.bold) bold.push(cell.address);
    if (cell.wrap) wrap.push(cell.address);
  }
  const contents: WriteBlock[] = [];
  for (const [col, column] of [...columns].sort((a, b) => a[0] - b[0])) {
    formats.push(...sameValueRuns(name, col, column.formats));
    for (const [first, last] of consecutiveRuns([...column.values.keys()].sort((a, b) => a - b))) {
      const data = Array.from({ length: last - first + 1 }, (_, i) => [column.values.get(first + i) ?? ""]);
      contents.push({ sheet: name, row: first, col, kind: "values", data });
    }
    // A formula filled down a column goes once, for the whole run (formulaFill.ts): Excel fills it relatively.
    for (const run of formulaRuns(col, column.formulas)) contents.push(fillBlock(name, run.first, col, run.last - run.first + 1, 1, "formulas", run.formula));
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

/** One value for every cell of a block: a fill (chunks.ts WriteBlock.fill) when the block has more than one cell. */
function fillBlock(sheet: string, row: number, col: number, rows: number, cols: number, kind: WriteBlock["kind"], value: WriteScalar): WriteBlock {
  const block: WriteBlock = { sheet, row, col, kind, data: [[value]] };
  return rows * cols > 1 ? { ...block, fill: { rows, cols } } : block;
}

/** A column's per-row values as runs of consecutive rows holding the same value, one fill block each. */
function sameValueRuns(sheet: string, col: number, byRow: ReadonlyMap<number, string>): WriteBlock[] {
  const blocks: WriteBlock[] = [];
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const first = rows[start] ?? 0;
    const value = byRow.get(first) ?? "";
    if (i < rows.length && rows[i] === (rows[i - 1] ?? 0) + 1 && byRow.get(rows[i] ?? 0) === value) continue;
    blocks.push(fillBlock(sheet, first, col, i - start, 1, "numberFormat", value));
    start = i;
  }
  return blocks;
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
