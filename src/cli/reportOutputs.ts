/** Where `report -o OUT` writes: OUT.xlsx now, OUT.html beside it (docs/national.md). */
import { UsageError } from "./io";
import { stringFlag, type ParsedArgs } from "./args";

export interface ReportOutputs {
  readonly xlsx: string;
  readonly html: string;
}

/** OUT with a final .xlsx or .html taken off (any case) is the name both outputs share: `-o national` and `-o national.xlsx` alike. */
export function reportOutputPaths(out: string): ReportOutputs {
  const base = out.replace(/\.(xlsx|html)$/i, "");
  if (base === "" || /[\\/]$/.test(base)) throw new UsageError(`-o needs a file name for the report, e.g. -o national, not "${out}"`);
  return { xlsx: `${base}.xlsx`, html: `${base}.html` };
}

export function reportOutputs(args: ParsedArgs): ReportOutputs {
  const out = stringFlag(args, "-o") ?? stringFlag(args, "--output");
  if (out === undefined) throw new UsageError("`report` needs -o OUT, the report to write (OUT.xlsx)");
  return reportOutputPaths(out);
}
