/** Validating a `Trusts` sheet (spec sections 5 and 6): read every trust row, run every rule, report issues in order. */
import type { SheetData } from "./cells";
import { sheetMessages, DEFAULT_SEVERITY } from "./catalogue";
import { COLUMNS, columnDef, type ColumnKey } from "./columns";
import { detectMapping } from "./headers";
import type { Issue } from "./issues";
import { readTrustRows } from "./read/sheetRows";
import type { ColumnMapping, ValidateOptions, ValidationResult } from "./results";
import { columnFindings, columnLayout } from "./rules/columns";
import { sortFindings, toIssue } from "./rules/issue";
import { findingsOfRow, placeRowFinding } from "./rules/row";
import { SHEET_RULES } from "./rules/sheet";
import type { Finding, SheetContext } from "./rules/types";

function summarise(sheet: SheetData, headerRow: number | null, rows: number, findings: readonly Finding[], mapping: Record<string, ColumnKey>, trusts: ValidationResult["trusts"]): ValidationResult {
  const issues: Issue[] = sortFindings(findings).map((f) => toIssue(sheet.name, f));
  const errors = issues.filter((i) => i.severity === "error").length;
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

export function validateSheet(sheet: SheetData, options: ValidateOptions): ValidationResult {
  const mapping = options.mapping ?? detectMapping(sheet);
  const headerRow = mapping.headerRow;
  if (headerRow === null) return withoutHeaderRow(sheet);

  const layout = columnLayout(mapping);
  const columnOf = (key: ColumnKey): number | undefined => layout.positions.get(key)?.col;
  const ctx: SheetContext = {
    submitted: options.submitted,
    header: (key) => layout.positions.get(key)?.text ?? columnDef(key).header,
    hasColumn: (key) => layout.positions.has(key),
  };
  const rows = readTrustRows(sheet, headerRow, columnOf);
  const findings: Finding[] = [
    ...columnFindings(layout, rows, { row: headerRow, col: sheet.firstCol }),
    ...rows.flatMap((row) => findingsOfRow(row, ctx, columnOf, sheet.firstCol)),
    ...SHEET_RULES.flatMap((rule) => rule(rows, ctx)).map((f) => placeRowFinding(f, columnOf, sheet.firstCol)),
  ];
  return summarise(sheet, headerRow, rows.length, findings, mappingRecord(mapping), rows.map((r) => r.trust));
}
