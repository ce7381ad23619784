/**
 * Writes the benchmark's .xlsx files into a folder (argument 1), reusing ones already there:
 * returns of each size given (rows-N.xlsx), and last-row.xlsx, a small return with a value in
 * A1048576. Prints their paths as JSON.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { COLUMNS } from "../../src/core/columns";
import { trustRows, writeReturnFile } from "./generate";

async function writeLastRowFile(path: string): Promise<string> {
  if (existsSync(path)) return path;
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Trusts");
  ws.addRow(COLUMNS.map((c) => c.header));
  for (const row of trustRows(10)) ws.addRow(row);
  ws.getCell("A1048576").value = "RZZ";
  await workbook.xlsx.writeFile(path);
  return path;
}

async function main(): Promise<void> {
  const [dir, ...sizes] = process.argv.slice(2);
  if (!dir) throw new Error("usage: files.ts DIR [ROWS...]");
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {};
  for (const size of sizes.map(Number)) files[String(size)] = await writeReturnFile(join(dir, `rows-${size}.xlsx`), size);
  files.lastRow = await writeLastRowFile(join(dir, "last-row.xlsx"));
  process.stdout.write(`${JSON.stringify(files)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`files.ts: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
