// `epr-return report` over folders of typical returns (scripts/bench/report-returns.ts: 10 trusts each), each run a
// fresh process timed from spawn to exit with its peak memory (cli.js's runOnce), the sizes interleaved so that
// changes in the machine's load hit them alike. Exports measureReport for scripts/bench.js.
const fs = require("node:fs");
const path = require("node:path");
const { runOnce } = require("./cli");

const ROOT = path.join(__dirname, "..", "..");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * sets: { "42": { dir, returns, trustRows }, "500x1": … } from report-returns.ts. Each run writes OUT.xlsx and OUT.html into
 * outDir (replaced with --force), outside the folder read. Returns one line per set, fewest returns first.
 */
function measureReport(sets, runs, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const bin = path.join(ROOT, "bin", "epr-return.js");
  const entries = Object.entries(sets).sort((a, b) => a[1].returns - b[1].returns || b[1].trustRows - a[1].trustRows);
  const results = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, set] of entries) {
      const run = runOnce([bin, "report", set.dir, "-o", path.join(outDir, `national-${name}`), "--force"]);
      if (run.code !== 0) throw new Error(`report over ${set.returns} returns exited ${run.code}: ${run.stderr.split("\n")[0]}`);
      results[name].push(run);
    }
  }
  return entries.map(([name, set]) => {
    const medianSeconds = median(results[name].map((r) => r.seconds));
    const out = path.join(outDir, `national-${name}`);
    return {
      set: name,
      returns: set.returns,
      trustRows: set.trustRows,
      inputBytes: fs.readdirSync(set.dir).reduce((sum, f) => sum + fs.statSync(path.join(set.dir, f)).size, 0),
      medianSeconds,
      seconds: results[name].map((r) => Number(r.seconds.toFixed(2))),
      msPerReturn: (medianSeconds * 1000) / set.returns,
      maxRssMb: Math.max(...results[name].map((r) => r.maxRssMb ?? 0)),
      xlsxBytes: fs.statSync(`${out}.xlsx`).size,
      htmlBytes: fs.statSync(`${out}.html`).size,
    };
  });
}

module.exports = { measureReport };
