/**
 * Reviews one worksheet part before exceljs parses it. exceljs makes objects per cell for data
 * validations (every covered cell), merged ranges (every covered cell, and each merge is checked
 * against all earlier ones) and column definitions (every column from 1 to max), so an innocent
 * looking "A1:A1048576" or max="100000000" hangs it or exhausts memory. Those elements are
 * dropped or clipped (reading values needs none of them); rows past Excel's last row are rejected.
 */
import { XlsxRejectedError } from "./errors";
import { formatCount, type XlsxLimits } from "./limits";
import { cellsInReference, cellsInSqref, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "./cellRanges";
import { applySplices, attributeOfStartTags, elementEnd, escapeAttribute, startTags, type Splice, type StartTag } from "./xmlTags";

export interface WorksheetReview {
  /** The rewritten XML, or null when the part is fine as it is. */
  xml: string | null;
  /** Cell elements in the part, empty styled cells included. */
  cells: number;
  droppedValidations: number;
  droppedMerges: number;
  clippedColumns: number;
}

/** Counts "<c" followed by whitespace, "/" or ">", i.e. cell start tags (not <col>, <cfRule>...). */
export function countCellElements(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf("<c"); at >= 0; at = xml.indexOf("<c", at + 2)) {
    const next = xml.charCodeAt(at + 2);
    if (next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f || next === 0x3e) count++;
  }
  return count;
}

function checkRowNumbers(xml: string, sheet: string): void {
  if (!xml.includes("<row")) return;
  for (const r of attributeOfStartTags(xml, "row", "r")) {
    // exceljs reads the number with parseInt, so "12abc" is row 12 there as here.
    const row = r === undefined ? NaN : parseInt(r, 10);
    if (row > EXCEL_MAX_ROWS) {
      throw new XlsxRejectedError("out-of-range", `Sheet part "${sheet}" has a row numbered ${formatCount(row)}, past Excel's last row (${formatCount(EXCEL_MAX_ROWS)}): the file is damaged or was not written by a spreadsheet program.`);
    }
  }
}

/** Drops elements whose covered cells do not fit in what is left of the budget. */
function dropOverBudget(xml: string, name: string, cellsOf: (tag: StartTag) => number, budgetCells: number, maxKept: number): Splice[] {
  if (!xml.includes(`<${name}`)) return [];
  const drops: Splice[] = [];
  let remaining = budgetCells;
  let kept = 0;
  for (const tag of startTags(xml, name)) {
    const cells = cellsOf(tag);
    if (cells <= remaining && kept < maxKept) {
      remaining -= cells;
      kept++;
    } else {
      drops.push({ start: tag.start, end: elementEnd(xml, name, tag), replacement: "" });
    }
  }
  return drops;
}

/** A merge without both corners ("A:A") is invalid, and exceljs's NaN bounds make it clash with any other: drop it. */
function mergedCells(tag: StartTag): number {
  const cells = cellsInReference(tag.attributes.get("ref") ?? "");
  return cells === 0 ? Infinity : cells;
}

/** A <col> reaching past column XFD is clipped to it; one starting past it is dropped. */
function clipColumns(xml: string): Splice[] {
  if (!xml.includes("<col")) return [];
  const splices: Splice[] = [];
  for (const tag of startTags(xml, "col")) {
    // exceljs: parseInt(min || '0'), and it creates every column up to min and then up to max.
    const min = parseInt(tag.attributes.get("min") ?? "0", 10);
    const max = parseInt(tag.attributes.get("max") ?? "0", 10);
    if (min > EXCEL_MAX_COLUMNS) {
      splices.push({ start: tag.start, end: elementEnd(xml, "col", tag), replacement: "" });
    } else if (max > EXCEL_MAX_COLUMNS) {
      const attributes = new Map(tag.attributes).set("max", String(EXCEL_MAX_COLUMNS));
      const rebuilt = `<col${[...attributes].map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join("")}${tag.selfClosing ? "/>" : ">"}`;
      splices.push({ start: tag.start, end: tag.end, replacement: rebuilt });
    }
  }
  return splices;
}

export function reviewWorksheet(xml: string, sheet: string, limits: XlsxLimits): WorksheetReview {
  checkRowNumbers(xml, sheet);
  const validations = dropOverBudget(xml, "dataValidation", (tag) => cellsInSqref(tag.attributes.get("sqref") ?? ""), limits.maxRangeCells, Infinity);
  const merges = dropOverBudget(xml, "mergeCell", mergedCells, limits.maxRangeCells, limits.maxMergesPerSheet);
  const columns = clipColumns(xml);
  const splices = [...validations, ...merges, ...columns];
  return {
    xml: splices.length === 0 ? null : applySplices(xml, splices),
    cells: countCellElements(xml),
    droppedValidations: validations.length,
    droppedMerges: merges.length,
    clippedColumns: columns.length,
  };
}

