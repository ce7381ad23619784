/** Validating a `Trusts` sheet (spec sections 5 and 6): read every trust row, run every rule, report issues in order. */
import type { SheetData } from "./cells";
import { sheetMessages, DEFAULT_SEVERITY } from "./catalogue";
import { boundedText } from "./quote";
import { COLUMNS, COLUMN_KEYS, columnDef, type ColumnKey } from "./columns";
import { detectMapping } from "./headers";
import type { Issue } from "./issues";
import { forEachTrustRow } from "./read/sheetRows";
import type { ColumnMapping, ValidateOptions, ValidationResult } from "./results";
import type { TrustRow } from "./schema";
import { columnFindings, columnLayout, type ColumnLayout } from "./rules/columns";
import { sortFindings, toIssue } from "./rules/issue";
import { placeRowFinding, pushFindingsOfRow } from "./rules/row";
import { SHEET_RULES } from "./rules/sheet";
import type { Finding, PlacedRow, SheetContext } from "./rules/types";

function summarise(sheet: SheetData, headerRow: number | null, rows: number, findings: readonly Finding[], mapping: Record<string, ColumnKey>, trusts: ValidationResult["trusts"]): ValidationResult {
  const sorted = sortFindings(findings);
  const issues: Issue[] = new Array<Issue>(sorted.length);
  let errors = 0;
  for (let i = 0; i < sorted.length; i++) {
    const issue = toIssue(sheet.name, sorted[i] as Finding);
    if (issue.severity === "error") errors++;
    issues[i] = issue;
  }
  return { sheet: sheet.name, headerRow, rows, errors, warnings: issues.length - errors, mapping, issues, trusts };
}

/** No header row: every always-required column is missing, reported on the sheet's first cell. */
function withoutHeaderRow(sheet: SheetData): ValidationResult {
  const findings: Finding[] = COLUMNS.filter((def) => def.required === "always").map((def) => ({
    row: sheet.firstRow, col: sheet.firstCol, column: def.key, code: "missing_column", severity: DEFAULT_SEVERITY.missing_column,
    message: sheetMessages.noHeaderRow(def.header), value: null,
  }));
  return summarise(sheet, null, 0, findings, {}, []);
}

function mappingRecord(mapping: ColumnMapping): Record<string, ColumnKey> {
  const record: Record<string, ColumnKey> = {};
  // Keys are A1 addresses, so a plain object is safe here.
  for (const header of mapping.headers) if (header.key !== null) record[header.cell] = header.key;
  return record;
}

/** The sheet column each key is read from (the leftmost header naming it), as a function the readers and rules share. */
function columnsOf(layout: ColumnLayout): (key: ColumnKey) => number | undefined {
  const cols = new Map<ColumnKey, number>();
  for (const [key, header] of layout.positions) cols.set(key, header.col);
  return (key) => cols.get(key);
}

/** The rules' view of the sheet; each header is looked up once, not once per message. */
function sheetContext(layout: ColumnLayout, submitted: string): SheetContext {
  const headers = new Map<ColumnKey, string>();
  // Shown in messages only: bounded once here (a header may be a megabyte of text), not in each message.
  for (const key of COLUMN_KEYS) headers.set(key, boundedText(layout.positions.get(key)?.text ?? columnDef(key).header));
  return {
    submitted,
    header: (key) => headers.get(key) ?? columnDef(key).header,
    hasColumn: (key) => layout.positions.has(key),
  };
}

/** The header row's layout and where each key's column is; null when the sheet has no header row. */
function layoutOf(mapping: ColumnMapping): { headerRow: number; layout: ColumnLayout; columnOf: (key: ColumnKey) => number | undefined } | null {
  if (mapping.headerRow === null) return null;
  const layout = columnLayout(mapping);
  return { headerRow: mapping.headerRow, layout, columnOf: columnsOf(layout) };
}

export function validateSheet(sheet: SheetData, options: ValidateOptions): ValidationResult {
  const mapping = options.mapping ?? detectMapping(sheet);
  const found = layoutOf(mapping);
  if (found === null) return withoutHeaderRow(sheet);
  const { headerRow, layout, columnOf } = found;
  const ctx = sheetContext(layout, options.submitted);
  // Each row's own findings as it is read; the sheet rules afterwards need only the rows' values.
  const rowFindings: Finding[] = [];
  const rows: PlacedRow[] = [];
  forEachTrustRow(sheet, headerRow, columnOf, (row) => {
    pushFindingsOfRow(rowFindings, row, ctx, columnOf, sheet.firstCol);
    rows.push({ row: row.row, trust: row.trust, cell: row.cell });
  });
  // In the order they were always gathered: the sort keeps it for findings on one cell.
  const findings = columnFindings(layout, rows, { row: headerRow, col: sheet.firstCol });
  for (const f of rowFindings) findings.push(f);
  for (const rule of SHEET_RULES) {
    for (const f of rule(rows, ctx)) findings.push(placeRowFinding(f, columnOf, sheet.firstCol));
  }
  const trusts = new Array<TrustRow>(rows.length);
  for (let i = 0; i < rows.length; i++) trusts[i] = (rows[i] as PlacedRow).trust;
  return summarise(sheet, headerRow, rows.length, findings, mappingRecord(mapping), trusts);
}

/**
 * The trust rows exactly as validateSheet reads them (its `trusts`), without running the rules or
 * writing any message: for scoring, which needs the values and not the issues.
 */
export function readTrusts(sheet: SheetData, options: Pick<ValidateOptions, "mapping"> = {}): TrustRow[] {
  const found = layoutOf(options.mapping ?? detectMapping(sheet));
  if (found === null) return [];
  const trusts: TrustRow[] = [];
  forEachTrustRow(sheet, found.headerRow, found.columnOf, (row) => trusts.push(row.trust));
  return trusts;
}
