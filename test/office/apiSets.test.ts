/**
 * Requirement sets: every Office API the code calls, with its set (from @types/office-js's `[Api set: …]` and
 * `**Requirement set**` comments), and no use above the manifest's declared minimum without an isSetSupported guard.
 * How uses, sets and guards are found: ./apiSets.ts.
 *
 * The inventory (API → set → files) is kept in apiSets.inventory.json beside this file, so a new API, or an API
 * used in a new file, shows up in review. After a deliberate change, regenerate it:
 *   UPDATE_API_SETS=1 npx jest test/office/apiSets
 * The full list with every use's file:line is printed by
 *   API_SETS_REPORT=1 npx jest test/office/apiSets
 *
 * One TypeScript program serves every test here: the Office-calling folders plus the in-memory sources of the
 * checker's own tests (the 190,000-line office-js typings are parsed once).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import {
  analyze,
  ANALYZED_FOLDERS,
  createProgram,
  describeViolation,
  formatRequirement,
  inventory,
  inventoryJson,
  inventoryTable,
  parseRequirementComment,
  readManifest,
  readManifestRequirements,
  ROOT,
  sourceFilesUnder,
  violationKey,
  type Analysis,
  type ManifestRequirements,
  type QualifiedReading,
  type Violation,
} from "./apiSets";

/**
 * Reviewed readings of qualified typings comments, where the highest version the comment mentions is more than the
 * code's use needs. Each is checked: the typings must still say `comment`, the code must still use the API, and
 * (maxArguments) no call may pass the later set's extra arguments.
 */
const READINGS: readonly QualifiedReading[] = [
  {
    api: "Excel.TableRowCollection.add",
    comment: "ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; 1.15 for adding `alwaysInsert` parameter.",
    requirement: { set: "ExcelApi", version: "1.4" },
    maxArguments: 2,
    reason: "trustRowsOps.ts adds several rows in one call (1.4) and never passes alwaysInsert (1.15)",
  },
];

/**
 * Uses above the manifest's minimum that are guarded in a way the checker cannot follow: `api` in `file`, where the
 * guard is and why it holds. Each entry must still excuse a use, so the list cannot go stale. Empty: every guard in
 * the code is one the checker recognises.
 */
const REVIEWED_GUARDS: readonly { readonly api: string; readonly file: string; readonly guard: string }[] = [];

/**
 * Unguarded uses above the manifest's minimum the code has today ("file API needs Set x.y", lines left out so edits
 * elsewhere in a file do not touch this list). Each is a defect: fix the code or the manifest, then remove the entry.
 * The test fails both on a new violation and on an entry that no longer happens.
 */
/** Unguarded uses above the manifest's minimum that are known defects: none (add one only with its fix planned). */
const KNOWN_DEFECTS: readonly string[] = [];

const INVENTORY_FILE = join(__dirname, "apiSets.inventory.json");

/** The checker's own tests, in memory: the brief's two cases, then one case per guard form (see CASES). */
const VIRTUAL_DIR = join(ROOT, "test", "office", "apiSets.virtual");
const UNGUARDED_FILE = join(VIRTUAL_DIR, "unguarded.ts");
const GUARDED_FILE = join(VIRTUAL_DIR, "guarded.ts");
const CASES_FILE = join(VIRTUAL_DIR, "cases.ts");
const SETTINGS_FILE = join(VIRTUAL_DIR, "settings.ts");

const SETTINGS_SOURCE = `
export function readKey(): unknown {
  return Office.context.document.settings.get("key");
}
`;

const UNGUARDED_SOURCE = `
export function markAreas(worksheet: Excel.Worksheet): void {
  worksheet.getRanges("A1").format.fill.color = "yellow";
}
`;

const GUARDED_SOURCE = `
export function markAreas(worksheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) worksheet.getRanges("A1").format.fill.color = "yellow";
  else worksheet.getRange("A1").format.fill.color = "yellow";
}
`;

/** Each function is one case; those named in VIOLATING_CASES must give exactly one violation, the others none. */
const CASES_SOURCE = `
import type { OfficeHost } from "../../../src/office/host";

const supported = (version: string): boolean => Office.context.requirements.isSetSupported("ExcelApi", version);

export function tooLowAVersion(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.8")) sheet.getRanges("A1");
}
export function anotherSet(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("WordApi", "1.9")) sheet.getRanges("A1");
}
export function inTheElseBranch(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) sheet.getRange("A1");
  else sheet.getRanges("A1");
}
export function checkedButNotDeciding(sheet: Excel.Worksheet): void {
  const useAreas = Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  console.log(useAreas);
  sheet.getRanges("A1");
}
export function mutableFlag(host: OfficeHost, sheet: Excel.Worksheet): void {
  let useAreas = host.isSetSupported("ExcelApi", "1.9");
  useAreas = true;
  if (useAreas) sheet.getRanges("A1");
}
export function throughAHelperOfOurOwn(sheet: Excel.Worksheet): void {
  if (supported("1.9")) sheet.getRanges("A1");
}
export function unguardedSetNotInManifest(context: Excel.RequestContext): void {
  context.workbook.linkedWorkbooks.breakAllLinks();
}
export function enumValueAboveTheMethod(sheet: Excel.Worksheet): void {
  sheet.getRange("A1").clear("Contents");
  sheet.getRange("A1").clear("ResetContents");
}
function passedAsAValue(sheet: Excel.Worksheet): void {
  sheet.getRanges("A1");
}
export const handlers = [passedAsAValue];
export function callsPassedAsAValue(host: OfficeHost, sheet: Excel.Worksheet): void {
  if (host.isSetSupported("ExcelApi", "1.9")) passedAsAValue(sheet);
}

export function directCall(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) sheet.getRanges("A1");
}
export function numericVersion(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", 1.9)) sheet.getRanges("A1");
}
export function higherVersion(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("excelapi", "1.12")) sheet.getRanges("A1");
}
export function negatedElse(host: OfficeHost, sheet: Excel.Worksheet): void {
  if (!host.isSetSupported("ExcelApi", "1.9")) sheet.getRange("A1");
  else sheet.getRanges("A1");
}
export function conjunction(host: OfficeHost, sheet: Excel.Worksheet, wanted: boolean): void {
  if (wanted && host.isSetSupported("ExcelApi", "1.9")) sheet.getRanges("A1");
  const areas = wanted && host.isSetSupported("ExcelApi", "1.9") && sheet.getRanges("A2");
  console.log(areas);
}
export async function constThenConditional(host: OfficeHost, name: string): Promise<void> {
  const useAreas = host.isSetSupported("ExcelApi", "1.9");
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const target = useAreas ? sheet.getRanges("A1,C3") : sheet.getRange("A1");
    target.conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
    await context.sync();
  });
}
export function earlyReturn(host: OfficeHost, sheet: Excel.Worksheet): void {
  if (!host.isSetSupported("ExcelApi", "1.9")) return;
  sheet.getRanges("A1");
}
export function earlyThrowInABlock(host: OfficeHost, sheet: Excel.Worksheet): void {
  const noAreas = !host.isSetSupported("ExcelApi", "1.9");
  if (noAreas) {
    throw new Error("Excel too old");
  }
  sheet.getRanges("A1");
}
export function caller(host: OfficeHost, sheet: Excel.Worksheet): void {
  withFlag(sheet, host.isSetSupported("ExcelApi", "1.9"));
  const areas = host.isSetSupported("ExcelApi", "1.9");
  withFlag(sheet, areas);
}
function withFlag(sheet: Excel.Worksheet, useAreas: boolean): void {
  if (useAreas) sheet.getRanges("A1");
}
export function guardedCaller(host: OfficeHost, sheet: Excel.Worksheet): void {
  if (host.isSetSupported("ExcelApi", "1.9")) areasOnly(sheet);
}
function areasOnly(sheet: Excel.Worksheet): void {
  sheet.getRanges("A1");
}
interface Write {
  readonly canUseAreas: boolean;
}
export function propertyPassedDown(host: OfficeHost, sheet: Excel.Worksheet): void {
  const canUseAreas = host.isSetSupported("ExcelApi", "1.9");
  applyWrite(sheet, { canUseAreas });
  applyWrite(sheet, { canUseAreas: host.isSetSupported("ExcelApi", "1.10") });
}
function applyWrite(sheet: Excel.Worksheet, write: Write): void {
  if (write.canUseAreas) sheet.getRanges("A1");
}
export function guardedEnumValue(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.18")) sheet.getRange("A1").clear("ResetContents");
}
export function guardedSetNotInManifest(context: Excel.RequestContext): void {
  if (Office.context.requirements.isSetSupported("ExcelApiOnline", "1.1")) context.workbook.linkedWorkbooks.breakAllLinks();
}
`;

/** The cases above that must give exactly one violation each; every other function, none. */
const VIOLATING_CASES = [
  "tooLowAVersion",
  "anotherSet",
  "inTheElseBranch",
  "checkedButNotDeciding",
  "mutableFlag",
  "throughAHelperOfOurOwn",
  "unguardedSetNotInManifest",
  "enumValueAboveTheMethod",
  "passedAsAValue",
];

/** The cases whose uses above ExcelApi 1.8 must all be found guarded (so the guard cases are not vacuous). */
const GUARDED_CASES = [
  "directCall",
  "numericVersion",
  "higherVersion",
  "negatedElse",
  "conjunction",
  "constThenConditional",
  "earlyReturn",
  "earlyThrowInABlock",
  "withFlag",
  "areasOnly",
  "applyWrite",
  "guardedEnumValue",
  "guardedSetNotInManifest",
];

const VIRTUAL_FILES = new Map([
  [UNGUARDED_FILE, UNGUARDED_SOURCE],
  [GUARDED_FILE, GUARDED_SOURCE],
  [CASES_FILE, CASES_SOURCE],
  [SETTINGS_FILE, SETTINGS_SOURCE],
]);

/** The self-tests' manifest: fixed, so they do not move with manifest.xml. */
const SELF_TEST_MANIFEST: ManifestRequirements = { sets: new Map([["ExcelApi", "1.8"]]), methods: new Set() };

let program: ts.Program;
let sourceFiles: string[];
let manifest: ManifestRequirements;
let analysis: Analysis;

beforeAll(() => {
  sourceFiles = ANALYZED_FOLDERS.flatMap((folder) => sourceFilesUnder(folder));
  program = createProgram([...sourceFiles, ...VIRTUAL_FILES.keys()], VIRTUAL_FILES);
  manifest = readManifestRequirements(readManifest());
  analysis = analyze(program, sourceFiles, manifest, READINGS);
});

const excused = (v: Violation): boolean => REVIEWED_GUARDS.some((g) => g.api === v.use.api && g.file === v.use.file);

/** The name of the function or method declaration a use is in. */
function enclosingFunction(node: ts.Node): string {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText();
  }
  return "(top level)";
}

describe("the manifest's requirements", () => {
  it("reads Sets (with DefaultMinVersion) and Methods from the base Requirements only", () => {
    const xml = `<OfficeApp>
      <Requirements>
        <Sets DefaultMinVersion="1.3">
          <!-- <Set Name="Commented" MinVersion="9.9"/> -->
          <Set Name="ExcelApi" MinVersion="1.8"/>
          <Set Name='SharedRuntime'/>
        </Sets>
        <Methods><Method Name="Settings.get"/></Methods>
      </Requirements>
      <VersionOverrides><Requirements><Sets><Set Name="AddinCommands" MinVersion="1.3"/></Sets></Requirements></VersionOverrides>
    </OfficeApp>`;
    const read = readManifestRequirements(xml);
    expect(Object.fromEntries(read.sets)).toEqual({ ExcelApi: "1.8", SharedRuntime: "1.3" });
    expect([...read.methods]).toEqual(["Settings.get"]);
  });

  it("reads manifest.xml's declared sets", () => {
    // Whatever they are (not hard-coded here): at least the Excel API's, which every Excel add-in declares.
    expect(manifest.sets.get("ExcelApi")).toMatch(/^\d+\.\d+$/);
  });
});

describe("the typings' requirement comments", () => {
  it.each([
    ["[Api set] under @remarks", "/** x\n * @remarks\n * [Api set: ExcelApi 1.9]\n */", "ExcelApi 1.9", null],
    ["[Api set] alone", "/**\n    * [Api set: ExcelApi 1.5]\n    */", "ExcelApi 1.5", null],
    ["a qualified [Api set]: its highest version", "/** [Api set: ExcelApi 1.1 for get, 1.8 for set] */", "ExcelApi 1.8", "ExcelApi 1.1 for get, 1.8 for set"],
    ["prose naming no set (\"Excel Api 1.3\")", "/** [Api set: ExcelApi 1.1 / 1.3.  Prior to ExcelApi 1.3, a string. Starting with Excel Api 1.3, a Range.] */", "ExcelApi 1.3", "ExcelApi 1.1 / 1.3.  Prior to ExcelApi 1.3, a string. Starting with Excel Api 1.3, a Range."],
    ["another set", "/** [Api set: ExcelApiOnline 1.1] */", "ExcelApiOnline 1.1", null],
    ["a Common API set", "/** x\n * **Requirement set**: {@link https://x/shared-runtime | SharedRuntime 1.2}\n */", "SharedRuntime 1.2", null],
    ["an unversioned Common API set", "/** x\n * **Requirement set**: {@link https://x#settings | Settings}\n */", "Settings 1.1", "Settings"],
    ["not in a set", "/** x\n * **Requirement set**: {@link https://x#not | Not in a set}\n */", "none", null],
    [
      "a list of sets, all needed (links after the list do not count)",
      "/** x\n * **Requirement sets**:\n *\n * - {@link https://x | KeyboardShortcuts 1.1}\n *\n * - {@link https://x | SharedRuntime 1.1}\n *\n * @param a {@link https://y | Other 9.9}\n */",
      "KeyboardShortcuts 1.1 + SharedRuntime 1.1",
      null,
    ],
    ["no requirement", "/** No requirement here. */", "none", null],
  ])("%s", (_label, comment, expected, raw) => {
    const parsed = parseRequirementComment(comment);
    expect(formatRequirement({ requirements: parsed.requirements, raw: parsed.raw, from: "member", impliedByContainer: false })).toBe(expected);
    expect(parsed.raw).toBe(raw);
  });
});

describe("the checker, on in-memory sources", () => {
  const violationsIn = (file: string): Violation[] => analyze(program, [file], SELF_TEST_MANIFEST).violations as Violation[];

  it("reports worksheet.getRanges (ExcelApi 1.9) without a guard, against a manifest declaring ExcelApi 1.8", () => {
    const violations = violationsIn(UNGUARDED_FILE);
    expect(violations.map(describeViolation)).toEqual(["test/office/apiSets.virtual/unguarded.ts:3 Excel.Worksheet.getRanges needs ExcelApi 1.9 (manifest declares 1.8)"]);
  });

  it("accepts it behind isSetSupported('ExcelApi', '1.9')", () => {
    const analysed = analyze(program, [GUARDED_FILE], SELF_TEST_MANIFEST);
    expect(analysed.violations).toEqual([]);
    expect(analysed.guarded.map((g) => `${g.use.api} ${g.needed.version} ← ${g.guard}`)).toEqual(["Excel.Worksheet.getRanges 1.9 ← test/office/apiSets.virtual/guarded.ts:3"]);
  });

  it("tells each guard form from a non-guard", () => {
    const violations = violationsIn(CASES_FILE);
    const byCase = new Map<string, string[]>();
    for (const v of violations) {
      const name = enclosingFunction(v.use.node);
      byCase.set(name, [...(byCase.get(name) ?? []), describeViolation(v)]);
    }
    // Compared with the violations' text beside, so a failure shows what was (or was not) found where.
    const found = Object.fromEntries([...byCase].map(([name, list]) => [name, list.length === 1 ? 1 : list]));
    expect(found).toEqual(Object.fromEntries(VIOLATING_CASES.map((name) => [name, 1])));
    const guarded = new Set(analyze(program, [CASES_FILE], SELF_TEST_MANIFEST).guarded.map((g) => enclosingFunction(g.use.node)));
    expect([...guarded].sort()).toEqual([...GUARDED_CASES].sort());
  });

  it("takes a Common API set, or the method itself, from the manifest", () => {
    const violations = (declared: ManifestRequirements): string[] => analyze(program, [SETTINGS_FILE], declared).violations.map(describeViolation);
    expect(violations(SELF_TEST_MANIFEST)).toEqual(["test/office/apiSets.virtual/settings.ts:3 Office.Settings.get needs Settings 1.1 (manifest does not declare Settings)"]);
    expect(violations({ sets: new Map([["Settings", "1.1"]]), methods: new Set() })).toEqual([]);
    expect(violations({ sets: new Map(), methods: new Set(["Settings.get"]) })).toEqual([]);
  });

  it("names the set a use needs, also for enum values and sets the manifest does not declare", () => {
    const violations = violationsIn(CASES_FILE).map((v) => describeViolation(v).replace(/^\S+ /, ""));
    expect(violations).toEqual(
      expect.arrayContaining([
        "Excel.Workbook.linkedWorkbooks needs ExcelApiOnline 1.1 (manifest does not declare ExcelApiOnline)",
        "Excel.ClearApplyTo.resetContents needs ExcelApi 1.18 (manifest declares 1.8)",
      ]),
    );
  });
});

describe("the add-in's Office API uses", () => {
  it("finds the Office API uses of every Office-calling folder", () => {
    const files = new Set(analysis.uses.map((u) => u.file.split("/").slice(0, 2).join("/")));
    expect([...files].sort()).toEqual(expect.arrayContaining(["src/office", "src/taskpane"]));
    if (process.env.API_SETS_REPORT) {
      const guarded = analysis.guarded.map((g) => `${g.use.file}:${g.use.line} ${g.use.api} needs ${g.needed.set} ${g.needed.version}: guarded at ${g.guard}`);
      const implied = analysis.implied.map((i) => `${i.use.file}:${i.use.line} ${i.use.api} needs ${i.needed.set} ${i.needed.version}: no more than its class, so as guarded as the object`);
      console.log(
        `${inventoryTable(analysis.uses)}\n\nGuarded uses above the manifest's minimum:\n${guarded.join("\n") || "(none)"}\n\n` +
          `Members above the minimum, on objects only a guarded use yields:\n${implied.join("\n") || "(none)"}`,
      );
    }
  });

  it("uses nothing above the manifest's declared minimum without an isSetSupported guard", () => {
    const violations = analysis.violations.filter((v) => !excused(v));
    const unexpected = violations.filter((v) => !KNOWN_DEFECTS.includes(violationKey(v)));
    const fixed = KNOWN_DEFECTS.filter((key) => !violations.some((v) => violationKey(v) === key));
    const message = [
      ...unexpected.map((v) => `unguarded: ${describeViolation(v)}`),
      ...fixed.map((key) => `no longer happens (remove it from KNOWN_DEFECTS): ${key}`),
    ];
    expect(message).toEqual([]);
  });

  it("keeps its reviewed readings and guards current", () => {
    const staleGuards = REVIEWED_GUARDS.filter((g) => !analysis.violations.some((v) => v.use.api === g.api && v.use.file === g.file)).map(
      (g) => `reviewed guard of ${g.api} in ${g.file} excuses nothing (remove it)`,
    );
    expect([...analysis.readingProblems, ...staleGuards]).toEqual([]);
  });

  it("matches the reviewed inventory, apiSets.inventory.json", () => {
    const current = inventory(analysis.uses);
    const text = inventoryJson(current);
    if (process.env.UPDATE_API_SETS) writeFileSync(INVENTORY_FILE, text);
    if (!existsSync(INVENTORY_FILE)) throw new Error(`${INVENTORY_FILE} is missing: run UPDATE_API_SETS=1 npx jest test/office/apiSets`);
    const reviewed = JSON.parse(readFileSync(INVENTORY_FILE, "utf8")) as typeof current;
    const line = (e: (typeof current)[number]): string => `${e.api} [${e.set}] ${e.files.join(", ")}`;
    const was = new Set(reviewed.map(line));
    const now = new Set(current.map(line));
    const changes = [...[...now].filter((l) => !was.has(l)).map((l) => `+ ${l}`), ...[...was].filter((l) => !now.has(l)).map((l) => `- ${l}`)];
    // A difference is a new or dropped API use to review; then UPDATE_API_SETS=1 npx jest test/office/apiSets.
    expect(changes).toEqual([]);
    expect(current).toEqual(reviewed);
  });
});
