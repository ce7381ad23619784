/**
 * Editing a workbook's own bytes in place of rewriting it whole, so that nothing the file holds is lost (issue 10,
 * "writes that lose nothing"). Browser-safe: no Node modules.
 */
export { addStampSheet, PART_LIMIT } from "./addStampSheet";
export { replacePartText } from "./replacePart";
