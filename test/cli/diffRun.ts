/**
 * Runs `epr-return diff …` in-process, capturing what it prints, with main()'s handling of errors: the arguments
 * parsed as main parses them, a usage or file error one line on stderr and exit code 2.
 */
import { parseArgs } from "../../src/cli/args";
import { runDiff } from "../../src/cli/commands/diff";
import { FileError, UsageError } from "../../src/cli/io";
import type { CliRun } from "./run";

export async function runDiffCli(argv: readonly string[], today = "2024-12-31"): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t: string) => { stdout += t; }, stderr: (t: string) => { stderr += t; }, stderrIsTTY: false, today };
  try {
    return { code: await runDiff(parseArgs(argv), io), stdout, stderr };
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof FileError)) throw err;
    io.stderr(`epr-return: ${err.message}\n`);
    return { code: 2, stdout, stderr };
  }
}

