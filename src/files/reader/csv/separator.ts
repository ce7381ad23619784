/**
 * Which separator a .csv uses (spec section 5): `,`, `;` or tab, whichever its header row holds most of outside
 * quotes (ties: comma, then semicolon). Excel's own hint, a first line `sep=;`, wins when present.
 */

export type CsvSeparator = "," | ";" | "\t";

const SEP_HINT = /^sep=(.)(\r\n|\n|\r|$)/;

export interface SeparatorChoice {
  readonly separator: CsvSeparator;
  /** Where the data starts: after the `sep=` line when there is one. */
  readonly start: number;
}

export function chooseSeparator(text: string): SeparatorChoice {
  const hint = SEP_HINT.exec(text.slice(0, 8));
  if (hint && (hint[1] === "," || hint[1] === ";" || hint[1] === "\t")) {
    return { separator: hint[1], start: hint[0].length };
  }
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  // The header row ends at the first line end outside quotes (a quoted header may span lines).
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (ch === 0x0a || ch === 0x0d) break;
    else if (ch === 0x2c) commas++;
    else if (ch === 0x3b) semicolons++;
    else if (ch === 0x09) tabs++;
  }
  if (commas >= semicolons && commas >= tabs) return { separator: ",", start: 0 };
  return { separator: semicolons >= tabs ? ";" : "\t", start: 0 };
}
