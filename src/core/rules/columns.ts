/** The column rules of spec section 6: missing_column, unknown_column and duplicate_column. */
import { DEFAULT_SEVERITY, sheetMessages } from "../catalogue";
import { COLUMNS, type ColumnKey } from "../columns";
import { isOwnExtraHeader, matchHeader } from "../headers";
import type { ColumnMapping, MappedHeader } from "../results";
import { isRequiredFor } from "./requirement";
import type { Finding, PlacedRow } from "./types";

export interface ColumnLayout {
  /** The header each column is read from: the first (leftmost) that names it. */
  readonly positions: ReadonlyMap<ColumnKey, MappedHeader>;
  /** Later headers naming a column again, with the one that is read. */
  readonly duplicates: readonly { readonly header: MappedHeader; readonly first: MappedHeader }[];
  /** Headers that name no column (headers the user mapped to nothing on purpose are not listed). */
  readonly unknown: readonly MappedHeader[];
}

export function columnLayout(mapping: ColumnMapping): ColumnLayout {
  const positions = new Map<ColumnKey, MappedHeader>();
  const duplicates: { header: MappedHeader; first: MappedHeader }[] = [];
  const unknown: MappedHeader[] = [];
  for (const header of mapping.headers) {
    if (header.key === null) {
      // A header that names a column but was mapped to nothing was ignored by choice: no warning;
      // nor for the add-in's own extra columns (Source).
      if (matchHeader(header.text) === null && !isOwnExtraHeader(header.text)) unknown.push(header);
      continue;
    }
    const first = positions.get(header.key);
    if (first) duplicates.push({ header, first });
    else positions.set(header.key, header);
  }
  return { positions, duplicates, unknown };
}

/** Rows that need a column: null for an always-required column, else how many rows require it (0: none). */
function rowsRequiring(key: ColumnKey, rows: readonly PlacedRow[]): number | null {
  const def = COLUMNS.find((c) => c.key === key);
  if (!def || def.required === "never") return 0;
  if (def.required === "always") return null;
  return rows.filter((row) => isRequiredFor(def.required, row.trust)).length;
}

/** headerCell: the header row's first cell, where missing columns are reported. */
export function columnFindings(layout: ColumnLayout, rows: readonly PlacedRow[], headerCell: { row: number; col: number }): Finding[] {
  const missing: Finding[] = COLUMNS.filter((def) => !layout.positions.has(def.key)).flatMap((def) => {
    const needed = rowsRequiring(def.key, rows);
    if (needed === 0) return [];
    return [{
      row: headerCell.row, col: headerCell.col, column: def.key, code: "missing_column" as const,
      severity: DEFAULT_SEVERITY.missing_column, message: sheetMessages.missingColumn(def.header, needed), value: null,
    }];
  });
  const unknown: Finding[] = layout.unknown.map((h) => ({
    row: headerCell.row, col: h.col, column: null, code: "unknown_column" as const,
    severity: DEFAULT_SEVERITY.unknown_column, message: sheetMessages.unknownColumn(h.text), value: h.text,
  }));
  const duplicates: Finding[] = layout.duplicates.map(({ header, first }) => ({
    row: headerCell.row, col: header.col, column: header.key, code: "duplicate_column" as const,
    severity: DEFAULT_SEVERITY.duplicate_column,
    message: sheetMessages.duplicateColumn(header.text, COLUMNS.find((c) => c.key === header.key)?.header ?? header.text, first.cell),
    value: header.text,
  }));
  return [...missing, ...unknown, ...duplicates];
}
