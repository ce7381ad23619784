/** The `Trusts` sheet: the headers of spec section 3 in row 1, an Excel table, dropdowns and validations. */
import { COLUMNS, type ColumnDef } from "../columns";
import { columnLetters } from "../cells";
import type { TemplateSheet, TemplateValidation } from "./types";
import { DATE_FORMAT, DATE_MAX, DATE_MIN, FIRST_DATA_ROW, MONEY_FORMAT, SHEET, trustsDataRange } from "./layout";
import { listSource, type ListKey } from "./lists";

function listKeyOf(column: ColumnDef): ListKey | null {
  if (column.type === "supplier") return "supplier";
  if (column.type !== "enum") return null;
  switch (column.key) {
    case "trustType":
    case "eprStatus":
    case "plan":
    case "businessCaseStage":
    case "fundingModel":
      return column.key;
    default:
      throw new Error(`no list for enum column ${column.key}`);
  }
}

function validationOf(column: ColumnDef): TemplateValidation | null {
  const range = trustsDataRange(column.key);
  const list = listKeyOf(column);
  if (list) return { kind: "list", range, source: listSource(list) };
  switch (column.type) {
    case "date":
      return { kind: "date", range, min: DATE_MIN, max: DATE_MAX, prompt: "A date between 01/01/1990 and 31/12/2040, dd/mm/yyyy." };
    case "money":
      return { kind: "decimal", range, min: 0, prompt: "Pounds, a number of 0 or more." };
    case "whole":
      return { kind: "whole", range, min: 0, prompt: "A whole number of 0 or more." };
    default:
      return null;
  }
}

function formatOf(column: ColumnDef): string | null {
  if (column.type === "date") return DATE_FORMAT;
  if (column.type === "money") return MONEY_FORMAT;
  return null;
}

export function buildTrustsSheet(): TemplateSheet {
  const headers = COLUMNS.map((c) => c.header);
  const lastCol = columnLetters(COLUMNS.length);
  const validations = COLUMNS.flatMap((c) => validationOf(c) ?? []);
  const rangeFormats = COLUMNS.flatMap((c) => {
    const numFmt = formatOf(c);
    return numFmt ? [{ range: trustsDataRange(c.key), numFmt }] : [];
  });
  const columnWidths: Record<number, number> = {};
  COLUMNS.forEach((c, i) => (columnWidths[i + 1] = c.key === "notes" ? 40 : Math.max(12, c.header.length + 4)));
  return {
    name: SHEET.trusts,
    visibility: "visible",
    cells: COLUMNS.map((c, i) => ({ address: `${columnLetters(i + 1)}1`, value: c.header, bold: true })),
    columnWidths,
    table: { name: SHEET.trusts, range: `A1:${lastCol}${FIRST_DATA_ROW}`, headers },
    validations,
    freeze: { rows: 1, cols: 2 },
    rangeFormats,
  };
}
