/**
 * Reviews xl/workbook.xml before exceljs parses it. exceljs records every cell of every defined
 * name ("Lists!$A$1:$A$1048576" is a million objects, "$A$1:$XFD$1048576" never finishes), so
 * names past the cell budget are dropped: reading values does not use them.
 */
import type { XlsxLimits } from "./limits";
import { cellsInReference } from "./cellRanges";
import { applySplices, elementEnd, elementText, startTags, type Splice } from "./xmlTags";

export interface WorkbookReview {
  /** The rewritten XML, or null when the part is fine as it is. */
  xml: string | null;
  droppedNames: number;
}

/** An upper bound: exceljs splits the text on commas (minding quoted sheet names) and decodes each piece. */
function cellsInDefinedName(text: string): number {
  return text.split(",").reduce((sum, piece) => sum + cellsInReference(piece.trim()), 0);
}

export function reviewWorkbook(xml: string, limits: XlsxLimits): WorkbookReview {
  if (!xml.includes("<definedName")) return { xml: null, droppedNames: 0 };
  const drops: Splice[] = [];
  let remaining = limits.maxRangeCells;
  for (const tag of startTags(xml, "definedName")) {
    const cells = cellsInDefinedName(elementText(xml, "definedName", tag));
    if (cells <= remaining) remaining -= cells;
    else drops.push({ start: tag.start, end: elementEnd(xml, "definedName", tag), replacement: "" });
  }
  return { xml: drops.length === 0 ? null : applySplices(xml, drops), droppedNames: drops.length };
}
