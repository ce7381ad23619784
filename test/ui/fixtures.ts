/** Small returns for the task pane tests, as grids starting at A1. */
import type { CellValue, Row } from "../../src/core/cells";
import { COLUMNS } from "../../src/core/columns";
import type { ColumnKey } from "../../src/core/columns";

export const HEADERS: Row = COLUMNS.map((c) => c.header);

export function trustRow(values: Partial<Record<ColumnKey, CellValue>>): Row {
  return COLUMNS.map((c) => values[c.key] ?? null);
}

const live = (code: string, name: string, supplier: string, beds: number): Row =>
  trustRow({
    trustCode: code, trustName: name, trustType: "Acute", eprStatus: "Live", supplier, goLiveDate: "2021-05-01",
    plan: "Keep", beds, totalCost: null,
  });

/** Three live trusts, no errors: two on Epic, one on Oracle Health. */
export function cleanReturn(): Row[] {
  return [
    HEADERS,
    live("RYJ", "Imperial College Healthcare", "Oracle Health", 1000),
    live("R1H", "Barts Health", "Epic", 1500),
    live("RAL", "Royal Free London", "Epic", 900),
  ];
}

/**
 * Row 2: supplier spelt "Cerner" (non_canonical warning, fix → Oracle Health).
 * Row 3: status "Bogus" (invalid_enum error).
 */
export function returnWithIssues(): Row[] {
  return [
    HEADERS,
    live("RYJ", "Imperial College Healthcare", "Cerner", 1000),
    trustRow({ trustCode: "R1H", trustName: "Barts Health", trustType: "Acute", eprStatus: "Bogus", plan: "Keep" }),
    live("RAL", "Royal Free London", "Epic", 900),
  ];
}

export const ICS_ROWS: Row[] = [
  ["ICS name", "North West London"],
  ["ICB ODS code", "QRV"],
  ["Contact name", null],
  ["Contact email", null],
  ["Submission date", "2024-06-30"],
  ["Target profile", "mar-2026"],
];
