// The baseline for the command line's time: exceljs alone loading the same .xlsx, nothing else.
// Run in a fresh process per measurement by scripts/bench.js (argument: the file).
const ExcelJS = require("exceljs");

const workbook = new ExcelJS.Workbook();
workbook.xlsx.readFile(process.argv[2]).then(
  () => {
    process.stdout.write(`${workbook.worksheets.length} sheets\n`);
  },
  (error) => {
    process.stderr.write(`exceljs-load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
