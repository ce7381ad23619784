/**
 * Golden-file tests of the command line: each case's stdout, stderr and exit code are compared
 * with test/fixtures/golden/<case>.json. After an intended change, refresh them with
 * `UPDATE_GOLDEN=1 npx jest test/cli/golden` and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "./run";

const GOLDEN = path.join(__dirname, "..", "fixtures", "golden");
const CLEAN = "examples/clean-ics-return.xlsx";
const MESSY = "examples/trust-adhoc-sheet.xlsx";
const MID = "examples/mid-plan-return.xlsx";

const CASES: readonly [string, readonly string[]][] = [
  ["validate-clean", ["validate", CLEAN, "--json"]],
  ["validate-messy", ["validate", MESSY, "--submitted", "2023-11-15", "--json"]],
  ["validate-messy-text", ["validate", MESSY, "--submitted", "2023-11-15"]],
  ["validate-two-files", ["validate", CLEAN, MESSY, "--submitted", "2023-11-15", "--json"]],
  ["validate-broken-truncated", ["validate", "test/fixtures/broken/truncated.xlsx"]],
  ["validate-broken-csv", ["validate", "test/fixtures/broken/csv-renamed.xlsx", "--json"]],
  ["validate-broken-among-good", ["validate", CLEAN, "test/fixtures/broken/empty.xlsx", "--json"]],
  ["validate-missing-sheet", ["validate", CLEAN, "--sheet", "Trust"]],
  ["score-clean", ["score", CLEAN, "--json"]],
  ["score-clean-text", ["score", CLEAN]],
  ["score-clean-mar-2026-beds", ["score", CLEAN, "--profile", "mar-2026", "--weight", "beds", "--json"]],
  ["score-mid-plan-as-of", ["score", MID, "--as-of", "2025-12-31", "--json"]],
  ["score-messy", ["score", MESSY, "--json"]],
  ["usage-unknown-command", ["check", CLEAN]],
  ["usage-bad-profile", ["score", CLEAN, "--profile", "dec-2024"]],
];

describe("epr-return golden files", () => {
  it.each(CASES)("%s", async (name, argv) => {
    const run = await runCli(argv);
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
