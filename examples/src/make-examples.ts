/**
 * Writes the shipped example workbooks (run: `npx tsx examples/src/make-examples.ts`).
 * They are committed, so the README's walk-through and the golden tests read exactly these bytes.
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { templateWorkbook } from "../../src/files/writeTemplate";
import { writeIcsDetails, writeTrustsTable } from "../../src/files/writeRows";
import { CLEAN_ICS, CLEAN_TRUSTS, MESSY_HEADERS, MESSY_ROWS, MESSY_TITLE } from "./data";

const here = path.join(__dirname, "..");
// Fixed timestamps keep the files byte-stable from one run to the next.
const FIXED = new Date(Date.UTC(2023, 10, 15, 9, 0, 0));

function stamp(wb: ExcelJS.Workbook): ExcelJS.Workbook {
  wb.creator = "EPR Return examples";
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

export function cleanReturn(): ExcelJS.Workbook {
  const wb = templateWorkbook();
  writeIcsDetails(wb, CLEAN_ICS);
  writeTrustsTable(wb, CLEAN_TRUSTS);
  return stamp(wb);
}

export function messyTrustSheet(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("EPR position");
  ws.getCell("A1").value = MESSY_TITLE;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow(MESSY_HEADERS).font = { bold: true };
  for (const row of MESSY_ROWS) ws.addRow(row);
  ws.getColumn(2).width = 44;
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "Draft for the ICS digital team; figures to be confirmed by finance.";
  return stamp(wb);
}

/** The clean return 18 months on, scored against the March 2026 target. */
export function midPlanReturn(): ExcelJS.Workbook {
  const wb = templateWorkbook();
  writeIcsDetails(wb, { ...CLEAN_ICS, submissionDate: "2025-05-20", targetProfile: "mar-2026" });
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const rows = CLEAN_TRUSTS.map((r) => [...r]);
  const byCode = (code: string) => rows.find((r) => r[0] === code) ?? [];
  Object.assign(byCode("RZ5"), { 3: "Live" }); // Moorside went live in March 2024
  Object.assign(byCode("RZ8"), { 3: "Implementing", 4: "TPP", 5: "SystmOne", 6: d("2025-09-30"), 8: "Keep", 9: null, 10: null, 11: null });
  Object.assign(byCode("RZ7"), { 3: "Implementing", 4: "Nervecentre", 6: d("2025-07-31"), 8: "Keep", 9: null, 10: null, 11: null });
  writeTrustsTable(wb, rows);
  return stamp(wb);
}

async function main(): Promise<void> {
  const outputs: [string, ExcelJS.Workbook][] = [
    ["clean-ics-return.xlsx", cleanReturn()],
    ["trust-adhoc-sheet.xlsx", messyTrustSheet()],
    ["mid-plan-return.xlsx", midPlanReturn()],
  ];
  for (const [name, wb] of outputs) {
    await wb.xlsx.writeFile(path.join(here, name));
    process.stdout.write(`wrote examples/${name}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`make-examples: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
