// Where the command line's time goes on one file, phase by phase, in one process, over the
// compiled lib/ (build it first), the way `epr-return validate` does it: the reader (src/files/reader)
// with only the sheets validate reads, the rules, the report written in pieces.
// Usage: node --expose-gc scripts/bench/phases.js FILE. Prints JSON: milliseconds per phase,
// the heap after each phase (MB, after a full GC when --expose-gc is given) and the process's peak
// resident memory.
const { performance } = require("node:perf_hooks");

const marks = [];
const heap = [];
let last = performance.now();
function mark(name) {
  const now = performance.now();
  marks.push([name, Math.round(now - last)]);
  if (typeof globalThis.gc === "function") globalThis.gc();
  heap.push([name, Math.round(process.memoryUsage().heapUsed / 1048576)]);
  last = performance.now();
}

async function main() {
  const fs = require("node:fs");
  const { readWorkbookBytes } = require("../../lib/files/reader");
  // The command line offers Node's zlib to the reader (src/files/nodeFile.ts): so does this.
  const { nodeInflateRaw } = require("../../lib/files/nodeFile");
  const { validateSheet } = require("../../lib/core/validate");
  const { writeValidationText } = require("../../lib/cli/format/text");
  mark("require");
  const bytes = new Uint8Array(fs.readFileSync(process.argv[2]));
  mark("readFile");
  // As openForReading (src/cli/openReturn.ts) asks: the Trusts and ICS sheets when there is a Trusts sheet.
  const sheetsToRead = (sheets) => (sheets.some((s) => s.name === "Trusts" && s.visible) ? new Set(["Trusts", "ICS"]) : null);
  const workbook = await readWorkbookBytes(bytes, { fileName: process.argv[2], sheetsToRead, inflateRaw: nodeInflateRaw });
  mark("read (zip, XML, grid)");
  const grid = (workbook.sheets.find((s) => s.name === "Trusts") ?? workbook.sheets[0]).grid;
  const result = validateSheet(grid, { submitted: "2023-11-15" });
  mark("validateSheet");
  const out = fs.openSync("/dev/null", "w");
  let chars = 0;
  writeValidationText({ file: process.argv[2], checked: { result, issues: result.issues, errors: result.errors, warnings: result.warnings } }, (text) => {
    chars += text.length;
    fs.writeSync(out, text);
  });
  fs.closeSync(out);
  mark(`text report (${chars} chars)`);
  // Keep the workbook and grid alive until the heap after the last phase is taken.
  const kept = [workbook.sheets.length, grid.rows.length, result.issues.length];
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ms: Object.fromEntries(marks), heapMb: Object.fromEntries(heap), maxRssMb, kept })}\n`);
}

main().catch((error) => {
  process.stderr.write(`phases: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
