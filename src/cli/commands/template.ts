/** `epr-return template OUT.xlsx [--force]`: writes the template workbook of spec section 2. */
import { templateWorkbook } from "../../files/writeTemplate";
import { allowOnly, booleanFlag, type ParsedArgs } from "../args";
import { UsageError, type CliIo } from "../io";
import { writeFileSafely } from "../safeWrite";
import { refuseToOverwrite } from "./export";

export async function runTemplate(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["--force"]);
  if (args.files.length !== 1) throw new UsageError("`template` needs exactly one output file, e.g. `epr-return template return.xlsx`");
  const out = args.files[0] ?? "";
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError(`the template is an .xlsx workbook: name the file with .xlsx, not "${out}"`);
  const force = booleanFlag(args, "--force");
  refuseToOverwrite(out, force);
  await writeFileSafely(out, new Uint8Array(await templateWorkbook().xlsx.writeBuffer()), { force });
  io.stdout(`wrote the EPR return template to ${out}\n`);
  return 0;
}
