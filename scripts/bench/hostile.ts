/**
 * npm run bench, part "hostile": every hostile file of test/files/reader/xlsx/hostileFiles.ts through the command
 * line (`epr-return validate FILE`, a fresh process each: wall time from spawn to exit, Node's start included;
 * exit code; the message's first line; peak resident memory), and its read alone in a fresh process, as the
 * browser reads it (fflate) and as the command line does (Node's zlib), with the file's own limits.
 * Issue 10: each within 2 s and 300 MB. Usage: tsx scripts/bench/hostile.ts DIR RUNS; prints JSON.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOSTILE_FILES } from "../../test/files/reader/xlsx/hostileFiles";

const ROOT = join(__dirname, "..", "..");
const RSS_PROBE = join(__dirname, "rss-probe.js");
const READ_PROBE = join(ROOT, "test", "files", "reader", "xlsx", "probe.ts");

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function runCli(file: string): { seconds: number; code: number | null; maxRssMb: number | null; message: string } {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", RSS_PROBE, join(ROOT, "bin", "epr-return.js"), "validate", file], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(child.stderr ?? "");
  const message = (child.stderr ?? "").replace(/\n?BENCH_MAX_RSS_KB \d+\n?/, "").trim().split("\n")[0] ?? "";
  return { seconds, code: child.status, maxRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null, message };
}

function runRead(file: string, limits: object | undefined, inflater: "fflate" | "zlib"): { seconds: number; peakRssMb: number } {
  const args = ["--import", "tsx", READ_PROBE, file, JSON.stringify(limits ?? {}), inflater];
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`probe failed on ${file}: ${child.stderr}`);
  const probe = JSON.parse(child.stdout.trim()) as { seconds: number; peakRssMb: number };
  return { seconds: probe.seconds, peakRssMb: Math.round(probe.peakRssMb) };
}

function main(): void {
  const [dir = "/tmp/epr-bench", runsArg = "3"] = process.argv.slice(2);
  const runs = Number(runsArg);
  const folder = join(dir, "hostile");
  mkdirSync(folder, { recursive: true });
  const files = HOSTILE_FILES.map((hostile) => {
    const path = join(folder, hostile.name);
    const bytes = hostile.build();
    writeFileSync(path, bytes);
    const cli = Array.from({ length: runs }, () => runCli(path));
    const fflate = Array.from({ length: runs }, () => runRead(path, hostile.limits, "fflate"));
    const zlib = Array.from({ length: runs }, () => runRead(path, hostile.limits, "zlib"));
    return {
      name: hostile.name,
      what: hostile.what,
      bytes: bytes.length,
      limits: hostile.limits ?? null,
      cli: { medianSeconds: median(cli.map((r) => r.seconds)), maxSeconds: Math.max(...cli.map((r) => r.seconds)), code: cli[0]?.code ?? null, message: cli[0]?.message ?? "", maxRssMb: Math.max(...cli.map((r) => r.maxRssMb ?? 0)) },
      readFflate: { medianSeconds: median(fflate.map((r) => r.seconds)), maxRssMb: Math.max(...fflate.map((r) => r.peakRssMb)) },
      readZlib: { medianSeconds: median(zlib.map((r) => r.seconds)), maxRssMb: Math.max(...zlib.map((r) => r.peakRssMb)) },
    };
  });
  process.stdout.write(`${JSON.stringify({ files })}\n`);
}

main();
