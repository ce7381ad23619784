/** Free text columns (spec section 5): trimmed, with a maximum length. */
import type { CellValue } from "../cells";
import { DEFAULT_SEVERITY } from "../catalogue";
import type { Severity } from "../issues";
import { makeNote, readInvalid, readValue, type ReadResult } from "./note";
import { contentText, readContent } from "./presence";

/**
 * Numbers and dates are read as the text they show. Over-long text keeps its
 * value (it was read) with a too_long note, its length counted as Excel's LEN counts it (UTF-16 code units,
 * which is what String.length is). Logical values are not text: invalid_enum, the code for "not a value this
 * column accepts" (Excel errors never get here: readContent makes them formula_error).
 */
export function readText(cell: CellValue, maxLength: number | undefined, tooLongSeverity: Severity = "error"): ReadResult<string> {
  return readContent(cell, (content) => {
    const text = contentText(content);
    if (text === null) return readInvalid(makeNote("invalid_enum", DEFAULT_SEVERITY.invalid_enum, { allowed: [] }));
    if (maxLength !== undefined && text.length > maxLength) {
      return readValue(text, [makeNote("too_long", tooLongSeverity, { length: text.length, max: maxLength })]);
    }
    return readValue(text);
  });
}
