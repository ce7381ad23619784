/**
 * Golden-file tests of `epr-return diff`: each case's stdout, stderr and exit code are compared with
 * test/fixtures/golden/<case>.json, as test/cli/golden.test.ts does for the other commands. The workbook pairs are
 * in test/fixtures/diff (its README says how they are made). After an intended change, refresh the files with
 * `UPDATE_GOLDEN=1 npx jest test/cli/diff.golden` and review the diff.
 *
 * The command runs through main(), as a user runs it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "./run";

const GOLDEN = path.join(__dirname, "..", "fixtures", "golden");
const FIXTURES = "test/fixtures/diff";
const CHANGES = [`${FIXTURES}/changes-old.xlsx`, `${FIXTURES}/changes-new.xlsx`];
const UNCHANGED = [`${FIXTURES}/unchanged-old.xlsx`, `${FIXTURES}/unchanged-new.xlsx`];
const EXAMPLES = ["examples/clean-ics-return.xlsx", "examples/mid-plan-return.xlsx"];

const CASES: readonly [string, readonly string[]][] = [
  ["diff-changes-text", ["diff", ...CHANGES]],
  ["diff-changes-json", ["diff", ...CHANGES, "--json"]],
  ["diff-unchanged-text", ["diff", ...UNCHANGED]],
  ["diff-unchanged-json", ["diff", ...UNCHANGED, "--json"]],
  ["diff-examples-text", ["diff", ...EXAMPLES]],
  ["diff-same-file", ["diff", EXAMPLES[0] ?? "", EXAMPLES[0] ?? ""]],
  ["diff-usage-one-file", ["diff", EXAMPLES[0] ?? ""]],
  ["diff-usage-three-files", ["diff", ...EXAMPLES, EXAMPLES[0] ?? ""]],
  ["diff-usage-unknown-option", ["diff", ...EXAMPLES, "--profile", "mar-2026"]],
  ["diff-unreadable", ["diff", "test/fixtures/broken/truncated.xlsx", "test/fixtures/broken/empty.xlsx"]],
  ["diff-missing-sheet", ["diff", ...EXAMPLES, "--sheet", "Trust"]],
];

describe("epr-return diff golden files", () => {
  it.each(CASES)("%s", async (name, argv) => {
    const run = await runCli(argv, "2024-12-31");
    const actual = { argv, code: run.code, stdout: parseIfJson(run.stdout), stderr: run.stderr };
    const file = path.join(GOLDEN, `${name}.json`);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, JSON.stringify(actual, null, 2) + "\n");
    expect(actual).toEqual(JSON.parse(readFileSync(file, "utf8")));
  }, 60_000);
});

function parseIfJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return text;
  return JSON.parse(trimmed);
}
