#!/usr/bin/env node
/**
 * npm run bench: measures the core, the command line, the Office.js gateway's round trips, the
 * task-pane bundle and the workbench's start, prints a table and writes docs/benchmarks.md.
 *
 *   npm run bench                          # everything (about 15 minutes on a 2-core machine)
 *   npm run bench -- --skip=bundle,workbench,cli   # leave parts out (core, cli, hostile, report, office, bundle, workbench)
 *   BENCH_RUNS=5 npm run bench             # fresh-process runs per command-line figure (default 3)
 *   BENCH_DIR=/tmp/x npm run bench         # where the generated .xlsx files and the build go
 *   npm run bench -- --render              # rewrite docs/benchmarks.md from the last run's figures (BENCH_DIR/bench.json)
 *
 * Generated files are kept in BENCH_DIR (default: the system temp folder) and reused.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { measureCli, measureStartup } = require("./bench/cli");
const { renderMarkdown, renderTable } = require("./bench/report");
const { measureReport } = require("./bench/report-cli");

const ROOT = path.join(__dirname, "..");
const DIR = process.env.BENCH_DIR ?? path.join(os.tmpdir(), "epr-bench");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const skip = new Set((process.argv.find((a) => a.startsWith("--skip=")) ?? "").replace("--skip=", "").split(",").filter(Boolean));

function log(line) {
  process.stderr.write(`bench: ${line}\n`);
}

/** Runs node with tsx (TypeScript) or plain; returns the JSON the script printed on stdout. */
function nodeJson(args, { tsx = false, extra = [] } = {}) {
  const child = spawnSync(process.execPath, [...(tsx ? ["--import", "tsx"] : []), ...extra, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  if (child.status !== 0) throw new Error(`${args.join(" ")} failed (${child.status}): ${(child.stderr ?? "").trim().split("\n").slice(-3).join(" / ")}`);
  const lines = child.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "null");
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    loadAtStart: os.loadavg().map((n) => Number(n.toFixed(1))),
  };
}

/** A part that has no figures: left out, or failed. */
const missing = (p) => !p || p.failed || p.skipped;

/** A part of the bench: its figures, or why it has none. */
function part(name, work) {
  if (skip.has(name)) return { skipped: true, reason: "left out with --skip" };
  log(`${name}…`);
  const started = Date.now();
  try {
    const figures = work();
    log(`${name} done in ${Math.round((Date.now() - started) / 1000)} s`);
    return figures;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`${name} failed: ${reason}`);
    return { failed: true, reason };
  }
}

function buildCli() {
  const child = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) throw new Error(`npm run build:cli produced no lib/cli/main.js: ${child.stdout}`);
  // tsc emits even with type errors (other work in progress); the figures are of what it emitted.
  return child.status === 0 ? null : `build:cli reported type errors (lib/ was still emitted): ${child.stdout.trim().split("\n")[0]}`;
}

function write(result) {
  process.stdout.write(renderTable(result));
  const doc = path.join(ROOT, "docs", "benchmarks.md");
  fs.writeFileSync(doc, renderMarkdown(result));
  log(`wrote ${path.relative(ROOT, doc)} (raw figures in ${path.join(DIR, "bench.json")})`);
}

function main() {
  if (process.argv.includes("--render")) {
    write(JSON.parse(fs.readFileSync(path.join(DIR, "bench.json"), "utf8")));
    return;
  }
  fs.mkdirSync(DIR, { recursive: true });
  const result = { machine: machine(), runs: RUNS, dir: DIR, notes: [] };

  result.core = part("core", () => nodeJson(["scripts/bench/core.ts"], { tsx: true }));

  result.cli = part("cli", () => {
    const warning = buildCli();
    if (warning) result.notes.push(warning);
    const files = nodeJson(["scripts/bench/files.ts", DIR, "10000", "50000"], { tsx: true });
    const { lastRow, ...sized } = files;
    const phases = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, nodeJson(["scripts/bench/phases.js", file], { extra: ["--expose-gc"] })]));
    const typical = ["clean-ics-return.xlsx", "mid-plan-return.xlsx"].map((name) => path.join(ROOT, "examples", name));
    return { comparisons: measureCli(sized, RUNS), startup: measureStartup(typical, RUNS), phases, lastRowFile: lastRow };
  });

  result.hostile = part("hostile", () => nodeJson(["scripts/bench/hostile.ts", DIR, String(RUNS)], { tsx: true }));

  // The national report over 42 and 500 typical returns, and over 500 returns of one trust each (as many trust rows
  // as 42 typical ones, twelve times the files): issue 13. lib/ as the cli part built it, else built here.
  result.report = part("report", () => {
    if (missing(result.cli)) {
      const warning = buildCli();
      if (warning) result.notes.push(warning);
    }
    const sets = nodeJson(["scripts/bench/report-returns.ts", DIR, "42", "500", "500x1"], { tsx: true });
    return { sets: measureReport(sets, RUNS, path.join(DIR, "report-out")) };
  });

  result.office = part("office", () => nodeJson(["scripts/bench/office.ts"], { tsx: true }));

  const distDir = path.join(DIR, "dist");
  result.bundle = part("bundle", () => nodeJson(["scripts/bench/bundle.js", distDir]));

  result.workbench = part("workbench", () => {
    const dist = result.bundle && !result.bundle.failed && !result.bundle.skipped ? distDir : path.join(ROOT, "dist");
    return { dist, ...nodeJson(["scripts/bench/workbench.js", dist]) };
  });

  result.machine.loadAtEnd = os.loadavg().map((n) => Number(n.toFixed(1)));
  fs.writeFileSync(path.join(DIR, "bench.json"), JSON.stringify(result, null, 2));
  write(result);
}

main();
