/** The Problems sheet: trust codes in more than one return, returns not read, returns with errors; one row each, filterable. */
import type ExcelJS from "exceljs";
import type { NationalProblems } from "../../core/national";
import { plural } from "../../core/plural";
import { setValue, writeHeaders } from "./cells";
import { FIRST_ROW, REPORT_SHEETS } from "./layout";

export const PROBLEM_HEADERS = ["Problem", "File", "Trust code", "Detail"] as const;
export const PROBLEM_KINDS = {
  duplicate: "Trust code in more than one return",
  unreadable: "Return could not be read",
  errors: "Return has errors",
} as const;

type ProblemRow = readonly [kind: string, file: string, trustCode: string | null, detail: string];

export function problemRows(problems: NationalProblems): ProblemRow[] {
  const rows: ProblemRow[] = [];
  for (const d of problems.duplicateTrusts) {
    for (const place of d.places) {
      const others = d.places.filter((p) => p !== place).map((p) => `${p.file} (row ${p.row})`);
      rows.push([PROBLEM_KINDS.duplicate, place.file, d.trustCode, `row ${place.row}; also in ${others.join(", ")}. Both rows are counted.`]);
    }
  }
  for (const u of problems.unreadable) rows.push([PROBLEM_KINDS.unreadable, u.file, null, u.reason]);
  for (const e of problems.withErrors) {
    rows.push([PROBLEM_KINDS.errors, e.file, null, `${plural(e.errors, "error")}, ${plural(e.warnings, "warning")} (epr-return validate lists them); its figures are counted as read`]);
  }
  return rows;
}

export function writeProblemsSheet(wb: ExcelJS.Workbook, problems: NationalProblems): void {
  const ws = wb.addWorksheet(REPORT_SHEETS.problems);
  writeHeaders(ws, 1, PROBLEM_HEADERS, [34, 36, 10, 90]);
  const rows = problemRows(problems);
  if (rows.length === 0) setValue(ws, FIRST_ROW, 1, "No problems found");
  rows.forEach((row, i) => row.forEach((value, c) => setValue(ws, FIRST_ROW + i, c + 1, value)));
  ws.autoFilter = `A1:D${FIRST_ROW + Math.max(rows.length, 1) - 1}`;
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
}
