/** The `epr-return` command line: dispatch, help, and the rule that users never see a stack trace. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { todayIso } from "../core/dates";
import { parseArgs, type ParsedArgs } from "./args";
import { FileError, outputFailureLine, UsageError, type CliIo } from "./io";

type Command = (args: ParsedArgs, io: CliIo) => Promise<number>;

/** Each command's module is loaded when it runs: `validate` need not load the template writer, the stamp or the merge. */
const COMMANDS: ReadonlyMap<string, () => Promise<Command>> = new Map([
  ["validate", async () => (await import("./commands/validate")).runValidate],
  ["score", async () => (await import("./commands/score")).runScore],
  ["template", async () => (await import("./commands/template")).runTemplate],
  ["merge", async () => (await import("./commands/merge")).runMerge],
  ["stamp", async () => (await import("./commands/stamp")).runStamp],
  ["verify", async () => (await import("./commands/verify")).runVerify],
  ["export", async () => (await import("./commands/export")).runExport],
  ["diff", async () => (await import("./commands/diff")).runDiff],
  ["report", async () => (await import("./commands/report")).runReport],
]);

export const HELP = `epr-return: check and score NHS England EPR returns (.xlsx)

Usage:
  epr-return validate FILE... [--sheet NAME] [--submitted YYYY-MM-DD] [--json]
      Checks each file against the EPR return rules. Exit 0: no errors; 1: errors; 2: bad usage or unreadable file.
  epr-return score FILE... [--sheet NAME] [--profile dec-2023|mar-2026] [--as-of YYYY-MM-DD] [--weight beds] [--json]
      Convergence (now and target), coverage against the target profile, funding totals.
  epr-return template OUT.xlsx [--force]
      Writes a blank EPR return template workbook.
  epr-return merge FILE... -o OUT.xlsx [--on-duplicate keep|replace|both] [--sheet NAME] [--force]
      Consolidates trust returns into one ICS return (a template workbook with a Source column). Exit 0, or 2.
  epr-return stamp FILE (-o OUT.xlsx | --in-place) [--force] [--sheet NAME] [--submitted YYYY-MM-DD]
      Adds a validation stamp (hashes of the data) to a return with no errors. Exit 0; 1: the return has errors; 2.
  epr-return verify FILE... [--submitted YYYY-MM-DD] [--json]
      Checks each file's data against its stamp and validates it again. Exit 0: unchanged and no errors;
      1: changed (rows named), or errors under the current rules; 2: no stamp or unreadable.
      A stamp is an integrity check (an unkeyed hash of the data), not a signature: anyone can make one.
  epr-return export FILE --format csv|json [-o OUT] [--force] [--force-errors] [--sheet NAME]
      The validated data as CSV or JSON (stdout without -o). Refuses a return with errors unless --force-errors.
  epr-return diff OLD NEW [--sheet NAME] [--json]
      What changed between two submissions of a return: trusts added and removed (by code), each field old → new
      (date slips in days, progress of status/plan/stage, money in £), the ICS details and every headline figure.
      Exit 0: no changes; 1: changes; 2: bad usage or unreadable file.
  epr-return report FILE|FOLDER... -o OUT [--profile dec-2023|mar-2026] [--as-of YYYY-MM-DD] [--previous FOLDER]
                    [--recursive] [--force] [--json]
      The national roll-up of many returns (a folder: its .xlsx, .xlsm, .xls, .ods and .csv files) into OUT.xlsx:
      national and regional figures, one row per ICS, every trust, the supplier market, and the problems found.
      --previous FOLDER: each ICS's changes since its previous return there (matched by ICB code, ICS name, file
      name): target go-live dates slipped, median slip in days, convergence score and national funding change.
      Exit 0: written (returns with errors or unreadable ones are listed in it); 2: bad usage, nothing readable,
      or the write failed.

The trust sheet is --sheet, else "Trusts", else the first sheet with a recognisable header row.
The submission date is the ICS sheet's, else --submitted, else the date saved with the return (the pane's
Validate view), else today.
`;

/**
 * A write to standard output or error that fails (EPIPE from `| head -1`, ENOSPC from `> /dev/full`) is
 * reported by Node as an 'error' event on the stream, after write() has returned; unhandled, it prints a
 * stack trace and exits 1, which means "errors found". Here it ends the command: one line on standard
 * error (unless that is what failed) and exit code 2. Nothing more can be delivered, so there is nothing
 * to finish first.
 */
let watchingStandardStreams = false;
function watchStandardStreams(): void {
  if (watchingStandardStreams) return;
  watchingStandardStreams = true;
  process.stdout.on("error", (err) => {
    process.stderr.write(outputFailureLine("standard output", err));
    process.exit(2);
  });
  // Standard error itself failing: there is nowhere left to say so.
  process.stderr.on("error", () => process.exit(2));
}

export function nodeIo(): CliIo {
  watchStandardStreams();
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    today: todayIso(),
  };
}

export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
      (argv.length === 0 ? io.stderr : io.stdout)(HELP);
      return argv.length === 0 ? 2 : 0;
    }
    if (argv[0] === "--version") {
      io.stdout(`${version()}\n`);
      return 0;
    }
    const args = parseArgs(argv);
    const load = COMMANDS.get(args.command);
    if (!load) throw new UsageError(`unknown command "${args.command}"; the commands are ${[...COMMANDS.keys()].join(", ")}`);
    if (args.flags.has("--help")) {
      io.stdout(HELP);
      return 0;
    }
    const command = await load();
    return await command(args, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof FileError) {
      io.stderr(`epr-return: ${err.message}\n`);
      return 2;
    }
    // Anything else is our bug: one line for the user, the stack only when asked for.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`epr-return: unexpected failure: ${message} (set EPR_RETURN_DEBUG=1 for details, and please report it)\n`);
    if (process.env.EPR_RETURN_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return 2;
  }
}

function version(): string {
  // package.json sits two levels above lib/cli (compiled) and src/cli (tests) alike; read as data, not imported.
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "unknown";
}
