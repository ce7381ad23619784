/**
 * The architecture, checked from the import graph of src/:
 *  - no import cycles (each one listed as a chain of files),
 *  - every import allowed by the layer table (layers.json, see ./layers): folder to folder, packages, node: built-ins,
 *  - the per-layer tsconfigs reference exactly the folders the table allows.
 * The folder-to-folder check is a second, independent one of eslint.config.mjs's no-restricted-imports blocks:
 * those match import strings, this resolves them to files.
 *
 * Imports are read with ts.preProcessFile: import and export declarations, `import x = require()`, require(),
 * import() calls and `import("...")` types. Type-only imports count like any other: a type still ties one module
 * to the other, a cycle through types is still one to untangle, and eslint's rule counts them too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import ts from "typescript";
import { importRule, LAYER_NAMES, LAYERS, layerOf, mayImport, mayUseNode, mayUsePackage, isNodeBuiltin } from "./layers";

const ROOT = join(__dirname, "..", "..");
const SOURCE = /\.(ts|tsx|mts|cts)$/;

/** Repo-relative, forward slashes. */
const repoPath = (absolute: string): string => relative(ROOT, absolute).split("\\").join("/");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [repoPath(path)] : [];
  });
}

const isFile = (absolute: string): boolean => existsSync(absolute) && statSync(absolute).isFile();

/** What the bundler (moduleResolution "Bundler") would load for a relative specifier, or undefined. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = join(ROOT, dirname(from), specifier);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.d.ts`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
    ...(/\.[cm]?js$/.test(base) ? [base.replace(/js$/, "ts"), base.replace(/js$/, "tsx")] : []),
  ];
  const found = candidates.find(isFile);
  return found === undefined ? undefined : repoPath(found);
}

interface Imports {
  /** Relative imports resolved to repo-relative paths. */
  readonly files: ReadonlyMap<string, readonly string[]>;
  /** Bare specifiers (packages, built-ins) per file. */
  readonly packages: ReadonlyMap<string, readonly string[]>;
  /** "file: specifier" for relative imports that resolve to no file. */
  readonly unresolved: readonly string[];
}

function readImports(files: readonly string[]): Imports {
  const graph = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true);
    const targets = new Set<string>();
    const bare = new Set<string>();
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith(".")) {
        bare.add(specifier);
        continue;
      }
      const target = resolveRelative(file, specifier);
      if (target === undefined) unresolved.push(`${file}: "${specifier}"`);
      else targets.add(target);
    }
    graph.set(file, [...targets].sort());
    packages.set(file, [...bare].sort());
  }
  return { files: graph, packages, unresolved };
}

/** Tarjan's strongly connected components (iterative, so deep chains cannot overflow the stack). */
function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++]!;
        if (!graph.has(target)) continue; // not a source file (a .json, say): no edges out
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}

/** One cycle through a component's first file, as a chain a → b → … → a (the shortest, by breadth-first search). */
function cycleChain(component: readonly string[], graph: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path: string[] = [];
        for (let at = node; at !== start; at = previous.get(at)!) path.unshift(at);
        return [start, ...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** Cycles as text: one chain per strongly connected component, with its other files when it has more. */
function describeCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  return stronglyConnected(graph)
    .filter((component) => component.length > 1 || (graph.get(component[0]!) ?? []).includes(component[0]!))
    .map((component) => {
      const chain = cycleChain(component, graph);
      const others = component.filter((file) => !chain.includes(file));
      return chain.join("\n    → ") + (others.length > 0 ? `\n    (the same cycle also runs through ${others.join(", ")})` : "");
    });
}

describe("the cycle finder", () => {
  it("lists each cycle as a chain, self-imports included, and nothing for a tree", () => {
    const graph = new Map<string, string[]>([
      ["a", ["b"]],
      ["b", ["c", "a"]],
      ["c", ["a", "d", "x.json"]],
      ["d", ["d"]],
      ["e", ["f"]],
      ["f", []],
    ]);
    expect(describeCycles(graph)).toEqual(["d\n    → d", "a\n    → b\n    → a\n    (the same cycle also runs through c)"]);
    expect(describeCycles(new Map([["e", ["f"]], ["f", []]]))).toEqual([]);
  });

  it("follows a long chain without overflowing the stack", () => {
    const size = 20_000;
    const graph = new Map(Array.from({ length: size }, (_, i) => [`n${i}`, [`n${(i + 1) % size}`]]));
    expect(stronglyConnected(graph)).toHaveLength(1);
  });
});

const FILES = sourceFiles(join(ROOT, "src")).sort();
const IMPORTS = readImports(FILES);

describe("the layer table (layers.json)", () => {
  it("names only its own folders, each importing itself, and no folder imports another's entry", () => {
    const problems: string[] = [];
    for (const [name, layer] of Object.entries(LAYERS)) {
      if (!layer.imports.includes(name)) problems.push(`${name} does not list itself in imports`);
      for (const target of layer.imports) {
        if (!LAYER_NAMES.includes(target)) problems.push(`${name} imports unknown folder ${target}`);
        else if (target !== name && LAYERS[target]!.entry) problems.push(`${name} imports entry folder ${target}`);
      }
      if (Array.isArray(layer.node)) {
        for (const file of layer.node) if (!isFile(join(ROOT, "src", name, file))) problems.push(`${name}: node file ${file} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("covers every file under src/", () => {
    expect(FILES.filter((file) => layerOf(file) === undefined)).toEqual([]);
  });
});

describe("the import graph of src/", () => {
  it("has every relative import resolve to a file", () => {
    expect(IMPORTS.unresolved).toEqual([]);
  });

  it("has no import cycles", () => {
    const cycles = describeCycles(IMPORTS.files);
    if (cycles.length > 0) throw new Error(`${cycles.length} import cycle(s):\n\n  ${cycles.join("\n\n  ")}\n`);
  });

  it("imports across folders only as the layer table allows", () => {
    const violations: string[] = [];
    for (const [file, targets] of IMPORTS.files) {
      const from = layerOf(file);
      if (from === undefined) continue; // reported by "covers every file under src/"
      for (const target of targets) {
        const to = layerOf(target);
        if (to === undefined) violations.push(`${file} → ${target} (outside the folders of layers.json): ${importRule(from)}`);
        else if (!mayImport(from, to)) violations.push(`${file} → ${target}: ${importRule(from)}`);
      }
    }
    if (violations.length > 0) throw new Error(`${violations.length} forbidden import(s):\n  ${violations.join("\n  ")}\n`);
  });

  it("uses only the packages and node: built-ins the layer table allows", () => {
    const violations: string[] = [];
    for (const [file, specifiers] of IMPORTS.packages) {
      const layer = layerOf(file);
      if (layer === undefined) continue;
      for (const specifier of specifiers) {
        if (mayUsePackage(file, specifier)) continue;
        const allowed = [...LAYERS[layer]!.packages, ...(mayUseNode(file) ? ["node: built-ins"] : [])];
        const rule = isNodeBuiltin(specifier)
          ? "node: built-ins only where layers.json's `node` allows"
          : `src/${layer} may use ${allowed.length > 0 ? `only ${allowed.join(", ")}` : "no packages"}`;
        violations.push(`${file} → "${specifier}": ${rule}`);
      }
    }
    if (violations.length > 0) throw new Error(`${violations.length} forbidden package import(s):\n  ${violations.join("\n  ")}\n`);
  });
});

describe("the per-layer tsconfigs", () => {
  /** tsconfig.layer.<name>.json → the folder it checks ("files-node" checks part of files). */
  const folderOf = (config: string): string => config.replace(/^tsconfig\.layer\.|\.json$/g, "").replace(/-node$/, "");
  const read = (config: string) => {
    const { config: json, error } = ts.readConfigFile(join(ROOT, config), ts.sys.readFile);
    if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
    return json as { include?: string[]; files?: string[]; references?: { path: string }[] };
  };
  const referenced = (config: string): string[] => (read(config).references ?? []).map((ref) => posix.basename(ref.path));

  it("are all built by tsconfig.layers.json, one (at least) per folder", () => {
    const configs = referenced("tsconfig.layers.json");
    expect([...new Set(configs.map(folderOf))].sort()).toEqual([...LAYER_NAMES].sort());
  });

  it("reference exactly the folders each may import", () => {
    const mismatches: string[] = [];
    for (const config of referenced("tsconfig.layers.json")) {
      const folder = folderOf(config);
      const refs = [...new Set([folder, ...referenced(config).map(folderOf)])].sort();
      const allowed = [...LAYERS[folder]!.imports].sort();
      if (refs.join() !== allowed.join()) mismatches.push(`${config} references ${refs.join(", ")}; layers.json allows ${allowed.join(", ")}`);
      const { include = [], files = [] } = read(config);
      if (![...include, ...files].every((path) => path === `src/${folder}` || path.startsWith(`src/${folder}/`))) mismatches.push(`${config} checks files outside src/${folder}`);
    }
    expect(mismatches).toEqual([]);
  });
});
