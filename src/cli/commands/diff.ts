/** `epr-return diff OLD NEW [--sheet NAME] [--json]`: what changed between two submissions of the same return. */
import { diffReturns } from "../../core/diff";
import { allowOnly, booleanFlag, requireFiles, stringFlag, type ParsedArgs } from "../args";
import { diffJson } from "../format/diffJson";
import { diffText } from "../format/diffText";
import type { FileDiff } from "../format/fileDiff";
import type { CheckedFile } from "../fileResults";
import { FileError, UsageError, type CliIo } from "../io";
import { validateFile } from "./validate";

/** Exit codes, as `diff` has them: the same, different, trouble (bad usage, an unreadable file). */
export const DIFF_EXIT = { same: 0, changed: 1, trouble: 2 } as const;

/** Both returns read and checked as `validate` reads them, then compared. */
export function compareChecked(old: CheckedFile, now: CheckedFile): FileDiff {
  const side = ({ checked }: CheckedFile) => ({ trusts: checked.result.trusts, ics: checked.ics?.details ?? null });
  return { old, new: now, diff: diffReturns(side(old), side(now)) };
}

export async function runDiff(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["--sheet", "--json"]);
  const files = requireFiles(args, 2);
  if (files.length > 2) throw new UsageError("`diff` compares two files, OLD and NEW; try `epr-return --help`");
  const [oldFile = "", newFile = ""] = files;
  const sheet = stringFlag(args, "--sheet");
  // Both are read before giving up, so that two unreadable files are both named.
  const read: (CheckedFile | null)[] = [];
  for (const file of [oldFile, newFile]) {
    try {
      read.push(await validateFile(file, sheet, undefined, io.today));
    } catch (err) {
      if (!(err instanceof FileError)) throw err;
      io.stderr(`epr-return: ${err.message}\n`);
      read.push(null);
    }
  }
  const [old, now] = read;
  if (!old || !now) return DIFF_EXIT.trouble;
  const compared = compareChecked(old, now);
  io.stdout(booleanFlag(args, "--json") ? `${JSON.stringify(diffJson(compared), null, 2)}\n` : diffText(compared));
  return compared.diff.changed ? DIFF_EXIT.changed : DIFF_EXIT.same;
}
