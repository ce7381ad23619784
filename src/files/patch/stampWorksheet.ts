/**
 * The stamp sheet's worksheet part, written from the rows of the core's layout (src/core/stamp/sheetLayout.ts):
 * text as inline strings (no shared strings part is touched), numbers as `<v>`, blanks (null, and "" which every
 * reader reads as blank) left out. Values read back exactly:
 *
 * - text: &, <, > as entities; CR as a character reference (a raw CR is turned into LF by every XML parser); the
 *   characters XML 1.0 cannot hold (C0 controls but tab and LF, U+FFFE/U+FFFF, unpaired surrogates) as `_xHHHH_`,
 *   and a literal `_xHHHH_` in the text with its underscore escaped as `_x005F_`, as Excel does (ECMA-376 Part 1,
 *   22.9.2.19 ST_Xstring); `xml:space="preserve"` keeps leading and trailing spaces;
 * - numbers: JavaScript's shortest round-trip form (`1e+21`, `5e-7` are valid xsd:double), -0 as 0; a number that
 *   is not finite has no cell value and is refused.
 */
import type { StampSheetCell } from "../../app/gateway";
import type { Flavour } from "./workbookSheets";

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const LITERAL_ESCAPE = /_x(?=[0-9A-Fa-f]{4}_)/g;
// eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
const NEEDS_ESCAPE = /[&<>\r]|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };

export function cellText(text: string): string {
  return text.replace(LITERAL_ESCAPE, "_x005F_x").replace(NEEDS_ESCAPE, (c) => ENTITY[c] ?? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

export function cellNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`a stamp cell cannot hold ${value}`);
  return Object.is(value, -0) ? "0" : String(value);
}

function cellXml(ref: string, value: string | number): string {
  if (typeof value === "number") return `<c r="${ref}"><v>${cellNumber(value)}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${cellText(value)}</t></is></c>`;
}

/** The worksheet part holding the rows from A1. */
export function stampWorksheetXml(rows: readonly (readonly StampSheetCell[])[], flavour: Flavour): string {
  const rowsXml: string[] = [];
  let lastRow = 0;
  let lastColumn = 0;
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((value, c) => {
      if (value === null || value === "") return;
      cells.push(cellXml(`${columnName(c)}${r + 1}`, value));
      lastColumn = Math.max(lastColumn, c + 1);
    });
    if (cells.length === 0) return;
    rowsXml.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    lastRow = r + 1;
  });
  const dimension = lastRow === 0 ? "A1" : `A1:${columnName(lastColumn - 1)}${lastRow}`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${flavour.main}"><dimension ref="${dimension}"/><sheetData>${rowsXml.join("")}</sheetData></worksheet>`;
}
