/**
 * Splits bulk writes into requests that Excel on the web accepts. Excel on the web
 * refuses a request whose payload is over 5 MB, so writes are packed into chunks whose
 * estimated payload stays under MAX_CHUNK_BYTES; each chunk is one context.sync(). The
 * number of syncs therefore grows with the bytes written (one per ~4 MB), never with
 * the number of rows as such. Pure.
 */
import type { CheckedWrite } from "../app/cellWrites";
import { blockRange } from "../core/sheet/addresses";
import { consecutiveRuns } from "../core/sheet/compactRanges";

/** Headroom under the 5 MB limit for the request envelope and our estimate's error. */
export const MAX_CHUNK_BYTES = 4_000_000;
/** What one queued command costs beyond its data (object path, action, ids), generously. */
export const REQUEST_OVERHEAD_BYTES = 256;

export type WriteKind = "values" | "formulas" | "numberFormat";
export type WriteScalar = string | number | boolean;

/** One rectangular write: `data` goes into `kind` of the block whose top-left cell is (row, col). */
export interface WriteBlock {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly kind: WriteKind;
  readonly data: readonly (readonly WriteScalar[])[];
  /**
   * A fill: `data` is one value ([[value]]) for every cell of a `rows` x `cols` block, sent once as a single value
   * rather than a value per cell. A formula filled so is relative: each cell gets it as if filled from the top-left
   * cell (=B1 set on A1:A10 gives A2 =B2, ...). Sources: the Range reference's old text, "the argument can be either a
   * single value (string, number or boolean) or a two-dimensional array. If the argument is a single value, it will
   * be applied to all cells in the range" (quoted in OfficeDev/office-js-docs-reference#578); "setting those
   * properties (formulas, numberFormat, and values) with a [single value] ... works" though the TypeScript types
   * refuse it (OfficeDev/office-js-docs-pr#2013); `rng.formulas = "=B1"` on A1:A10 "produces the expected result
   * where A1 gets the formula =B1, A2 gets =B2, and etcetera" (J. K. Pieterse, Microsoft 365 Developer Platform idea
   * 4211172, techcommunity.microsoft.com); the runtime sends a non-array value as it is (excel-web-16.00.debug.js,
   * setRangePropertiesInBulk splits only arrays).
   */
  readonly fill?: { readonly rows: number; readonly cols: number };
}

/** UTF-8 length of a string (what travels), without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function estimateBlockBytes(block: WriteBlock): number {
  return utf8Length(JSON.stringify(block.data)) + utf8Length(block.sheet) + REQUEST_OVERHEAD_BYTES;
}

export function blockAddress(block: WriteBlock): string {
  if (block.fill) return blockRange(block.row, block.col, block.fill.rows, block.fill.cols);
  return blockRange(block.row, block.col, block.data.length, block.data[0]?.length ?? 1);
}

/** A block over maxBytes → several blocks of whole rows, each within maxBytes (a single huge row stays alone). */
export function splitBlock(block: WriteBlock, maxBytes: number): WriteBlock[] {
  if (block.fill || estimateBlockBytes(block) <= maxBytes) return [block];
  const pieces: WriteBlock[] = [];
  let startIndex = 0;
  let rows: (readonly WriteScalar[])[] = [];
  let bytes = REQUEST_OVERHEAD_BYTES + utf8Length(block.sheet) + 2;
  block.data.forEach((row, index) => {
    const rowBytes = utf8Length(JSON.stringify(row)) + 1;
    if (rows.length > 0 && bytes + rowBytes > maxBytes) {
      pieces.push({ ...block, row: block.row + startIndex, data: rows });
      startIndex = index;
      rows = [];
      bytes = REQUEST_OVERHEAD_BYTES + utf8Length(block.sheet) + 2;
    }
    rows.push(row);
    bytes += rowBytes;
  });
  if (rows.length > 0) pieces.push({ ...block, row: block.row + startIndex, data: rows });
  return pieces;
}

/** Blocks (split where needed) packed in order into chunks of at most maxBytes each. */
export function chunkBlocks(blocks: readonly WriteBlock[], maxBytes: number = MAX_CHUNK_BYTES): WriteBlock[][] {
  const chunks: WriteBlock[][] = [];
  let current: WriteBlock[] = [];
  let bytes = 0;
  for (const block of blocks.flatMap((b) => splitBlock(b, maxBytes))) {
    const size = estimateBlockBytes(block);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(block);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Excel's Text number format: a string written into such a cell stays the string as written. */
export const TEXT_FORMAT = "@";

/**
 * A string as it goes into a cell through Range.values or table.rows.add, which Excel takes as typed input (a number,
 * a date, a boolean, an error value or a formula when the text looks like one, in the user's locale: Range.values in
 * @types/office-js; OfficeDev/office-js#229, #1559). Every string gets Excel's text prefix, an apostrophe, so the cell
 * holds exactly the text whatever Excel would have made of it: no guessing what a locale coerces. The exception is
 * a cell already formatted as Text ("@"), which takes the string as it is and where Excel's handling of a leading
 * apostrophe is not documented: there the string goes as it is. docs/decisions.md, "Text is written as text".
 * The empty string stays empty (it clears the cell).
 */
export function textInput(text: string, cellFormat?: unknown): string {
  if (text === "" || cellFormat === TEXT_FORMAT) return text;
  return `'${text}`;
}

/**
 * A value as Range.values takes it: text through textInput (cellFormat: the target cell's number format, when
 * known), numbers and booleans as they are, and blank (null) as "", because null in Range.values means "leave the
 * cell unchanged".
 */
export function excelInput(value: string | number | boolean | null, cellFormat?: unknown): WriteScalar {
  if (value === null) return "";
  if (typeof value !== "string") return value;
  return textInput(value, cellFormat);
}

/**
 * Cell writes, already checked (app/cellWrites.ts), → value blocks: consecutive rows in one column become one block.
 * `formatAt` gives a target cell's number format where it is known (see textInput).
 */
export function blocksFromCellWrites(sheet: string, writes: readonly CheckedWrite[], formatAt?: (row: number, col: number) => unknown): WriteBlock[] {
  const byCol = new Map<number, Map<number, WriteScalar>>();
  for (const { row, col, value } of writes) {
    const column = byCol.get(col) ?? new Map<number, WriteScalar>();
    column.set(row, excelInput(value, formatAt?.(row, col))); // a later write to the same cell wins
    byCol.set(col, column);
  }
  const blocks: WriteBlock[] = [];
  for (const [col, column] of [...byCol].sort((a, b) => a[0] - b[0])) {
    const rows = [...column.keys()].sort((a, b) => a - b);
    for (const [first, last] of consecutiveRuns(rows)) {
      const data: WriteScalar[][] = [];
      for (let row = first; row <= last; row++) data.push([column.get(row) ?? ""]);
      blocks.push({ sheet, row: first, col, kind: "values", data });
    }
  }
  return blocks;
}

/** A table of figures written from A1 as one values block (rows padded to the widest). */
export function blockFromRows(sheet: string, rows: readonly (readonly (string | number | boolean | null)[])[]): WriteBlock | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return null;
  // A figure that cannot be computed (NaN, ±Infinity) is written blank: JSON has no such numbers, and the null
  // Office.js would send means "leave the cell as it is" to Range.values.
  const finite = (value: string | number | boolean | null): string | number | boolean | null => (typeof value === "number" && !Number.isFinite(value) ? null : value);
  const data = rows.map((r) => Array.from({ length: width }, (_, c) => excelInput(finite(r[c] ?? null))));
  return { sheet, row: 1, col: 1, kind: "values", data };
}
