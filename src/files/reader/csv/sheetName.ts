/** A .csv's one sheet is named after the file, as Excel names it when it opens one (spec section 5). */
import { MAX_SHEET_NAME } from "../../../core/sheet/sheetNames";

const DEFAULT_NAME = "Sheet1";

/** "returns/Leeds [draft].csv" → "Leeds _draft_": no folder or extension, none of []:*?/\, at most 31 characters. */
export function sheetNameForFile(fileName: string | undefined): string {
  const base = (fileName ?? "").split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const stem = dot >= 0 ? base.slice(0, dot) : base;
  let name = stem.replace(/[[\]:*?/\\]/g, "_").trim();
  if (name.length > MAX_SHEET_NAME) {
    name = name.slice(0, MAX_SHEET_NAME);
    // Never leave half of a surrogate pair at the end.
    if (/[\uD800-\uDBFF]$/.test(name)) name = name.slice(0, -1);
  }
  // Excel also refuses a name that starts or ends with an apostrophe.
  name = name.replace(/^'+|'+$/g, "").trim();
  return name === "" ? DEFAULT_NAME : name;
}
