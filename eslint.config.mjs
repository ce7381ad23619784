import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { readFileSync } from "node:fs";
import { URL } from "node:url";

/** The layer table (layers.json), shared with test/architecture/layers.test.ts. */
const { layers } = JSON.parse(readFileSync(new URL("./layers.json", import.meta.url), "utf8"));

/**
 * Layer boundaries as `no-restricted-imports` regex patterns, one config block per folder and depth.
 *
 * A relative import leaves src/<layer> after exactly depth+1 "../" (depth = folders between src/<layer>
 * and the file), so each block knows which segment names the target folder: from src/app/settings/x.ts,
 * "../../files/read" is src/files but "../files" would be src/app/files. Matching at that exact depth
 * means a file or subfolder named like another layer is never mistaken for it, and an import that
 * climbs out of src/ (or into a folder the table does not list) is refused too. Files deeper than
 * EXACT_DEPTH fall back to a block that refuses "../" runs followed by a forbidden folder's name.
 *
 * Bare specifiers are checked against the folder's package list; node: built-ins against its `node`.
 * The rule only sees import/export declarations (type-only ones included), so `import("...")` calls,
 * `import("...")` types and require() calls (which @typescript-eslint/no-require-imports refuses anyway,
 * unless disabled for a line) are matched by `no-restricted-syntax` with the same patterns.
 */
const SOURCE = "{ts,tsx,mts,cts}";
const EXACT_DEPTH = 7;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternatives = (names) => `(?:${names.join("|")})`;
const list = (names) => names.join(", ");

const nodeFiles = Object.entries(layers).flatMap(([name, layer]) =>
  layer.node === true ? [`src/${name}`] : Array.isArray(layer.node) ? layer.node.map((file) => `src/${name}/${file}`) : [],
);
const nodeMessage = `node: built-ins only in ${list(nodeFiles)} (the rest also runs in browsers)`;

/** Relative imports: `depth` null for the any-depth fallback. */
function relativeRegex(layer, depth) {
  if (depth === null) {
    const forbidden = Object.keys(layers).filter((name) => !layer.imports.includes(name));
    return `^(?:\\.\\./)+${alternatives(forbidden.map(escape))}(?:/|$)`;
  }
  return `^(?:\\.\\.(?:/|$)){${depth + 1}}(?!${alternatives(layer.imports.map(escape))}(?:/|$))`;
}

/** Bare specifiers (not relative, not node:) other than the listed packages; "@scope/*" allows the scope. */
function packageRegex(packages) {
  const allowed = packages.map((pkg) => (pkg.endsWith("/*") ? escape(pkg.slice(0, -1)) : `${escape(pkg)}(?:/|$)`));
  return `^(?![./]|node:)${allowed.length ? `(?!${alternatives(allowed)})` : ""}`;
}

function patterns(name, layer, depth, nodeAllowed) {
  const why = ` (${layer.why})`;
  const usable = [...layer.packages, ...(nodeAllowed ? ["node: built-ins"] : [])];
  const result = [
    { regex: relativeRegex(layer, depth), message: `src/${name} may import only ${list(layer.imports)}${why}` },
    { regex: packageRegex(layer.packages), message: `src/${name} may use ${usable.length ? `only ${list(usable)}` : "no packages"}${why}` },
  ];
  if (!nodeAllowed) result.push({ regex: "^node:", message: nodeMessage });
  return result.map((pattern) => ({ ...pattern, caseSensitive: true }));
}

/** esquery reads /.../ literals, so the slashes inside are escaped. */
const selectors = (restricted) =>
  restricted.flatMap(({ regex, message }) => {
    const literal = `/${regex.replace(/\//g, "\\/")}/u`;
    return [
      { selector: `ImportExpression[source.value=${literal}]`, message },
      { selector: `TSImportType[source.value=${literal}]`, message },
      { selector: `CallExpression[callee.name="require"][arguments.0.value=${literal}]`, message },
    ];
  });

/** Node's globals are visible in layers whose types include @types/node (files, for TextDecoder), so name them here. */
const nodeGlobals = ["Buffer", "process", "global", "require", "__dirname", "__filename", "setImmediate"].map((name) => ({
  name,
  message: nodeMessage,
}));

function layerBlock(label, files, name, layer, depth, nodeAllowed) {
  const restricted = patterns(name, layer, depth, nodeAllowed);
  return {
    name: `layers/${name}/${label}`,
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: restricted }],
      "no-restricted-syntax": ["error", ...selectors(restricted)],
      "no-restricted-globals": nodeAllowed ? "off" : ["error", ...nodeGlobals],
    },
  };
}

/** Later blocks replace earlier ones' options for the files they match: fallback, then exact depths, then node files. */
const layerBlocks = Object.entries(layers).flatMap(([name, layer]) => {
  const nodeAllowed = layer.node === true;
  const blocks = [layerBlock("any-depth", [`src/${name}/**/*.${SOURCE}`], name, layer, null, nodeAllowed)];
  for (let depth = 0; depth <= EXACT_DEPTH; depth++) {
    blocks.push(layerBlock(`depth-${depth}`, [`src/${name}/${"*/".repeat(depth)}*.${SOURCE}`], name, layer, depth, nodeAllowed));
  }
  for (const file of Array.isArray(layer.node) ? layer.node : []) {
    blocks.push(layerBlock(file, [`src/${name}/${file}`], name, layer, file.split("/").length - 1, true));
  }
  return blocks;
});

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "docs/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    files: ["scripts/**/*.js", "bin/**/*.js", "*.js"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URL: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...layerBlocks,
);
