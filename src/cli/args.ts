/** Argument parsing for `epr-return` (spec section 8): flags may come before or after the files. */
import { ISO_DATE_PATTERN, isoFromParts } from "../core/dates";
import { PROFILE_NAMES, type ProfileName } from "../core/schema";
import { UsageError } from "./io";

export interface ParsedArgs {
  readonly command: string;
  readonly files: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

/** Flags that take a value; every other `--flag` is boolean. */
const VALUE_FLAGS = new Set(["--sheet", "--submitted", "--profile", "--as-of", "--previous", "--weight", "-o", "--output", "--on-duplicate", "--format"]);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("no command given; try `epr-return --help`");
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    if (arg === "--") {
      files.push(...rest.slice(i + 1));
      break;
    }
    if (arg.startsWith("-") && arg !== "-") {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (VALUE_FLAGS.has(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined || value === "") throw new UsageError(`${name} needs a value`);
        flags.set(name, value);
      } else {
        if (eq > 0) throw new UsageError(`${name} takes no value`);
        flags.set(name, true);
      }
    } else {
      files.push(arg);
    }
  }
  return { command, files, flags };
}

/** Rejects flags the command does not know, naming them. */
export function allowOnly(args: ParsedArgs, allowed: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`unknown option ${name} for \`${args.command}\`; try \`epr-return --help\``);
  }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

export function booleanFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.get(name) === true;
}

export function isoDateFlag(args: ParsedArgs, name: string): string | undefined {
  const value = stringFlag(args, name);
  if (value === undefined) return undefined;
  const [y, m, d] = value.split("-").map(Number);
  if (!ISO_DATE_PATTERN.test(value) || isoFromParts(y ?? 0, m ?? 0, d ?? 0) === null) {
    throw new UsageError(`${name} needs a date as YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

export function profileFlag(args: ParsedArgs): ProfileName | undefined {
  const value = stringFlag(args, "--profile");
  if (value === undefined) return undefined;
  const profile = PROFILE_NAMES.find((p) => p === value);
  if (!profile) throw new UsageError(`--profile must be one of ${PROFILE_NAMES.join(", ")}, not "${value}"`);
  return profile;
}

export function requireFiles(args: ParsedArgs, atLeast = 1): readonly string[] {
  if (args.files.length < atLeast) throw new UsageError(`\`${args.command}\` needs ${atLeast === 1 ? "a file" : `${atLeast} files`}; try \`epr-return --help\``);
  return args.files;
}
