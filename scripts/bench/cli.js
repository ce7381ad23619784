// The command line against exceljs alone: each run a fresh node process (child_process), timed
// from spawn to exit, its peak memory taken by rss-probe.js. Exports measureCli for scripts/bench.js.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const ROOT = path.join(__dirname, "..", "..");
const PROBE = path.join(__dirname, "rss-probe.js");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One fresh process: wall-clock seconds, exit code, peak RSS in MB, and its stderr without the probe line. */
function runOnce(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", PROBE, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(child.stderr ?? "");
  const stderr = (child.stderr ?? "").replace(/\n?BENCH_MAX_RSS_KB \d+\n?/, "").trim();
  return { seconds, code: child.status, maxRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null, stderr };
}

function summary(label, results) {
  const failed = results.find((r) => r.code !== 0 && r.code !== 1);
  if (failed) throw new Error(`${label} exited ${failed.code}: ${failed.stderr.split("\n")[0]}`);
  return {
    medianSeconds: median(results.map((r) => r.seconds)),
    seconds: results.map((r) => Number(r.seconds.toFixed(2))),
    maxRssMb: Math.max(...results.map((r) => r.maxRssMb ?? 0)),
  };
}

/**
 * For each file: exceljs alone, `epr-return validate` and `epr-return score`, each in a fresh
 * process, `runs` times, interleaved so that changes in the machine's load hit all three alike.
 */
function measureCli(files, runs) {
  const bin = path.join(ROOT, "bin", "epr-return.js");
  const baseline = path.join(__dirname, "exceljs-load.js");
  return Object.entries(files).map(([rows, file]) => {
    const runsOf = { exceljs: [], validate: [], score: [] };
    for (let i = 0; i < runs; i++) {
      runsOf.exceljs.push(runOnce([baseline, file]));
      runsOf.validate.push(runOnce([bin, "validate", file]));
      runsOf.score.push(runOnce([bin, "score", file]));
    }
    const exceljs = summary("exceljs alone", runsOf.exceljs);
    const validate = summary("epr-return validate", runsOf.validate);
    const score = summary("epr-return score", runsOf.score);
    return { rows: Number(rows), file, exceljs, validate, score };
  });
}

/**
 * Start-up on a typical return (the examples: under 20 trusts), against \`node -e 0\` (Node starting and doing
 * nothing) in the same rounds: what a user waits for on each file is mostly loading modules.
 */
function measureStartup(files, runs) {
  const bin = path.join(ROOT, "bin", "epr-return.js");
  const rounds = Math.max(runs, 5);
  const node = [];
  const validate = Object.fromEntries(files.map((f) => [f, []]));
  for (let i = 0; i < rounds; i++) {
    node.push(runOnce(["-e", "0"]));
    for (const file of files) validate[file].push(runOnce([bin, "validate", file]));
  }
  return {
    node: summary("node -e 0", node),
    files: files.map((file) => ({ file: path.relative(ROOT, file), validate: summary(`epr-return validate ${file}`, validate[file]) })),
  };
}

module.exports = { measureCli, measureStartup, runOnce };
