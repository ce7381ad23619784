/**
 * The layer table and the questions asked of it. The table itself is layers.json at the repo root, the one
 * place it is written: eslint.config.mjs builds its no-restricted-imports blocks from it, and
 * layers.test.ts checks the import graph (and the tsconfig.layer.*.json references) against it.
 */
import { isBuiltin } from "node:module";
import table from "../../layers.json";

export interface Layer {
  /** The folders under src/ its files may import (relative imports). */
  readonly imports: readonly string[];
  /** The packages it may import; "@scope/*" allows a whole scope, "react" also "react/jsx-runtime". */
  readonly packages: readonly string[];
  /** node: built-ins: the whole folder (true), none (false), or these files, relative to the folder. */
  readonly node: boolean | readonly string[];
  /** A folder that wires adapters to views or commands: no other folder may import it. */
  readonly entry: boolean;
  /** The reason, shown in messages. */
  readonly why: string;
}

export const LAYERS: Readonly<Record<string, Layer>> = table.layers;

export const LAYER_NAMES: readonly string[] = Object.keys(LAYERS);

/** The layer of a repo-relative path such as "src/ui/views/X.tsx" ("ui"), or undefined outside the table. */
export function layerOf(path: string): string | undefined {
  const match = /^src\/([^/]+)\//.exec(path);
  return match && Object.hasOwn(LAYERS, match[1]!) ? match[1] : undefined;
}

/** Whether a file of layer `from` may import a file of layer `to`. */
export function mayImport(from: string, to: string): boolean {
  return LAYERS[from]?.imports.includes(to) ?? false;
}

/** The package a bare specifier names: "@fluentui/react-components/x" gives "@fluentui/react-components". */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** A Node built-in, with or without the node: prefix. */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || isBuiltin(specifier);
}

/** Whether the file at a repo-relative path may use node: built-ins. */
export function mayUseNode(path: string): boolean {
  const layer = layerOf(path);
  if (layer === undefined) return false;
  const node = LAYERS[layer]!.node;
  return node === true || (Array.isArray(node) && node.some((file) => path === `src/${layer}/${file}`));
}

/** Whether the file at a repo-relative path may import a bare (package or built-in) specifier. */
export function mayUsePackage(path: string, specifier: string): boolean {
  if (isNodeBuiltin(specifier)) return mayUseNode(path);
  const layer = layerOf(path);
  if (layer === undefined) return false;
  const name = packageName(specifier);
  return LAYERS[layer]!.packages.some((allowed) =>
    allowed.endsWith("/*") ? name.startsWith(allowed.slice(0, -1)) : name === allowed,
  );
}

/** The message for an import the table forbids, in the words eslint.config.mjs uses. */
export function importRule(layer: string): string {
  const { imports, why } = LAYERS[layer]!;
  return `src/${layer} may import only ${imports.join(", ")} (${why})`;
}
