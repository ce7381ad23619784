/**
 * The CSV export as the rows of a sheet, for hosts where the pane cannot download a file (Excel on Mac): the
 * user writes them to the sheet "EPR Export" and saves that sheet as CSV from Excel. The rows are the CSV's
 * own records, read back from the text the core wrote (so the sheet and the file never differ): the same
 * headers, canonical values and formula-injection prefixes (a text such as `'=SUM(A1)` stays text with its
 * apostrophe, as in the CSV file). Every field is written as the CSV's text, numbers included: a cell saved
 * as CSV is written as Excel displays it, and text is displayed as it is (the Office gateway gives text Excel's
 * text prefix so that Excel does not read it as a number, date or formula: src/office/chunks.ts), so the saved
 * file has the download's values. Blank fields are blank cells. So the sheet gives no number formats
 * (FiguresSheet.numberFormats) and no Date: unlike Write Summary's figures, nothing on it becomes a number or a date.
 */
import type { FiguresSheet } from "../app/gateway";

/** The sheet the export is written to (writeFigures picks a free name when the user has a sheet of that name). */
export const EXPORT_SHEET = "EPR Export";

const BOM = "\uFEFF";

/** RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF or LF line ends), without a leading BOM. */
export function csvRecords(csv: string): string[][] {
  const text = csv.startsWith(BOM) ? csv.slice(BOM.length) : csv;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
  };
  while (i < text.length) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      quoted = true;
      i += 1;
    } else if (ch === ",") {
      record.push(field);
      field = "";
      i += 1;
    } else if (ch === "\r" && text.charAt(i + 1) === "\n") {
      endRecord();
      i += 2;
    } else if (ch === "\n") {
      endRecord();
      i += 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

/** The sheet's rows for a CSV export: its header row, then one row per trust; blank fields are null (blank cells). */
export function exportSheetRows(csv: string): FiguresSheet["rows"] {
  return csvRecords(csv).map((record) => record.map((field) => (field === "" ? null : field)));
}

/** What writeFigures is given to put the CSV on the sheet "EPR Export". */
export function exportSheet(csv: string): FiguresSheet {
  return { name: EXPORT_SHEET, rows: exportSheetRows(csv) };
}
