/** ODS codes (spec sections 4 and 5): a trust's `R`/`T` + two letters or digits, an ICB's `Q` + two. */
import type { CellValue } from "../cells";
import { DEFAULT_SEVERITY } from "../catalogue";
import { makeNote, readInvalid, readValue, type CodeForm, type ReadResult } from "./note";
import { contentText, readContent } from "./presence";

const FORMS: Readonly<Record<CodeForm, RegExp>> = {
  trust: /^[RT][A-Z0-9]{2}$/,
  icb: /^Q[A-Z0-9]{2}$/,
};

/** Exact form accepted; lower case accepted upper-cased with non_canonical; anything else invalid_code. */
/** The failed reading of each form, made once (results are read-only). */
const INVALID: Readonly<Record<CodeForm, ReadResult<string>>> = {
  trust: readInvalid(makeNote("invalid_code", DEFAULT_SEVERITY.invalid_code, { form: "trust" })),
  icb: readInvalid(makeNote("invalid_code", DEFAULT_SEVERITY.invalid_code, { form: "icb" })),
};

export function readCode(cell: CellValue, form: CodeForm): ReadResult<string> {
  return readContent(cell, (content) => {
    const text = contentText(content);
    const invalid = INVALID[form];
    if (text === null) return invalid;
    if (FORMS[form].test(text)) return readValue(text);
    const upper = text.toUpperCase();
    if (!FORMS[form].test(upper)) return invalid;
    return readValue(upper, [makeNote("non_canonical", DEFAULT_SEVERITY.non_canonical, { canonical: upper })]);
  });
}

export function readTrustCode(cell: CellValue): ReadResult<string> {
  return readCode(cell, "trust");
}

export function readIcbCode(cell: CellValue): ReadResult<string> {
  return readCode(cell, "icb");
}
