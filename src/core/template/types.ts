/**
 * The template workbook (spec section 2) described as data, so that the .xlsx writer
 * (exceljs) and the Office.js gateway render exactly the same workbook.
 */

export type Scalar = string | number | boolean;

export interface TemplateCell {
  /** A1 address on its sheet. */
  readonly address: string;
  /** A literal value (dates as ISO text are not used: dates are written as serials with a date numFmt). */
  readonly value?: Scalar;
  /** A formula without the leading `=`, in Excel's English (en-US) syntax, e.g. `SUM(Trusts!P2:P1001)`. */
  readonly formula?: string;
  readonly numFmt?: string;
  readonly bold?: boolean;
  readonly wrap?: boolean;
}

export type TemplateValidation =
  /** A dropdown whose source is a range on the Lists sheet, e.g. `=Lists!$A$2:$A$8`. */
  | { readonly kind: "list"; readonly range: string; readonly source: string; readonly prompt?: string }
  | { readonly kind: "date"; readonly range: string; readonly min: string; readonly max: string; readonly prompt?: string }
  | { readonly kind: "whole"; readonly range: string; readonly min: number; readonly prompt?: string }
  | { readonly kind: "decimal"; readonly range: string; readonly min: number; readonly prompt?: string };

export interface TemplateTable {
  readonly name: string;
  /** Header row plus data rows, e.g. `A1:T2`. */
  readonly range: string;
  readonly headers: readonly string[];
}

export interface TemplateSheet {
  readonly name: string;
  readonly visibility: "visible" | "hidden";
  readonly cells: readonly TemplateCell[];
  /** 1-based column → width in characters. */
  readonly columnWidths?: Readonly<Record<number, number>>;
  readonly table?: TemplateTable;
  readonly validations?: readonly TemplateValidation[];
  /** Rows/columns frozen at the top/left. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  /** Number format applied to whole data ranges (e.g. dates), as range → format. */
  readonly rangeFormats?: readonly { readonly range: string; readonly numFmt: string }[];
}

export interface TemplateSpec {
  /** In workbook order: Guidance, ICS, Trusts, Lists, Summary (+ any hidden helper sheet). */
  readonly sheets: readonly TemplateSheet[];
  readonly version: string;
}
