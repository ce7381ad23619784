// Task-pane bundle size: builds the add-in with webpack (production) into OUT_DIR (argument 1),
// then gzips the initial JavaScript of each entry (the files its page loads before anything lazy)
// with zlib. Prints JSON: per entry, its initial files with raw and gzipped bytes, and the lazy
// chunks with what they hold (so that exceljs and the charts can be seen to stay out of the start).
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const root = path.join(__dirname, "..", "..");

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function build(outDir) {
  const statsFile = path.join(outDir, "..", "webpack-stats.json");
  fs.rmSync(outDir, { recursive: true, force: true });
  const started = Date.now();
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", outDir, "--json", statsFile], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ADDIN_ORIGIN: process.env.ADDIN_ORIGIN ?? "https://localhost:3000/" },
  });
  return { stats: JSON.parse(fs.readFileSync(statsFile, "utf8")), buildSeconds: (Date.now() - started) / 1000 };
}

/** Source size (bytes, before minifying) per package or src folder in a chunk; concatenated modules are opened up. */
function sizesIn(stats, chunkId) {
  const sizes = new Map();
  const add = (module) => {
    if (Array.isArray(module.modules) && module.modules.length > 0) return module.modules.forEach(add);
    const name = String(module.name ?? "");
    const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(name);
    const key = pkg ? pkg[1] : (/\.\/(src\/[^/]+(?:\/[^/.]+)?)/.exec(name)?.[1] ?? name);
    sizes.set(key, (sizes.get(key) ?? 0) + (module.size ?? 0));
  };
  for (const module of stats.modules ?? []) if ((module.chunks ?? []).includes(chunkId)) add(module);
  return sizes;
}

/** The biggest few things a chunk holds, by name. */
function contentsOf(stats, chunkId) {
  return [...sizesIn(stats, chunkId)].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name]) => name);
}

function measure(outDir) {
  const { stats, buildSeconds } = build(outDir);
  const entries = {};
  for (const [entry, point] of Object.entries(stats.entrypoints ?? {})) {
    const files = (point.assets ?? []).map((a) => (typeof a === "string" ? a : a.name)).filter((f) => f.endsWith(".js"));
    const initial = files.map((file) => ({ file, bytes: fs.statSync(path.join(outDir, file)).size, gzip: gzipSize(path.join(outDir, file)) }));
    const chunkIds = (point.chunks ?? []);
    const sizes = new Map();
    for (const id of chunkIds) for (const [name, size] of sizesIn(stats, id)) sizes.set(name, (sizes.get(name) ?? 0) + size);
    const biggest = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, size]) => ({ name, sourceBytes: size }));
    const watched = ["exceljs", "jszip", "src/taskpane/charts"].map((name) => ({ name, sourceBytes: sizes.get(name) ?? 0 }));
    entries[entry] = { initial, gzipTotal: initial.reduce((n, f) => n + f.gzip, 0), biggest, watched };
  }
  const initialFiles = new Set(Object.values(entries).flatMap((e) => e.initial.map((f) => f.file)));
  const lazy = (stats.chunks ?? [])
    .filter((chunk) => !chunk.initial)
    .flatMap((chunk) => (chunk.files ?? []).filter((f) => f.endsWith(".js") && !initialFiles.has(f)).map((file) => ({ file, gzip: gzipSize(path.join(outDir, file)), holds: contentsOf(stats, chunk.id) })));
  return { buildSeconds, entries, lazy, errors: (stats.errors ?? []).length };
}

if (require.main === module) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error("usage: bundle.js OUT_DIR");
  process.stdout.write(`${JSON.stringify(measure(path.resolve(outDir)))}\n`);
}

module.exports = { measure, sizesIn };
