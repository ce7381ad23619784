/**
 * How many cells exceljs would visit for a reference such as "A1:C10". It reads references
 * leniently (col-cache.js decodeAddress): column letters A-Z before the first digit, then digits,
 * "$" ignored, stopping at any other character once both are seen. Counting the same way means a
 * reference the guard thinks small is small for exceljs too.
 */

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

interface LooseAddress {
  col: number | null;
  row: number | null;
}

const A = 65;
const Z = 90;
const ZERO = 48;
const NINE = 57;
const DOLLAR = 36;

function looseAddress(text: string): LooseAddress {
  let col = 0;
  let row = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (!hasRow && ch >= A && ch <= Z) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= ZERO && ch <= NINE) {
      hasRow = true;
      row = row * 10 + ch - ZERO;
    } else if (hasRow && hasCol && ch !== DOLLAR) {
      break;
    }
  }
  return { col: hasCol ? col : null, row: hasRow ? row : null };
}

/**
 * Cells in one reference ("A1", "A1:B2", "Sheet1!$A$1:$A$9"). A single cell counts 1. A range
 * missing a row or column ("A:A", "1:1") counts 0: exceljs's loops get NaN bounds and run no times.
 */
export function cellsInReference(reference: string): number {
  const bang = reference.lastIndexOf("!");
  const parts = (bang >= 0 ? reference.slice(bang + 1) : reference).split(":");
  const [first, second] = parts;
  if (first === undefined || second === undefined) return 1;
  const tl = looseAddress(first);
  const br = looseAddress(second);
  if (tl.col === null || tl.row === null || br.col === null || br.row === null) return 0;
  return (Math.abs(br.row - tl.row) + 1) * (Math.abs(br.col - tl.col) + 1);
}

/** Cells in a space-separated list of references, as in a data validation's sqref. */
export function cellsInSqref(sqref: string): number {
  return sqref
    .split(/\s+/)
    .filter((token) => token !== "")
    .reduce((sum, token) => sum + cellsInReference(token), 0);
}
