/**
 * The stamp sheet's layout, shared by every writer and reader (the command line over exceljs, the add-in
 * over Office.js), so that `epr-return verify` accepts a workbook stamped in the add-in and the other way
 * round. From A1:
 *
 *   row 1   title | note
 *   row 2   (blank)
 *   rows 3–11  label | value: Stamped at, Spec version, Template version, Sheet, Warnings, SHA-256, ICS SHA-256,
 *              ICS field hashes (blank without an ICS sheet), Rows
 *   row 12  (blank)
 *   row 13  Row | Trust ODS code | SHA-256 | Field hashes
 *   then one row per stamped trust row: sheet row | trust code (blank when none) | hash | field hashes
 *
 * Reading is by label, not by position, so a blank row inserted by hand above the table does no harm. The field
 * hashes (./fieldHashes) came later: a stamp without them still reads (it then cannot name the changed fields), and
 * a reader that knows only the first three columns and the other labels reads a stamp with them as before.
 */
import { cellAt, lastRow, type CellValue, type Row, type SheetData } from "../cells";
import { StampSchema, type RowStamp, type Stamp } from "./stamp";
import { STAMP_SHEET } from "../returnSheets";

export { STAMP_SHEET };

const TITLE = "EPR Return validation stamp";
const NOTE = "Written by EPR Return (`epr-return stamp`, or Stamp as validated in the add-in). Do not edit: `epr-return verify` compares the return with these hashes.";
const LABELS = {
  stampedAt: "Stamped at",
  specVersion: "Spec version",
  templateVersion: "Template version",
  sheet: "Sheet",
  warnings: "Warnings",
  sha256: "SHA-256",
  icsSha256: "ICS SHA-256",
  icsFields: "ICS field hashes",
  rowCount: "Rows",
} as const;
const ROW_HEADERS = ["Row", "Trust ODS code", "SHA-256", "Field hashes"] as const;

/** What the stamp sheet's cells hold: text and numbers only. */
export type StampCell = string | number | null;

/** The stamp sheet cannot be read back (edited by hand, or cut short). */
export class StampReadError extends Error {
  override readonly name = "StampReadError";
}

/** The stamp as the stamp sheet's rows, from A1 (a blank row is an empty array). */
export function stampToRows(stamp: Stamp): StampCell[][] {
  return [
    [TITLE, NOTE],
    [],
    [LABELS.stampedAt, stamp.stampedAt],
    [LABELS.specVersion, stamp.specVersion],
    [LABELS.templateVersion, stamp.templateVersion],
    [LABELS.sheet, stamp.sheet],
    [LABELS.warnings, stamp.warnings],
    [LABELS.sha256, stamp.sha256],
    [LABELS.icsSha256, stamp.icsSha256],
    [LABELS.icsFields, stamp.icsFields ?? null],
    [LABELS.rowCount, stamp.rows.length],
    [],
    [...ROW_HEADERS],
    ...stamp.rows.map((r): StampCell[] => (r.fields === undefined ? [r.row, r.trustCode, r.sha256] : [r.row, r.trustCode, r.sha256, r.fields])),
  ];
}

function text(cell: CellValue | undefined): string | null {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  return null;
}

/** The stamp read from the stamp sheet's grid; throws StampReadError when it is damaged. */
export function stampFromSheet(grid: SheetData): Stamp {
  const values = new Map<string, CellValue>();
  let headerRow: number | null = null;
  for (let row = grid.firstRow; row <= lastRow(grid) && headerRow === null; row++) {
    const label = text(cellAt(grid, row, 1));
    if (label === ROW_HEADERS[0] && text(cellAt(grid, row, 3)) === ROW_HEADERS[2]) headerRow = row;
    else if (label !== null) values.set(label, cellAt(grid, row, 2));
  }
  if (headerRow === null) throw new StampReadError(`the ${STAMP_SHEET} sheet has no row table`);
  const rows: RowStamp[] = [];
  for (let row = headerRow + 1; row <= lastRow(grid); row++) {
    const sheetRow = cellAt(grid, row, 1);
    if (sheetRow === null) continue;
    const fields = text(cellAt(grid, row, 4));
    rows.push({ row: Number(sheetRow), trustCode: text(cellAt(grid, row, 2)), sha256: text(cellAt(grid, row, 3)) ?? "", ...(fields === null ? {} : { fields }) });
  }
  if (values.get(LABELS.rowCount) !== rows.length) throw new StampReadError(`the ${STAMP_SHEET} sheet lists ${rows.length} rows, not the ${String(values.get(LABELS.rowCount))} it says`);
  const parsed = StampSchema.safeParse({
    stampedAt: text(values.get(LABELS.stampedAt)),
    specVersion: text(values.get(LABELS.specVersion)),
    templateVersion: text(values.get(LABELS.templateVersion)),
    sheet: text(values.get(LABELS.sheet)),
    warnings: values.get(LABELS.warnings),
    sha256: text(values.get(LABELS.sha256)),
    icsSha256: text(values.get(LABELS.icsSha256)),
    icsFields: text(values.get(LABELS.icsFields)) ?? undefined,
    rows,
  });
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") ?? "?";
    throw new StampReadError(`the ${STAMP_SHEET} sheet is damaged (${where})`);
  }
  return parsed.data;
}

/** The stamp read from rows starting at A1 (the inverse of stampToRows). */
export function stampFromRows(rows: readonly Row[]): Stamp {
  return stampFromSheet({ name: STAMP_SHEET, rows, firstRow: 1, firstCol: 1 });
}
