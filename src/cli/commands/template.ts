/** `epr-return template OUT.xlsx [--force]`: writes the template workbook of spec section 2. */
import { templateWorkbook } from "../../files/writeTemplate";
import { allowOnly, booleanFlag, type ParsedArgs } from "../args";
import { FileError, UsageError, type CliIo } from "../io";
import { refuseToOverwrite } from "./export";

export async function runTemplate(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["--force"]);
  if (args.files.length !== 1) throw new UsageError("`template` needs exactly one output file, e.g. `epr-return template return.xlsx`");
  const out = args.files[0] ?? "";
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError(`the template is an .xlsx workbook: name the file with .xlsx, not "${out}"`);
  refuseToOverwrite(out, booleanFlag(args, "--force"));
  try {
    await templateWorkbook().xlsx.writeFile(out);
  } catch (err) {
    throw new FileError(out, `could not be written (${err instanceof Error ? err.message : String(err)})`);
  }
  io.stdout(`wrote the EPR return template to ${out}\n`);
  return 0;
}
