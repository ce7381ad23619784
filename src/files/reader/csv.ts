/**
 * Reading a .csv into the core's grid (spec section 5): one sheet named after the file, UTF-8 (with or without a
 * byte-order mark) or Windows-1252, separator `,`, `;` or tab as the header row uses, RFC 4180 quoting, plain
 * numbers as numbers and everything else as text. Linear in the file's size; rows and cells counted against the
 * read budgets (./types.ts) as they are made.
 */
import type { CellValue, Row, SheetData } from "../../core/cells";
import { checkFileSize, overLimit, resolveLimits } from "./csv/budget";
import { csvCellValue } from "./csv/cellValue";
import { decodeCsvText } from "./csv/decode";
import { forEachCsvRecord } from "./csv/records";
import { chooseSeparator } from "./csv/separator";
import { sheetNameForFile } from "./csv/sheetName";
import type { ReadLimits, ReadOptions, WorkbookData } from "./types";

/** Every row with no values: one shared, frozen array. */
const EMPTY_ROW: Row = Object.freeze([]);

function readRows(text: string, limits: ReadLimits): Row[] {
  const { separator, start } = chooseSeparator(text);
  const rows: Row[] = [];
  let cells = 0;
  forEachCsvRecord(text, start, separator, limits.maxCells, (fields) => {
    if (rows.length >= limits.maxRows) throw overLimit("rows", limits.maxRows);
    // Trailing empty fields are left off (rows are ragged); the cells kept inside a row are counted.
    let width = fields.length;
    while (width > 0 && fields[width - 1] === "") width--;
    if (width === 0) {
      rows.push(EMPTY_ROW);
      return;
    }
    cells += width;
    if (cells > limits.maxCells) throw overLimit("cells", limits.maxCells);
    const row = new Array<CellValue>(width);
    for (let j = 0; j < width; j++) row[j] = csvCellValue(fields[j] as string);
    rows.push(row);
  });
  while (rows.length > 0 && rows[rows.length - 1] === EMPTY_ROW) rows.pop();
  return rows;
}

export async function readCsv(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookData> {
  const limits = resolveLimits(options.limits);
  checkFileSize(bytes.length, limits.maxFileBytes);
  const name = sheetNameForFile(options.fileName);
  const wanted = options.sheetsToRead?.([{ name, visible: true }]) ?? null;
  const grid: SheetData | null =
    wanted === null || wanted.has(name) ? { name, rows: readRows(decodeCsvText(bytes).text, limits), firstRow: 1, firstCol: 1 } : null;
  return { format: "csv", date1904: false, sheets: [{ name, state: "visible", grid }], definedNames: [], beyondValues: [] };
}
