/** `epr-return score FILE… [--sheet NAME] [--profile dec-2023|mar-2026] [--as-of YYYY-MM-DD] [--weight beds] [--json]` */
import { readReturnSheets } from "../../app/checkReturn";
import { scoreReturn } from "../../core/calc";
import { DEFAULT_PROFILE } from "../../core/profiles";
import type { ProfileName } from "../../core/schema";
import { readTrusts } from "../../core/validate";
import { allowOnly, booleanFlag, isoDateFlag, profileFlag, requireFiles, stringFlag, type ParsedArgs } from "../args";
import { forEachFile } from "../batch";
import { scoreJson } from "../format/json";
import { scoreText } from "../format/text";
import type { FileScore } from "../fileResults";
import { UsageError, type CliIo } from "../io";
import { inFile, openForReading } from "../openReturn";

export interface ScoreFlags {
  readonly sheet?: string;
  readonly profile?: ProfileName;
  readonly asOf?: string;
  readonly weight?: "beds";
}

export async function scoreFile(file: string, flags: ScoreFlags, today: string): Promise<FileScore> {
  const reader = await openForReading(file, flags.sheet);
  const opened = await inFile(file, () => readReturnSheets(reader, { today, ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}) }));
  const ics = opened.ics?.details ?? null;
  // The rows as validation reads them (with the workbook's saved mapping), without its issues: no figure depends on them.
  const trusts = readTrusts(opened.sheet, { mapping: opened.mapping.mapping });
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
  const { results, failed } = await forEachFile(files, io, (file) => scoreFile(file, flags, io.today));
  if (booleanFlag(args, "--json")) {
    const objects = results.map(scoreJson);
    io.stdout(JSON.stringify(files.length === 1 ? (objects[0] ?? null) : objects, null, 2) + "\n");
  } else {
    for (const r of results) io.stdout(scoreText(r));
  }
  return failed ? 2 : 0;
}
