/**
 * Merges single-cell addresses into few rectangular ranges, so that marking 10,000
 * cells costs a handful of Excel requests rather than 10,000. Pure.
 */
import { parseAddress } from "../cells";
import { formatRange, parseRangeBounds, type RangeBounds } from "./addresses";

/**
 * Cells ("C7") → compact ranges ("C2:C40", "E2:G9", "K3"), sorted by row then column.
 * Runs down each column are found first, then equal runs in neighbouring columns are
 * joined into rectangles. Multi-cell addresses are kept as given; duplicates are dropped.
 */
export function compactRanges(addresses: readonly string[]): string[] {
  const rowsByCol = new Map<number, Set<number>>();
  const passThrough: RangeBounds[] = [];
  for (const address of addresses) {
    const cell = parseAddress(address);
    if (cell) {
      const rows = rowsByCol.get(cell.col) ?? new Set<number>();
      rows.add(cell.row);
      rowsByCol.set(cell.col, rows);
      continue;
    }
    const bounds = parseRangeBounds(address);
    if (!bounds) throw new Error(`Not an A1 cell or range address: "${address}".`);
    passThrough.push(bounds);
  }
  const rectangles = [...joinColumns(columnRuns(rowsByCol)), ...passThrough];
  rectangles.sort((a, b) => a.firstRow - b.firstRow || a.firstCol - b.firstCol);
  return rectangles.map(formatRange);
}

/** Sorted distinct integers → [first, last] pairs of consecutive stretches: 1,2,3,7 → [1,3],[7,7]. */
export function consecutiveRuns(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

interface Run {
  readonly col: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

function columnRuns(rowsByCol: ReadonlyMap<number, ReadonlySet<number>>): Run[] {
  const runs: Run[] = [];
  for (const [col, rowSet] of rowsByCol) {
    const rows = [...rowSet].sort((a, b) => a - b);
    for (const [firstRow, lastRow] of consecutiveRuns(rows)) runs.push({ col, firstRow, lastRow });
  }
  return runs;
}

/** Runs covering the same rows in adjacent columns become one rectangle. */
function joinColumns(runs: readonly Run[]): RangeBounds[] {
  const colsBySpan = new Map<string, { firstRow: number; lastRow: number; cols: number[] }>();
  for (const run of runs) {
    const key = `${run.firstRow}:${run.lastRow}`;
    const entry = colsBySpan.get(key) ?? { firstRow: run.firstRow, lastRow: run.lastRow, cols: [] };
    entry.cols.push(run.col);
    colsBySpan.set(key, entry);
  }
  const rectangles: RangeBounds[] = [];
  for (const { firstRow, lastRow, cols } of colsBySpan.values()) {
    cols.sort((a, b) => a - b);
    for (const [firstCol, lastCol] of consecutiveRuns(cols)) rectangles.push({ firstRow, lastRow, firstCol, lastCol });
  }
  return rectangles;
}

/**
 * Joins ranges into comma-separated address lists (for Worksheet.getRanges), none longer
 * than maxChars, so that no single address string gets unwieldy for Excel.
 */
export function groupAddresses(ranges: readonly string[], maxChars: number): string[] {
  const groups: string[] = [];
  let current = "";
  for (const range of ranges) {
    const next = current === "" ? range : `${current},${range}`;
    if (current !== "" && next.length > maxChars) {
      groups.push(current);
      current = range;
    } else {
      current = next;
    }
  }
  if (current !== "") groups.push(current);
  return groups;
}
