/**
 * Which formulas of a column are one formula filled down, so the Office.js writer can send it once for the whole
 * run of cells (a single value set on a multi-cell range: chunks.ts WriteBlock.fill) instead of once per cell. Pure.
 *
 * Two cells hold "the same formula filled" when their formulas are equal once every relative A1 reference is written
 * relative to its own cell (as R1C1 notation does): `B2*2` in C2 and `B3*2` in C3 both read `R[0]C[-1]*2`. Text in
 * double quotes, quoted sheet names and structured references ([...]) are left as they are; a name that only looks
 * like a reference (a function such as LOG10, followed by "(") is not one.
 */
function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** The formula with each relative part of each A1 reference written as an offset from (row, col). */
export function relativeForm(formula: string, row: number, col: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula.charAt(j) === ch) {
          if (formula.charAt(j + 1) === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      const end = formula.indexOf("]", i);
      // Nested brackets ([[#Headers],[Col]]) close with "]]".
      const close = formula.startsWith("[[", i) ? formula.indexOf("]]", i) + 1 : end;
      const stop = close < i ? formula.length - 1 : close;
      out += formula.slice(i, stop + 1);
      i = stop + 1;
      continue;
    }
    const match = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(.!])/.exec(formula.slice(i));
    if (match && !/[A-Za-z0-9_.]/.test(formula.charAt(i - 1))) {
      const [text, colAbs, letters = "", rowAbs, digits] = match;
      const c = colAbs === "$" ? `C${columnNumber(letters)}` : `C[${columnNumber(letters) - col}]`;
      const r = rowAbs === "$" ? `R${Number(digits)}` : `R[${Number(digits) - row}]`;
      out += `${r}${c}`;
      i += text.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** One formula cell: its sheet row and the formula with its "=". */
export interface FormulaCell {
  readonly row: number;
  readonly formula: string;
}

/** A run of consecutive rows of one column holding one formula filled down from `formula` at `first`. */
export interface FormulaRun {
  readonly first: number;
  readonly last: number;
  readonly formula: string;
}

/** A column's formula cells (any order) as runs of one filled formula; a cell that fills with no neighbour is a run of one. */
export function formulaRuns(col: number, cells: readonly FormulaCell[]): FormulaRun[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row);
  const runs: FormulaRun[] = [];
  let run: { first: number; last: number; formula: string; form: string } | null = null;
  for (const cell of sorted) {
    const form = relativeForm(cell.formula, cell.row, col);
    if (run && cell.row === run.last + 1 && form === run.form) {
      run.last = cell.row;
      continue;
    }
    if (run) runs.push({ first: run.first, last: run.last, formula: run.formula });
    run = { first: cell.row, last: cell.row, formula: cell.formula, form };
  }
  if (run) runs.push({ first: run.first, last: run.last, formula: run.formula });
  return runs;
}
