/** `epr-return template OUT.xlsx [--force]`: writes the template workbook of spec section 2. */
import { existsSync } from "node:fs";
import { templateWorkbook } from "../../xlsx/write-template";
import { allowOnly, booleanFlag, type ParsedArgs } from "../args";
import { FileError, UsageError, type CliIo } from "../io";

export async function runTemplate(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["--force"]);
  if (args.files.length !== 1) throw new UsageError("`template` needs exactly one output file, e.g. `epr-return template return.xlsx`");
  const out = args.files[0] ?? "";
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError(`the template is an .xlsx workbook: name the file with .xlsx, not "${out}"`);
  // Never overwrite a user's file without being asked.
  if (existsSync(out) && !booleanFlag(args, "--force")) throw new FileError(out, "already exists; choose another name or add --force to replace it");
  try {
    await templateWorkbook().xlsx.writeFile(out);
  } catch (err) {
    throw new FileError(out, `could not be written (${err instanceof Error ? err.message : String(err)})`);
  }
  io.stdout(`wrote the EPR return template to ${out}\n`);
  return 0;
}
