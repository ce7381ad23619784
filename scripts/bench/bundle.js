// Task-pane bundle size: builds the add-in with webpack (production) into OUT_DIR (argument 1),
// then gzips the initial JavaScript of each entry (the files its page loads before anything lazy)
// with zlib. Prints JSON: per entry, its initial files with raw and gzipped bytes, and the lazy
// chunks with what they hold (so that exceljs and the charts can be seen to stay out of the start).
// "Biggest parts" and "holds" rank packages and src folders by their minified bytes in the emitted
// file, read from its source map (source bytes mislead: @fluentui/react-icons has megabytes of source
// of which a few kilobytes of used icons remain); without a map, by source bytes.
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

/** A package or src folder named the way sizesIn names it, from a source map's source; null for webpack's own code. */
function partOf(source) {
  const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(source);
  if (pkg) return pkg[1];
  const src = /(?:^|\/)(src\/[^/]+(?:\/[^/.]+)?)/.exec(source);
  return src ? src[1] : null;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The fields of one source-map segment (base64 VLQ). */
function decodeSegment(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/**
 * Minified bytes per package or src folder in an emitted file, from its source map (file + ".map"); null when there
 * is none. Each mapped span runs to the next segment of its line; bytes mapped to no source count as "webpack".
 */
function minifiedSizes(file) {
  const mapFile = `${file}.map`;
  if (!fs.existsSync(mapFile)) return null;
  const map = JSON.parse(fs.readFileSync(mapFile, "utf8"));
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const parts = map.sources.map((source) => partOf(source) ?? "webpack");
  const sizes = new Map();
  const add = (name, bytes) => sizes.set(name, (sizes.get(name) ?? 0) + bytes);
  let sourceIndex = 0;
  map.mappings.split(";").forEach((line, lineIndex) => {
    const length = (lines[lineIndex] ?? "").length;
    let column = 0;
    let start = 0;
    let owner = "webpack";
    for (const segment of line.split(",")) {
      if (segment === "") continue;
      const fields = decodeSegment(segment);
      column += fields[0];
      add(owner, column - start);
      if (fields.length >= 4) {
        sourceIndex += fields[1];
        owner = parts[sourceIndex] ?? "webpack";
      } else {
        owner = "webpack";
      }
      start = column;
    }
    add(owner, length - start);
  });
  return sizes;
}

/** Sizes added up over several maps. */
function addSizes(total, sizes) {
  for (const [name, size] of sizes) total.set(name, (total.get(name) ?? 0) + size);
  return total;
}

const largestFirst = (sizes) => [...sizes].sort((a, b) => b[1] - a[1]);

/** The biggest few things a chunk holds, by name (by minified bytes where its files have source maps). */
function contentsOf(stats, chunk, outDir) {
  const files = (chunk.files ?? []).filter((f) => f.endsWith(".js")).map((f) => minifiedSizes(path.join(outDir, f)));
  const sizes = files.length > 0 && files.every(Boolean) ? files.reduce(addSizes, new Map()) : sizesIn(stats, chunk.id);
  return largestFirst(sizes).filter(([name]) => name !== "webpack").slice(0, 4).map(([name]) => name);
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
    const maps = files.map((file) => minifiedSizes(path.join(outDir, file)));
    const minified = maps.every(Boolean) ? maps.reduce(addSizes, new Map()) : null;
    const biggest = minified
      ? largestFirst(minified).filter(([name]) => name !== "webpack").slice(0, 6).map(([name, size]) => ({ name, minifiedBytes: size, sourceBytes: sizes.get(name) ?? 0 }))
      : largestFirst(sizes).slice(0, 6).map(([name, size]) => ({ name, sourceBytes: size }));
    const watched = ["exceljs", "jszip", "src/ui/charts"].map((name) => ({ name, sourceBytes: sizes.get(name) ?? 0 }));
    entries[entry] = { initial, gzipTotal: initial.reduce((n, f) => n + f.gzip, 0), biggest, watched };
  }
  const initialFiles = new Set(Object.values(entries).flatMap((e) => e.initial.map((f) => f.file)));
  const lazy = (stats.chunks ?? [])
    .filter((chunk) => !chunk.initial)
    .flatMap((chunk) => (chunk.files ?? []).filter((f) => f.endsWith(".js") && !initialFiles.has(f)).map((file) => ({ file, gzip: gzipSize(path.join(outDir, file)), holds: contentsOf(stats, chunk, outDir) })));
  return { buildSeconds, entries, lazy, errors: (stats.errors ?? []).length };
}

if (require.main === module) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error("usage: bundle.js OUT_DIR");
  process.stdout.write(`${JSON.stringify(measure(path.resolve(outDir)))}\n`);
}

module.exports = { measure, sizesIn, minifiedSizes };
