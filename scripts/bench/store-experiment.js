// Experiment: exceljs loading the same workbook DEFLATE-compressed vs STORE (uncompressed),
// to see what its own inflation costs. Usage: node scripts/bench/store-experiment.js FILE
const { performance } = require("node:perf_hooks");
const fs = require("node:fs");
const JSZip = require("jszip");
const ExcelJS = require("exceljs");

async function loadMs(bytes) {
  const start = performance.now();
  await new ExcelJS.Workbook().xlsx.load(bytes);
  return Math.round(performance.now() - start);
}

async function main() {
  const deflated = fs.readFileSync(process.argv[2]);
  const zip = await JSZip.loadAsync(deflated);
  let start = performance.now();
  for (const entry of Object.values(zip.files)) if (!entry.dir) zip.file(entry.name, await entry.async("uint8array"));
  const inflateMs = Math.round(performance.now() - start);
  start = performance.now();
  const stored = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
  const storeMs = Math.round(performance.now() - start);
  const result = { inflateAllMs: inflateMs, generateStoreMs: storeMs, storedMB: +(stored.length / 1048576).toFixed(1), deflate: [], store: [] };
  for (let i = 0; i < 3; i++) {
    result.deflate.push(await loadMs(deflated));
    result.store.push(await loadMs(stored));
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
main();
