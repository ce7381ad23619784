/**
 * Trust returns laid out the way trusts really send them (other header names, a title row, another column
 * order, another sheet name), written with exceljs into a temporary folder, for the merge, stamp and
 * export tests.
 */
import ExcelJS from "exceljs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Cell = string | number | Date | null;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export interface TrustBook {
  readonly sheet: string;
  readonly rows: readonly (readonly Cell[])[];
  /** Values for an ICS sheet (labels in A, values in B). */
  readonly ics?: readonly (readonly [string, Cell])[];
}

/** Template headers, the canonical layout. */
export const NORTH: TrustBook = {
  sheet: "Trusts",
  rows: [
    ["Trust ODS code", "Trust name", "Trust type", "EPR status", "EPR supplier", "Go-live date", "Convergence plan", "Beds"],
    ["RYJ", "Imperial College Healthcare", "Acute", "Live", "Epic", day("2019-06-01"), "Keep", 1000],
    ["R1H", "Barts Health", "Acute", "Live", "Oracle Health", day("2012-10-01"), "Keep", 2500],
  ],
};

/** A title row and a blank row above the headers, alternative header names, another sheet name. */
export const SOUTH: TrustBook = {
  sheet: "Providers",
  rows: [
    ["South ICS: EPR position, November 2023"],
    [],
    ["Provider name", "ODS code", "Status", "Supplier", "Go live", "Type", "Plan", "Number of beds"],
    ["King's College Hospital", "RJZ", "Live", "Epic", "31/03/2020", "Acute", "Keep", 950],
    ["Oxleas", "RPG", "Live", "RiO", "2015-04-01", "Mental health and community", "Interoperate", null],
  ],
};

/** Columns in another order, more alternative names, a lower-case code, an alias supplier. */
export const EAST: TrustBook = {
  sheet: "Sheet1",
  rows: [
    ["Future plan", "Live date", "Vendor", "Current EPR status", "Organisation type", "Organisation", "Org code", "Comments"],
    ["Keep", day("2017-11-01"), "Cerner", "Live", "Acute", "Cambridge University Hospitals", "rgt", "Epic in fact; to check"],
  ],
};

export async function writeTrustBook(path: string, book: TrustBook): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (book.ics) {
    const ics = wb.addWorksheet("ICS");
    for (const [label, value] of book.ics) ics.addRow([label, value]);
  }
  const ws = wb.addWorksheet(book.sheet);
  book.rows.forEach((row, index) => {
    row.forEach((value, col) => {
      // Strings are written as plain text cells, so "=HYPERLINK(…)" stays text, as a pasted value would.
      if (value !== null) ws.getCell(index + 1, col + 1).value = value;
    });
  });
  await wb.xlsx.writeFile(path);
  return path;
}

/** A temporary folder, removed by the returned cleanup. */
export async function tempFolder(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
