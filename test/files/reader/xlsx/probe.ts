/**
 * Reads one .xlsx file in a fresh process and prints, as one line of JSON, what came of it and what
 * it cost: the outcome (a summary of the sheets, or the error's message), the process's peak
 * resident memory and its heap after the read. Run by ./hostile.test.ts (and scripts/bench/hostile.ts) as
 *   node --import tsx probe.ts FILE [LIMITS_JSON] [fflate|zlib]
 * so that each hostile file's memory is accounted on its own. zlib: inflating as the command line does
 * (src/files/nodeFile.ts); by default as the browser does.
 */
import { readFile } from "node:fs/promises";
import { WorkbookReadError } from "../../../../src/files/errors";
import { nodeInflateRaw } from "../../../../src/files/nodeFile";
import { readXlsx } from "../../../../src/files/reader/xlsx";

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const [file, limits, inflater] = process.argv.slice(2);
  if (!file) throw new Error("usage: probe.ts FILE [LIMITS_JSON] [fflate|zlib]");
  const bytes = new Uint8Array(await readFile(file));
  const rssBeforeMb = process.memoryUsage().rss / MB;
  const started = Date.now();
  let outcome: unknown;
  try {
    const workbook = await readXlsx(bytes, { ...(limits ? { limits: JSON.parse(limits) as object } : {}), ...(inflater === "zlib" ? { inflateRaw: nodeInflateRaw } : {}) });
    const sheets = workbook.sheets.map((sheet) => {
      const rows = sheet.grid?.rows ?? [];
      let values = 0;
      let widest = 0;
      let longestString = 0;
      for (const row of rows) {
        widest = Math.max(widest, row.length);
        for (const value of row) {
          if (value !== null) values++;
          if (typeof value === "string") longestString = Math.max(longestString, value.length);
        }
      }
      return { name: sheet.name, rows: rows.length, values, widest, longestString };
    });
    outcome = { read: true, sheetCount: sheets.length, sheets: sheets.slice(0, 3), beyondValues: workbook.beyondValues };
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    outcome = { read: false, message: error.message };
  }
  const seconds = (Date.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const heapUsedMb = process.memoryUsage().heapUsed / MB;
  process.stdout.write(`${JSON.stringify({ outcome, seconds, rssBeforeMb, peakRssMb, heapUsedMb })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`probe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
