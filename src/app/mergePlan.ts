/**
 * What merging trust returns into this workbook's Trusts table would do, worked out before anything is
 * written: the workbook's own rows are the first source of mergeReturns, so a trust code already in the
 * workbook counts as "earlier" under every policy. Pure, so the preview and the writes agree by construction.
 *
 * - keep: a source row whose code is taken is left out;
 * - replace: it overwrites the workbook's row in place (same sheet row), or an earlier source's row;
 * - both: it is added too, and validation then flags `duplicate` on each.
 * Rows that are already in the workbook are never moved or rewritten, except under replace.
 */
import type { CellValue } from "../core/cells";
import { cellAddress } from "../core/cells";
import { columnDef, COLUMN_KEYS, type ColumnKey } from "../core/columns";
import { serialFromIso } from "../core/dates";
import { mergeReturns, type DroppedRow, type DuplicatePolicy, type MergedRow, type SourceSummary } from "../core/merge";
import type { ColumnMapping, ValidationResult } from "../core/results";
import type { TrustRow } from "../core/schema";
import { dateFromIso } from "../core/dates";
import type { CellWrite } from "./gateway";

/** How the workbook's own rows are named among the sources. */
export const THIS_WORKBOOK = "This workbook";

export interface MergeInput {
  /** Unique among the inputs, e.g. `north.xlsx › Trusts`. */
  readonly label: string;
  readonly result: ValidationResult;
}

/** This workbook's Trusts sheet as read, with the mapping its columns were read with. */
export interface MergeTarget {
  readonly sheet: string;
  readonly mapping: ColumnMapping;
  readonly result: ValidationResult;
}

export interface InPlaceReplacement {
  /** The workbook's sheet row that is overwritten. */
  readonly row: number;
  readonly trustCode: string;
  readonly by: MergedRow;
}

export interface MergePlan {
  readonly policy: DuplicatePolicy;
  /** One per input, in order (the workbook's own rows are not among them). */
  readonly sources: readonly SourceSummary[];
  /** Rows added at the end of the table, in merged order. */
  readonly append: readonly MergedRow[];
  readonly replace: readonly InPlaceReplacement[];
  /** Source rows left out under keep because the workbook already has the trust. */
  readonly alreadyInWorkbook: readonly (DroppedRow & { readonly source: string })[];
  /** Columns that some source row fills but the workbook's Trusts sheet has no header for: not copied. */
  readonly uncoveredColumns: readonly ColumnKey[];
  /** Trust codes the table will hold more than once after the merge (validation flags each as `duplicate`). */
  readonly duplicateCodes: readonly string[];
}

function targetLabel(target: MergeTarget): string {
  return `${THIS_WORKBOOK} › ${target.sheet}`;
}

/** Where a merged row came from, e.g. `north.xlsx › Trusts › row 7` (as the command line writes it). */
export function sourceText(row: MergedRow): string {
  return `${row.source} › row ${row.trust.row}`;
}

function mappedKeys(mapping: ColumnMapping): Set<ColumnKey> {
  return new Set(mapping.headers.flatMap((h) => (h.key === null ? [] : [h.key])));
}

function uncovered(target: MergeTarget, rows: readonly MergedRow[]): ColumnKey[] {
  const covered = mappedKeys(target.mapping);
  return COLUMN_KEYS.filter((key) => !covered.has(key) && rows.some((r) => r.trust[key] !== null));
}

export function planMerge(target: MergeTarget, inputs: readonly MergeInput[], policy: DuplicatePolicy): MergePlan {
  const own = targetLabel(target);
  const merged = mergeReturns([{ source: own, result: target.result }, ...inputs.map((i) => ({ source: i.label, result: i.result }))], policy);
  const [ownSummary, ...sources] = merged.sources;
  // The workbook's rows replaced by a source row (not by another of its own rows, which stay as they are).
  const replacedHere = (ownSummary?.dropped ?? []).filter((d) => d.reason === "replaced-by-later" && d.instead !== own);
  const replacedCodes = new Set(replacedHere.map((d) => d.trustCode));
  const fromSources = merged.rows.filter((r) => r.source !== own);
  const replace = replacedHere.flatMap((d): InPlaceReplacement[] => {
    const by = fromSources.find((r) => r.trust.trustCode === d.trustCode);
    return by ? [{ row: d.row, trustCode: d.trustCode, by }] : [];
  });
  const append = fromSources.filter((r) => r.trust.trustCode === null || !replacedCodes.has(r.trust.trustCode));
  const alreadyInWorkbook = sources.flatMap((s) => s.dropped.filter((d) => d.instead === own).map((d) => ({ ...d, source: s.source })));
  return {
    policy, sources, append, replace, alreadyInWorkbook,
    uncoveredColumns: uncovered(target, [...append, ...replace.map((r) => r.by)]),
    duplicateCodes: repeatedCodes([...target.result.trusts, ...append.map((r) => r.trust)]),
  };
}

function repeatedCodes(trusts: readonly TrustRow[]): string[] {
  const counts = new Map<string, number>();
  for (const t of trusts) if (t.trustCode !== null) counts.set(t.trustCode, (counts.get(t.trustCode) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([code]) => code);
}

/** A read value as the cell to write: dates as Date cells (canonical values otherwise). */
function cellOf(trust: TrustRow, key: ColumnKey): CellValue {
  const value = trust[key];
  if (value === null) return null;
  return columnDef(key).type === "date" && typeof value === "string" ? dateFromIso(value) : value;
}

/** The rows to append, each positioned by sheet column (index 0 is column A) after the workbook's headers. */
export function appendRows(plan: MergePlan, target: MergeTarget): { rows: CellValue[][]; sources: string[] } {
  const headers = target.mapping.headers.filter((h) => h.key !== null);
  const width = Math.max(0, ...headers.map((h) => h.col));
  const rows = plan.append.map((merged) => {
    const cells: CellValue[] = Array.from({ length: width }, () => null);
    for (const h of headers) if (h.key !== null) cells[h.col - 1] = cellOf(merged.trust, h.key);
    return cells;
  });
  return { rows, sources: plan.append.map(sourceText) };
}

/** A cell value as writeCells takes it: a date as its serial (the cell keeps its date format). */
function writeValue(value: CellValue): CellWrite["value"] {
  if (value instanceof Date) return serialFromIso(value.toISOString().slice(0, 10));
  if (value !== null && typeof value === "object") return value.code;
  return value;
}

/** Cell writes that overwrite the workbook's rows in place (every mapped column, and Source when there is one). */
export function replacementWrites(plan: MergePlan, target: MergeTarget, sourceCol: number | null): CellWrite[] {
  const headers = target.mapping.headers.filter((h) => h.key !== null);
  return plan.replace.flatMap((r) => [
    ...headers.map((h) => ({ address: cellAddress(r.row, h.col), value: h.key === null ? null : writeValue(cellOf(r.by.trust, h.key)) })),
    ...(sourceCol === null ? [] : [{ address: cellAddress(r.row, sourceCol), value: sourceText(r.by) }]),
  ]);
}
