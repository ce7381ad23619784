/** `epr-return score FILE… [--sheet NAME] [--profile dec-2023|mar-2026] [--as-of YYYY-MM-DD] [--weight beds] [--json]` */
import { scoreReturn } from "../../core/calc";
import { DEFAULT_PROFILE } from "../../core/profiles";
import type { ScoreResult } from "../../core/results";
import type { ProfileName } from "../../core/schema";
import { readTrusts } from "../../core/validate";
import { allowOnly, booleanFlag, isoDateFlag, profileFlag, requireFiles, stringFlag, type ParsedArgs } from "../args";
import { forEachFile } from "../batch";
import { scoreJson } from "../format/json";
import { scoreText } from "../format/text";
import { UsageError, type CliIo } from "../io";
import { readReturn } from "../workbook";

export interface FileScore {
  readonly file: string;
  readonly sheet: string;
  readonly result: ScoreResult;
  readonly weighted: boolean;
}

export interface ScoreFlags {
  readonly sheet?: string;
  readonly profile?: ProfileName;
  readonly asOf?: string;
  readonly weight?: "beds";
}

export async function scoreFile(file: string, flags: ScoreFlags): Promise<FileScore> {
  const opened = await readReturn(file, flags.sheet);
  const ics = opened.ics?.details ?? null;
  // The rows as validation reads them, without its issues: no figure depends on them.
  const trusts = readTrusts(opened.sheet);
  const profile = flags.profile ?? ics?.targetProfile ?? DEFAULT_PROFILE;
  const result = scoreReturn(trusts, { profile, ...(flags.asOf ? { asOf: flags.asOf } : {}), ...(flags.weight ? { weight: flags.weight } : {}) });
  return { file, sheet: opened.sheet.name, result, weighted: flags.weight !== undefined };
}

export async function runScore(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["--sheet", "--profile", "--as-of", "--weight", "--json"]);
  const files = requireFiles(args);
  const weight = stringFlag(args, "--weight");
  if (weight !== undefined && weight !== "beds") throw new UsageError(`--weight takes only "beds", not "${weight}"`);
  const sheet = stringFlag(args, "--sheet");
  const profile = profileFlag(args);
  const asOf = isoDateFlag(args, "--as-of");
  const flags: ScoreFlags = {
    ...(sheet !== undefined ? { sheet } : {}),
    ...(profile !== undefined ? { profile } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(weight === "beds" ? { weight } : {}),
  };
  const { results, failed } = await forEachFile(files, io, (file) => scoreFile(file, flags));
  if (booleanFlag(args, "--json")) {
    const objects = results.map(scoreJson);
    io.stdout(JSON.stringify(files.length === 1 ? (objects[0] ?? null) : objects, null, 2) + "\n");
  } else {
    for (const r of results) io.stdout(scoreText(r));
  }
  return failed ? 2 : 0;
}
