/**
 * Which Office API each use in the add-in's code needs, read from @types/office-js, and whether a use above the
 * manifest's declared minimum is guarded by isSetSupported. Used by apiSets.test.ts.
 *
 * The typings give a member's requirement set in its JSDoc, in one of two forms:
 *   - the host APIs (Excel, Word...):  `[Api set: ExcelApi 1.9]` (sometimes qualified: "ExcelApi 1.1 for get, 1.8 for set");
 *   - the Common API (Office.*):       `**Requirement set**: {@link … | SharedRuntime 1.1}`, `{@link … | Settings}`
 *     (no version), `{@link … | Not in a set}`, or a `**Requirement sets**:` list of such links (all of them needed).
 * A member without either inherits its containing class's, interface's or enum's (then namespace's); with none
 * anywhere it is in no set (the Common API every host has).
 *
 * Uses, walked with the type checker over the root files: property reads and writes (`sheet.visibility = …`),
 * calls (the overload the checker picked), object-literal properties and destructured names typed by Office.js
 * (`{ delayForCellEdit: true }`), bare Office.js identifiers, and string literals that stand for an Office.js
 * enum member (`calculate("Recalculate")`, `add("Custom")`). Namespaces themselves (`Excel`, `Office`) are no use.
 *
 * A guard is an `isSetSupported("<Set>", "<version ≥ needed>")` call, on Office.js's RequirementSetSupport or the
 * project's OfficeHost (src/office/host.ts), that decides whether the use runs:
 *   - the use is in the branch the check selects: `if (g) use`, `g ? use : other`, `g && use`, `if (!g) … else use`,
 *     or after `if (!g) return|throw` earlier in an enclosing block;
 *   - `g` is the call itself or what stands for it: a `const` initialised from a guard, a parameter whose every
 *     caller passes a guard, or a property of our own types whose every assignment is a guard
 *     (`{ canPauseEvents }` then `if (write.canPauseEvents) …`); `!`, `&&` and `||` are followed;
 *   - or the use is in a named function whose every reference is a call that is itself guarded.
 * Anything else (a check elsewhere, a try/catch on ApiNotFound…) counts as unguarded: the test's reviewed
 * allowlist is the place for it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { compareVersions } from "../../scripts/manifest/check";

export const ROOT = join(__dirname, "..", "..");

/** The folders whose files call Office.js (their own and what they import is type-checked, only these are walked). */
export const ANALYZED_FOLDERS = ["src/office", "src/taskpane", "src/functions"] as const;

/** One requirement: a set and the lowest version that has the API. */
export interface Requirement {
  readonly set: string;
  readonly version: string;
}

/** What a declaration's comment says, after inheritance. */
export interface ApiRequirement {
  /** Empty: in no set (the Common API). */
  readonly requirements: readonly Requirement[];
  /** The comment's own words when they are more than "Set x.y" (qualified, several versions...), else null. */
  readonly raw: string | null;
  /** Where it came from: the member itself or the class/interface/enum it inherits from. */
  readonly from: "member" | "container" | "none";
  /** The member's requirement is no higher than its container's: having an object of that class implies it. */
  readonly impliedByContainer: boolean;
}

export type UseKind = "call" | "read" | "write" | "property" | "enum-value" | "identifier";

export interface ApiUse {
  /** e.g. "Excel.Worksheet.getRanges". */
  readonly api: string;
  readonly requirement: ApiRequirement;
  readonly kind: UseKind;
  /** Repo-relative, forward slashes. */
  readonly file: string;
  readonly line: number;
  /** Arguments passed, for calls. */
  readonly argumentCount: number | null;
  readonly node: ts.Node;
}

export interface Violation {
  readonly use: ApiUse;
  readonly needed: Requirement;
  /** The manifest's minimum for that set, or null when the manifest does not declare the set. */
  readonly declared: string | null;
}

export interface GuardedUse {
  readonly use: ApiUse;
  readonly needed: Requirement;
  /** file:line of the isSetSupported call that guards it. */
  readonly guard: string;
}

const OFFICE_TYPINGS = /[\\/]node_modules[\\/]@types[\\/]office-js[\\/]/;
const HOST_MODULE = /[\\/]src[\\/]office[\\/]host\.ts$/;

export const repoPath = (absolute: string): string => relative(ROOT, absolute).split("\\").join("/");

export const isOfficeDeclaration = (node: ts.Node): boolean => OFFICE_TYPINGS.test(node.getSourceFile().fileName);

/* ------------------------------------------------------------------ the manifest */

function attributes(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) result[match[1] ?? ""] = match[2] ?? match[3] ?? "";
  return result;
}

/** What the manifest's base `<Requirements>` asks of Office before it activates the add-in. */
export interface ManifestRequirements {
  /** Set name → declared minimum version. */
  readonly sets: ReadonlyMap<string, string>;
  /** Common API methods declared one by one (`<Methods><Method Name="Settings.get"/>`). */
  readonly methods: ReadonlySet<string>;
}

/**
 * `<Requirements><Sets DefaultMinVersion=…><Set Name=… MinVersion=…/></Sets><Methods><Method Name=…/></Methods>` of
 * the manifest itself (not of its VersionOverrides). A Set without MinVersion takes DefaultMinVersion (1.1 when absent).
 */
export function readManifestRequirements(xml: string): ManifestRequirements {
  const text = xml.replace(/<!--[\s\S]*?-->/g, "").replace(/<VersionOverrides\b[\s\S]*?<\/VersionOverrides>/g, "");
  const requirements = /<Requirements\b[^>]*>([\s\S]*?)<\/Requirements>/.exec(text)?.[1] ?? "";
  const sets = new Map<string, string>();
  for (const block of requirements.matchAll(/<Sets\b([^>]*)>([\s\S]*?)<\/Sets>/g)) {
    const defaultMin = attributes(block[1] ?? "").DefaultMinVersion ?? "1.1";
    for (const set of (block[2] ?? "").matchAll(/<Set\b([^>]*?)\/?>/g)) {
      const { Name: name, MinVersion: min } = attributes(set[1] ?? "");
      if (name) sets.set(name, min ?? defaultMin);
    }
  }
  const methods = new Set<string>();
  for (const method of requirements.matchAll(/<Method\b([^>]*?)\/?>/g)) {
    const name = attributes(method[1] ?? "").Name;
    if (name) methods.add(name);
  }
  return { sets, methods };
}

/** The declared minimum of a set (set names compare ignoring case, as Office does), or null. */
export function declaredMinimum(declared: ReadonlyMap<string, string>, set: string): string | null {
  for (const [name, version] of declared) if (name.toLowerCase() === set.toLowerCase()) return version;
  return null;
}

/* ------------------------------------------------------------------ the typings' comments */

/** Set names as the typings write them: ExcelApi, ExcelApiOnline, SharedRuntime, Mailbox... ("Api" alone is prose). */
const SET_NAME = /^(?:[A-Z][a-z]+){2,}[A-Za-z]*$|^Mailbox$|^[A-Z][a-z]+[A-Z]+[A-Za-z]*$/;

/** Keeps the highest version per set. */
function addRequirement(list: Requirement[], set: string, version: string): void {
  const existing = list.findIndex((r) => r.set === set);
  if (existing < 0) list.push({ set, version });
  else if (compareVersions(version, list[existing]!.version) > 0) list[existing] = { set, version };
}

/**
 * `[Api set: …]` contents to requirements: the first "Name x.y" names the set; later "Name x.y" add to it, and a
 * bare version belongs to the set last named. Each set's highest version counts, so a qualified comment
 * ("ExcelApi 1.1 for get, 1.8 for set") asks for the most any use of it can need.
 */
export function parseApiSetText(inner: string): Requirement[] {
  const list: Requirement[] = [];
  let current: string | null = null;
  for (const match of inner.matchAll(/(?:([A-Za-z]+)\s+)?(\d+\.\d+)/g)) {
    const name = match[1];
    const version = match[2] ?? "";
    if (name !== undefined && SET_NAME.test(name)) current = name;
    if (current !== null) addRequirement(list, current, version);
  }
  return list;
}

interface ParsedComment {
  readonly requirements: Requirement[];
  /** Whether the comment names a requirement at all ("Not in a set" does, with none). */
  readonly found: boolean;
  readonly raw: string | null;
}

/** A JSDoc comment's requirement sets, in either of the typings' forms. */
export function parseRequirementComment(comment: string): ParsedComment {
  const requirements: Requirement[] = [];
  const raws: string[] = [];
  let found = false;
  for (const match of comment.matchAll(/\[Api set:\s*([^\]]*)\]/g)) {
    const inner = (match[1] ?? "").trim();
    found = true;
    const parsed = parseApiSetText(inner);
    for (const r of parsed) addRequirement(requirements, r.set, r.version);
    if (!/^[A-Za-z]+ \d+\.\d+$/.test(inner)) raws.push(inner);
  }
  const lines = comment.split(/\r?\n/).map((line) => line.replace(/^\s*\/?\*+\/?\s?/, "").trim());
  for (let i = 0; i < lines.length; i++) {
    const heading = /\*\*Requirement sets?\*\*:(.*)$/.exec(lines[i] ?? "");
    if (!heading) continue;
    found = true;
    const labels: string[] = [];
    const take = (text: string): void => {
      for (const link of text.matchAll(/\{@link [^|}]*\|\s*([^}]+?)\s*\}/g)) labels.push(link[1] ?? "");
    };
    take(heading[1] ?? "");
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? "";
      if (line === "") continue;
      if (!line.startsWith("-")) break;
      take(line);
    }
    for (const label of labels) {
      if (/^not in a set$/i.test(label)) continue;
      const versioned = /^([A-Za-z]+)\s+(\d+\.\d+)$/.exec(label);
      if (versioned) addRequirement(requirements, versioned[1] ?? "", versioned[2] ?? "");
      else if (/^[A-Za-z]+$/.test(label)) {
        // The unversioned Common API sets (Settings, File, Selection...) have only 1.1.
        addRequirement(requirements, label, "1.1");
        raws.push(label);
      } else raws.push(label);
    }
  }
  return { requirements, found, raw: raws.length > 0 ? raws.join("; ") : null };
}

/** The node whose leading JSDoc documents a declaration (a `var` in a namespace: its statement). */
function documentedNode(decl: ts.Node): ts.Node {
  if (ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && decl.parent.declarations.length === 1) return decl.parent.parent;
  return decl;
}

/** The last `/** … *\/` comment before a node, or "". */
export function leadingJsDoc(node: ts.Node): string {
  const sourceFile = node.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sourceFile.text, node.getFullStart()) ?? [];
  const docs = ranges.filter((r) => r.kind === ts.SyntaxKind.MultiLineCommentTrivia && sourceFile.text.startsWith("/**", r.pos));
  const last = docs[docs.length - 1];
  return last ? sourceFile.text.slice(last.pos, last.end) : "";
}

const isContainer = (node: ts.Node): boolean =>
  ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node);

/** "Excel.Worksheet.getRanges": the declaration's name under its namespaces, classes and interfaces. */
export function qualifiedName(decl: ts.Node): string {
  const parts: string[] = [];
  for (let node: ts.Node | undefined = decl; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isVariableDeclarationList(node) || ts.isVariableStatement(node) || ts.isModuleBlock(node)) continue;
    const name = ts.getNameOfDeclaration(node as ts.Declaration);
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))) parts.unshift(name.text);
  }
  return parts.join(".");
}

const requirementCache = new WeakMap<ts.Node, ApiRequirement>();

const sameRequirements = (a: readonly Requirement[], b: readonly Requirement[]): boolean =>
  a.every((r) => b.some((s) => s.set === r.set && compareVersions(s.version, r.version) >= 0));

/** A declaration's requirement: its own comment's, else its nearest container's that has one, else none. */
export function requirementOf(decl: ts.Node): ApiRequirement {
  const cached = requirementCache.get(decl);
  if (cached) return cached;
  const own = parseRequirementComment(leadingJsDoc(documentedNode(decl)));
  let containerParsed: ParsedComment | null = null;
  for (let node = decl.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (!isContainer(node)) continue;
    const parsed = parseRequirementComment(leadingJsDoc(node));
    if (parsed.found) {
      containerParsed = parsed;
      break;
    }
  }
  let result: ApiRequirement;
  if (own.found) {
    const implied = containerParsed !== null && own.requirements.length > 0 && sameRequirements(own.requirements, containerParsed.requirements);
    result = { requirements: own.requirements, raw: own.raw, from: "member", impliedByContainer: implied };
  } else if (containerParsed) {
    result = { requirements: containerParsed.requirements, raw: containerParsed.raw, from: "container", impliedByContainer: true };
  } else {
    result = { requirements: [], raw: null, from: "none", impliedByContainer: false };
  }
  requirementCache.set(decl, result);
  return result;
}

export function formatRequirement(requirement: ApiRequirement): string {
  if (requirement.requirements.length === 0) return "none";
  return requirement.requirements.map((r) => `${r.set} ${r.version}`).join(" + ");
}

/* ------------------------------------------------------------------ the program */

export function sourceFilesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFilesUnder(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [join(ROOT, path)] : [];
  });
}

/** The Office layer's compiler options (tsconfig.layer.office.json), for one plain, non-emitting program. */
export function officeCompilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.layer.office.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error("Cannot read tsconfig.layer.office.json");
  const options: ts.CompilerOptions = {
    ...parsed.options,
    types: ["office-js"],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    noEmit: true,
    composite: false,
    incremental: false,
    declaration: false,
    emitDeclarationOnly: false,
    declarationMap: false,
  };
  delete options.outDir;
  delete options.tsBuildInfoFile;
  return options;
}

/** The folders whose modules the program reads (see compilerHost). */
const RESOLVED_LAYERS = new RegExp(`/src/(?:${["office", "taskpane", "functions", "app", "core"].join("|")})/`);

/** Source files parsed once and shared between programs (the 190,000-line office-js typings above all). */
const sharedSourceFiles = new Map<string, ts.SourceFile>();

/** A compiler host over the disk, caching parsed files, with `virtualFiles` (absolute path → text) on top. */
export function compilerHost(options: ts.CompilerOptions, virtualFiles: ReadonlyMap<string, string> = new Map()): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  // Only .ts files' type-relevant JSDoc; comments are read from the text (leadingJsDoc), which is faster.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const normal = (file: string): string => file.split("\\").join("/");
  const virtual = new Map([...virtualFiles].map(([file, text]) => [normal(file), text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(normal(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    const cached = sharedSourceFiles.get(fileName);
    if (cached) return cached;
    const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (file) sharedSourceFiles.set(fileName, file);
    return file;
  };
  // Imports resolve within the layers that can hold Office.js values (layers.json: office, taskpane and functions
  // import only these); the views, the file adapter, the worker and npm packages (React, Fluent UI, exceljs, zod...)
  // stay unresolved, typed any: none of them sees Office.js, and skipping them halves the program.
  host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, compilerOptions) =>
    literals.map((literal) => {
      const resolved = ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, undefined, redirectedReference).resolvedModule;
      const inside = resolved && !resolved.isExternalLibraryImport && RESOLVED_LAYERS.test(resolved.resolvedFileName.split("\\").join("/"));
      return { resolvedModule: inside ? resolved : undefined };
    });
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(normal(fileName)) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(normal(fileName)) ?? readFile(fileName);
  return host;
}

export function createProgram(rootNames: readonly string[], virtualFiles: ReadonlyMap<string, string> = new Map()): ts.Program {
  const options = officeCompilerOptions();
  return ts.createProgram({ rootNames, options, host: compilerHost(options, virtualFiles) });
}

/* ------------------------------------------------------------------ uses */

const unwrap = (expr: ts.Expression): ts.Expression => {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
};

function isAssignmentTarget(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The Office.js declarations to count for a symbol: one per container (for a union receiver, each member's own). */
function officeDeclarations(symbol: ts.Symbol | undefined, chosen?: ts.Declaration): ts.Declaration[] {
  const decls = (symbol?.declarations ?? []).filter(isOfficeDeclaration);
  if (chosen && isOfficeDeclaration(chosen)) return [chosen];
  // Overloads of one member (no signature resolved): the lowest requirement stands for them.
  const highest = (d: ts.Declaration): string =>
    requirementOf(d).requirements.reduce((max, r) => (compareVersions(r.version, max) > 0 ? r.version : max), "0");
  const byContainer = new Map<ts.Node, ts.Declaration>();
  for (const decl of decls) {
    if (ts.isModuleDeclaration(decl)) continue;
    const current = byContainer.get(decl.parent);
    if (!current || compareVersions(highest(decl), highest(current)) < 0) byContainer.set(decl.parent, decl);
  }
  return [...byContainer.values()];
}

/** Every Office.js use in `files` (absolute paths), in file and position order. */
export function collectUses(program: ts.Program, files: readonly string[]): ApiUse[] {
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  const wanted = new Set(files.map((f) => f.split("\\").join("/")));

  const record = (node: ts.Node, decls: readonly ts.Declaration[], kind: UseKind, argumentCount: number | null = null): void => {
    const sourceFile = node.getSourceFile();
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    for (const decl of decls) {
      uses.push({ api: qualifiedName(decl), requirement: requirementOf(decl), kind, file: repoPath(sourceFile.fileName), line, argumentCount, node });
    }
  };

  const enumMemberIn = (type: ts.Type | undefined, text: string): ts.Declaration | undefined => {
    for (const t of type ? (type.isUnion() ? type.types : [type]) : []) {
      if (!(t.flags & ts.TypeFlags.EnumLiteral) || !t.isStringLiteral() || t.value !== text) continue;
      const decl = t.symbol?.declarations?.find(isOfficeDeclaration);
      if (decl) return decl;
    }
    return undefined;
  };

  /**
   * The Office.js enum member a string literal stands for, from its contextual type (`Excel.ConditionalFormatType |
   * "Custom" | …`). Methods typed as two overloads, one taking the enum and one the strings (Range.clear), resolve to
   * the strings' one: then the enum comes from the other overloads' parameter at the same position.
   */
  const enumMemberFor = (literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): ts.Declaration | undefined => {
    const direct = enumMemberIn(checker.getContextualType(literal), literal.text);
    if (direct) return direct;
    const call = literal.parent;
    if (!ts.isCallExpression(call) || !call.arguments.includes(literal as ts.Expression)) return undefined;
    const index = call.arguments.indexOf(literal as ts.Expression);
    for (const signature of checker.getTypeAtLocation(call.expression).getCallSignatures()) {
      const parameter = signature.parameters[index];
      if (!parameter || !signature.declaration || !isOfficeDeclaration(signature.declaration)) continue;
      const found = enumMemberIn(checker.getTypeOfSymbolAtLocation(parameter, call), literal.text);
      if (found) return found;
    }
    return undefined;
  };

  const contextualProperty = (objectLiteral: ts.ObjectLiteralExpression, name: string): ts.Declaration[] => {
    const contextual = checker.getContextualType(objectLiteral);
    if (!contextual) return [];
    const types = contextual.isUnion() ? contextual.types : [contextual];
    return types.flatMap((type) => officeDeclarations(checker.getPropertyOfType(type, name)));
  };

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const symbol = checker.getSymbolAtLocation(node.name);
      const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : null;
      const chosen = call ? checker.getResolvedSignature(call)?.declaration : undefined;
      const decls = officeDeclarations(symbol, chosen && !ts.isJSDocSignature(chosen) ? chosen : undefined);
      if (decls.length > 0) record(node.name, decls, call ? "call" : isAssignmentTarget(node) ? "write" : "read", call ? call.arguments.length : null);
    } else if (ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node.parent) && !ts.isQualifiedName(node.parent) && ts.isExpression(node)) {
      const symbol = resolveAlias(checker, checker.getSymbolAtLocation(node));
      const decls = officeDeclarations(symbol).filter((d) => !ts.isModuleDeclaration(d));
      if (decls.length > 0 && !(symbol && symbol.flags & ts.SymbolFlags.Namespace)) record(node, decls, "identifier");
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent) && !ts.isLiteralTypeNode(node.parent)) {
      const member = enumMemberFor(node);
      if (member) record(node, [member], "enum-value");
    } else if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) || ts.isMethodDeclaration(property))) continue;
        const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : null;
        if (name === null) continue;
        const decls = contextualProperty(node, name);
        if (decls.length > 0) record(property.name, decls, "property");
      }
    } else if (ts.isObjectBindingPattern(node)) {
      const type = checker.getTypeAtLocation(node);
      for (const element of node.elements) {
        const key = element.propertyName ?? element.name;
        if (!ts.isIdentifier(key)) continue;
        const decls = officeDeclarations(checker.getPropertyOfType(type, key.text));
        if (decls.length > 0) record(key, decls, "read");
      }
    }
    ts.forEachChild(node, visit);
  };

  for (const sourceFile of program.getSourceFiles()) {
    if (!wanted.has(sourceFile.fileName)) continue;
    visit(sourceFile);
  }
  return uses;
}

/* ------------------------------------------------------------------ guards */

type FunctionLike = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/** Who refers to what, and what is assigned to our own properties, over the analyzed files (built once, on demand). */
interface References {
  /** Symbol → identifiers that refer to it (declarations excluded). */
  readonly refs: Map<ts.Symbol, ts.Identifier[]>;
  /** Property symbol (of our own types) → expressions assigned to it, in object literals or `x.p = …`. */
  readonly assigned: Map<ts.Symbol, ts.Expression[]>;
}

export class GuardFinder {
  private references: References | null = null;

  constructor(
    private readonly program: ts.Program,
    private readonly files: readonly string[],
  ) {}

  private get checker(): ts.TypeChecker {
    return this.program.getTypeChecker();
  }

  private symbolOf(node: ts.Node): ts.Symbol | undefined {
    return resolveAlias(this.checker, this.checker.getSymbolAtLocation(node));
  }

  private index(): References {
    if (this.references) return this.references;
    const refs = new Map<ts.Symbol, ts.Identifier[]>();
    const assigned = new Map<ts.Symbol, ts.Expression[]>();
    const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
      const list = map.get(key) ?? [];
      list.push(value);
      map.set(key, list);
    };
    const wanted = new Set(this.files.map((f) => f.split("\\").join("/")));
    const checker = this.checker;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && !ts.isImportSpecifier(node.parent) && !ts.isImportClause(node.parent)) {
        const symbol = this.symbolOf(node);
        // `{ fn }` refers to the variable fn too (a function passed on as a value).
        const shorthand = ts.isShorthandPropertyAssignment(node.parent) ? resolveAlias(checker, checker.getShorthandAssignmentValueSymbol(node.parent)) : undefined;
        if (shorthand) push(refs, shorthand, node);
        if (symbol && !symbol.declarations?.includes(node.parent as ts.Declaration)) push(refs, symbol, node);
      }
      if (ts.isObjectLiteralExpression(node)) {
        const contextual = checker.getContextualType(node);
        const types = contextual ? (contextual.isUnion() ? contextual.types : [contextual]) : [];
        for (const property of node.properties) {
          if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
          if (!ts.isIdentifier(property.name) && !ts.isStringLiteral(property.name)) continue;
          const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
          for (const type of types) {
            const target = checker.getPropertyOfType(type, property.name.text);
            if (target) push(assigned, target, value);
          }
        }
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
        const target = this.symbolOf(node.left.name);
        if (target) push(assigned, target, node.right);
      }
      if (ts.isPropertyDeclaration(node) && node.initializer) {
        const target = this.symbolOf(node.name);
        if (target) push(assigned, target, node.initializer);
      }
      ts.forEachChild(node, visit);
    };
    for (const sourceFile of this.program.getSourceFiles()) if (wanted.has(sourceFile.fileName)) visit(sourceFile);
    this.references = { refs, assigned };
    return this.references;
  }

  /** `x.isSetSupported("Set", "v")` with v ≥ need, on Office.js or our OfficeHost. */
  private isSetSupportedCall(expr: ts.Expression, need: Requirement): ts.CallExpression | null {
    if (!ts.isCallExpression(expr)) return null;
    const callee = unwrap(expr.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : null;
    if (!name || name.text !== "isSetSupported") return null;
    const decl = this.checker.getResolvedSignature(expr)?.declaration ?? this.symbolOf(name)?.declarations?.[0];
    if (!decl || !(isOfficeDeclaration(decl) || HOST_MODULE.test(decl.getSourceFile().fileName))) return null;
    const [setArg, versionArg] = expr.arguments;
    if (!setArg || !ts.isStringLiteralLike(setArg) || setArg.text.toLowerCase() !== need.set.toLowerCase()) return null;
    const version = versionArg === undefined ? "1.1" : ts.isStringLiteralLike(versionArg) || ts.isNumericLiteral(versionArg) ? versionArg.text : null;
    return version !== null && compareVersions(version, need.version) >= 0 ? expr : null;
  }

  /** The guard that `expr` being `polarity` proves, or null. */
  guardWhen(expr: ts.Expression, polarity: boolean, need: Requirement, seen: Set<ts.Node> = new Set()): ts.CallExpression | null {
    const e = unwrap(expr);
    if (seen.has(e)) return null;
    seen.add(e);
    try {
      if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return this.guardWhen(e.operand, !polarity, need, seen);
      if (ts.isBinaryExpression(e)) {
        const op = e.operatorToken.kind;
        if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
          // a && b true: both true, one guard suffices; a || b false: both false, likewise. Otherwise both must guard.
          const either = (op === ts.SyntaxKind.AmpersandAmpersandToken) === polarity;
          const left = this.guardWhen(e.left, polarity, need, seen);
          const right = this.guardWhen(e.right, polarity, need, seen);
          return either ? (left ?? right) : left && right ? left : null;
        }
        return null;
      }
      if (!polarity) {
        // A guard reference being false proves nothing, but a variable may hold a negation: follow it.
        return this.followReference(e, polarity, need, seen);
      }
      return this.isSetSupportedCall(e, need) ?? this.followReference(e, polarity, need, seen);
    } finally {
      seen.delete(e);
    }
  }

  /** A const, a parameter or one of our properties standing for a guard expression. */
  private followReference(e: ts.Expression, polarity: boolean, need: Requirement, seen: Set<ts.Node>): ts.CallExpression | null {
    const nameNode = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) ? e.name : null;
    if (!nameNode) return null;
    // `{ flag }` stands for the variable flag, not the literal's property.
    const symbol = ts.isShorthandPropertyAssignment(nameNode.parent) && nameNode.parent.name === nameNode
      ? resolveAlias(this.checker, this.checker.getShorthandAssignmentValueSymbol(nameNode.parent))
      : this.symbolOf(nameNode);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!symbol || !decl || isOfficeDeclaration(decl)) return null;
    if (ts.isVariableDeclaration(decl)) {
      const isConst = ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
      return isConst && decl.initializer ? this.guardWhen(decl.initializer, polarity, need, seen) : null;
    }
    if (ts.isParameter(decl)) return this.parameterGuard(decl, polarity, need, seen);
    if (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl) || ts.isShorthandPropertyAssignment(decl) || ts.isPropertyAssignment(decl)) {
      const sources = this.index().assigned.get(symbol) ?? [];
      return this.all(sources.map((source) => () => this.guardWhen(source, polarity, need, seen)));
    }
    return null;
  }

  /** Every function in `thunks` gives a guard (and there is at least one): the first; else null. */
  private all(thunks: readonly (() => ts.CallExpression | null)[]): ts.CallExpression | null {
    let first: ts.CallExpression | null = null;
    for (const thunk of thunks) {
      const guard = thunk();
      if (!guard) return null;
      first ??= guard;
    }
    return first;
  }

  /** The symbol a function is called by: its own name, or the const it is assigned to. */
  private functionSymbol(fn: FunctionLike): ts.Symbol | undefined {
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return this.symbolOf(fn.name);
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return this.symbolOf(fn.parent.name);
    return undefined;
  }

  /** The calls of a named function, or null when it is also referred to otherwise (passed as a value: calls unseen). */
  private callsOf(fn: FunctionLike): ts.CallExpression[] | null {
    const symbol = this.functionSymbol(fn);
    if (!symbol) return null;
    const refs = this.index().refs.get(symbol) ?? [];
    const calls: ts.CallExpression[] = [];
    for (const ref of refs) {
      const callee = ts.isPropertyAccessExpression(ref.parent) && ref.parent.name === ref ? ref.parent : ref;
      if (!ts.isCallExpression(callee.parent) || callee.parent.expression !== callee) return null;
      calls.push(callee.parent);
    }
    return calls.length > 0 ? calls : null;
  }

  private parameterGuard(param: ts.ParameterDeclaration, polarity: boolean, need: Requirement, seen: Set<ts.Node>): ts.CallExpression | null {
    const fn = param.parent;
    if (!(ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return null;
    const index = fn.parameters.indexOf(param);
    const calls = this.callsOf(fn);
    if (!calls || param.dotDotDotToken) return null;
    return this.all(calls.map((call) => () => {
      const arg = call.arguments[index];
      return arg ? this.guardWhen(arg, polarity, need, seen) : null;
    }));
  }

  /** The isSetSupported call that decides whether `node` runs, for `need`; null when none does. */
  guardOf(node: ts.Node, need: Requirement, seen: Set<ts.Node> = new Set()): ts.CallExpression | null {
    let child: ts.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      let guard: ts.CallExpression | null = null;
      if (ts.isIfStatement(parent) && child !== parent.expression) guard = this.guardWhen(parent.expression, child === parent.thenStatement, need);
      else if (ts.isConditionalExpression(parent) && child !== parent.condition) guard = this.guardWhen(parent.condition, child === parent.whenTrue, need);
      else if (ts.isBinaryExpression(parent) && child === parent.right) {
        const op = parent.operatorToken.kind;
        if (op === ts.SyntaxKind.AmpersandAmpersandToken) guard = this.guardWhen(parent.left, true, need);
        else if (op === ts.SyntaxKind.BarBarToken) guard = this.guardWhen(parent.left, false, need);
      } else if ((ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) && ts.isStatement(child)) {
        guard = this.earlyExitGuard(parent.statements, child, need);
      }
      if (guard) return guard;
      if ((ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) && !seen.has(parent)) {
        const calls = this.callsOf(parent);
        if (calls) {
          seen.add(parent);
          const callerGuard = this.all(calls.map((call) => () => this.guardOf(call, need, seen)));
          seen.delete(parent);
          if (callerGuard) return callerGuard;
        }
      }
    }
    return null;
  }

  /** `if (!g) return|throw …;` before `statement` in the same list. */
  private earlyExitGuard(statements: ts.NodeArray<ts.Statement>, statement: ts.Statement, need: Requirement): ts.CallExpression | null {
    const exits = (s: ts.Statement): boolean =>
      ts.isReturnStatement(s) || ts.isThrowStatement(s) || (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]!));
    for (const earlier of statements) {
      if (earlier === statement) break;
      if (ts.isIfStatement(earlier) && !earlier.elseStatement && exits(earlier.thenStatement)) {
        const guard = this.guardWhen(earlier.expression, false, need);
        if (guard) return guard;
      }
    }
    return null;
  }
}

export function location(node: ts.Node): string {
  const sourceFile = node.getSourceFile();
  return `${repoPath(sourceFile.fileName)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
}

/* ------------------------------------------------------------------ the check */

/** A reviewed reading of a qualified comment: what the code's use of it really needs. */
export interface QualifiedReading {
  readonly api: string;
  /** The comment's words (`[Api set: …]` contents) as the reading was made for: a change in the typings fails the test. */
  readonly comment: string;
  readonly requirement: Requirement;
  /** The reading holds only for calls with at most this many arguments (e.g. an optional parameter of a later set left out). */
  readonly maxArguments?: number;
  readonly reason: string;
}

export interface Analysis {
  readonly uses: readonly ApiUse[];
  readonly violations: readonly Violation[];
  readonly guarded: readonly GuardedUse[];
  /** Uses above the manifest's minimum that need nothing beyond their object (see impliedByContainer). */
  readonly implied: readonly { readonly use: ApiUse; readonly needed: Requirement }[];
  /** Readings that matched no use, or whose comment or argument count no longer holds. */
  readonly readingProblems: readonly string[];
}

/** What a use needs, after the reviewed readings of qualified comments. */
function neededBy(use: ApiUse, readings: readonly QualifiedReading[], problems: string[]): readonly Requirement[] {
  const reading = readings.find((r) => r.api === use.api);
  if (!reading) return use.requirement.requirements;
  if (use.requirement.raw !== reading.comment) {
    problems.push(`${use.file}:${use.line} ${use.api}: the typings now say "${use.requirement.raw ?? formatRequirement(use.requirement)}", the reviewed reading was made for "${reading.comment}"`);
    return use.requirement.requirements;
  }
  if (reading.maxArguments !== undefined && (use.argumentCount ?? 0) > reading.maxArguments) {
    problems.push(`${use.file}:${use.line} ${use.api} is called with ${use.argumentCount} arguments; the reviewed reading (${reading.requirement.set} ${reading.requirement.version}) holds for at most ${reading.maxArguments}`);
    return use.requirement.requirements;
  }
  return [reading.requirement];
}

export function analyze(program: ts.Program, files: readonly string[], manifest: ManifestRequirements, readings: readonly QualifiedReading[] = []): Analysis {
  const uses = collectUses(program, files);
  const guards = new GuardFinder(program, files);
  const violations: Violation[] = [];
  const guarded: GuardedUse[] = [];
  const implied: { use: ApiUse; needed: Requirement }[] = [];
  const readingProblems: string[] = [];
  for (const use of uses) {
    // A Common API method the manifest declares by name (Office.Settings.get as "Settings.get") needs nothing more.
    if (use.api.startsWith("Office.") && manifest.methods.has(use.api.slice("Office.".length))) continue;
    for (const needed of neededBy(use, readings, readingProblems)) {
      const min = declaredMinimum(manifest.sets, needed.set);
      if (min !== null && compareVersions(needed.version, min) <= 0) continue;
      // A member no higher than its own class's needs nothing beyond the object, which was obtained through an API
      // checked where it was used (Range | RangeAreas: RangeAreas.conditionalFormats rides on getRanges' guard).
      // Not so for enum values: a string literal needs no object.
      if (use.requirement.impliedByContainer && use.kind !== "enum-value") {
        implied.push({ use, needed });
        continue;
      }
      const guard = guards.guardOf(use.node, needed);
      if (guard) guarded.push({ use, needed, guard: location(guard) });
      else violations.push({ use, needed, declared: min });
    }
  }
  for (const reading of readings) {
    if (!uses.some((u) => u.api === reading.api)) readingProblems.push(`reviewed reading of ${reading.api}: the code no longer uses it (remove the entry)`);
  }
  return { uses, violations, guarded, implied, readingProblems };
}

export function describeViolation(v: Violation): string {
  const declared = v.declared === null ? `manifest does not declare ${v.needed.set}` : `manifest declares ${v.declared}`;
  return `${v.use.file}:${v.use.line} ${v.use.api} needs ${v.needed.set} ${v.needed.version} (${declared})`;
}

/** A violation without its line, so a list of them survives edits elsewhere in the file. */
export function violationKey(v: Violation): string {
  return `${v.use.file} ${v.use.api} needs ${v.needed.set} ${v.needed.version}`;
}

/* ------------------------------------------------------------------ the inventory */

export interface InventoryEntry {
  readonly api: string;
  /** "ExcelApi 1.9", "SharedRuntime 1.1 + KeyboardShortcuts 1.1", or "none". */
  readonly set: string;
  /** The typings' own words when qualified ("ExcelApi 1.1 for get, 1.8 for set"); omitted otherwise. */
  readonly note?: string;
  /** "class" when the member has no comment of its own and takes its class's (interface's, enum's) set. */
  readonly from?: "class";
  readonly files: readonly string[];
}

export function inventory(uses: readonly ApiUse[]): InventoryEntry[] {
  const byApi = new Map<string, { use: ApiUse; files: Set<string> }>();
  for (const use of uses) {
    const key = `${use.api}\u0000${formatRequirement(use.requirement)}`;
    const entry = byApi.get(key) ?? { use, files: new Set<string>() };
    entry.files.add(use.file);
    byApi.set(key, entry);
  }
  return [...byApi.values()]
    .map(({ use, files }): InventoryEntry => ({
      api: use.api,
      set: formatRequirement(use.requirement),
      ...(use.requirement.raw !== null ? { note: use.requirement.raw } : {}),
      ...(use.requirement.from === "container" ? { from: "class" as const } : {}),
      files: [...files].sort(),
    }))
    .sort((a, b) => (a.api < b.api ? -1 : a.api > b.api ? 1 : a.set < b.set ? -1 : a.set > b.set ? 1 : 0));
}

/** The inventory as committed: JSON, one entry per line, so a diff shows each API that came or went. */
export function inventoryJson(entries: readonly InventoryEntry[]): string {
  return `[\n${entries.map((entry) => `  ${JSON.stringify(entry)}`).join(",\n")}\n]\n`;
}

/** One line per API: set, then each use as file:line. */
export function inventoryTable(uses: readonly ApiUse[]): string {
  const lines = new Map<string, Set<string>>();
  for (const use of uses) {
    const key = `${use.api}  [${formatRequirement(use.requirement)}${use.requirement.raw ? ` — "${use.requirement.raw}"` : ""}]`;
    const set = lines.get(key) ?? new Set<string>();
    set.add(`${use.file}:${use.line}`);
    lines.set(key, set);
  }
  return [...lines]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, where]) => `${key}\n    ${[...where].join(", ")}`)
    .join("\n");
}

export function readManifest(): string {
  return readFileSync(join(ROOT, "manifest.xml"), "utf8");
}
