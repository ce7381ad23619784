/**
 * Formulas that count and add up the report's Trusts rows, for all of them or those matching a condition (a
 * region, a file). Text is compared with `=` inside SUMPRODUCT, never with COUNTIF/SUMIFS criteria, which read
 * * ? ~ as wildcards (a file or ICS name may hold them), as the template's Summary does.
 */
import { lastRowFor, FIRST_ROW, REPORT_SHEETS, TRUSTS_COLUMNS, type TrustsColumn } from "./layout";
import { span } from "./cells";

export class TrustSums {
  private readonly last: number;

  /** rows: the number of trust rows on the Trusts sheet. */
  constructor(rows: number) {
    this.last = lastRowFor(rows);
  }

  range(column: TrustsColumn): string {
    return span(REPORT_SHEETS.trusts, TRUSTS_COLUMNS[column], FIRST_ROW, this.last);
  }

  /** A SUMPRODUCT factor: 1 on the rows whose column equals the text (a formula expression, e.g. `$A2` or `"London"`). */
  where(column: TrustsColumn, equals: string): string {
    // The file column is never blank on a trust row, so the blank row of an empty sheet matches no region (blank = "").
    return `(${this.range("file")}<>"")*(${this.range(column)}=${equals})`;
  }

  /** The number of trust rows, all or where the condition holds. */
  count(where: string | null): string {
    return where === null ? `COUNTA(${this.range("file")})` : `SUMPRODUCT(${where})`;
  }

  /** The sum of a numeric column, all or where the condition holds (blank counts as 0). */
  sum(column: TrustsColumn, where: string | null): string {
    return where === null ? `SUM(${this.range(column)})` : `SUMPRODUCT(${where}*${this.range(column)})`;
  }
}

/** A text as a formula string literal. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
