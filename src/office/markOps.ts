/**
 * Marking and unmarking cells through conditional formats the add-in owns (see marks.ts).
 * One Excel.run with three syncs whatever the number of marks: list the sheet's
 * conditional formats, read the custom ones' formulas, then delete ours and add the new
 * ones (more syncs only if the new marks' addresses pass MAX_CHUNK_BYTES).
 */
import { MAX_CHUNK_BYTES, REQUEST_OVERHEAD_BYTES, utf8Length } from "./chunks";
import { groupAddresses } from "../core/sheet/compactRanges";
import type { OfficeHost } from "./host";
import type { MarkKind } from "../app/gateway";
import { isMarkFormula, MARK_KINDS_BY_PRECEDENCE, MARK_STYLES, rangesOf, type MarkRanges } from "../app/marks";

/** Longest comma-separated address list handed to one getRanges (RangeAreas) call. */
export const MAX_AREAS_ADDRESS = 2_000;

/** What replaceMarks found: the sheet's own spelling of its name, and every sheet's name (to prune the marks record). */
export interface ReplacedMarks {
  readonly name: string;
  readonly sheets: readonly string[];
}

/** Replaces the add-in's marks on the sheet with `ranges` (null: just remove them). */
export async function replaceMarks(host: OfficeHost, sheetName: string, ranges: MarkRanges | null): Promise<ReplacedMarks> {
  // RangeAreas (ExcelApi 1.9) lets one conditional format cover many ranges; without it, one per range.
  const useAreas = host.isSetSupported("ExcelApi", "1.9");
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.load("name");
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type");
    // The workbook's sheets, in the same sync, so the marks record can drop sheets that are gone.
    const worksheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const rules = formats.items
      .filter((format) => format.type === "Custom")
      .map((format) => ({ format, rule: format.custom.rule.load("formula") }));
    await context.sync();
    for (const { format, rule } of rules) if (isMarkFormula(rule.formula)) format.delete();
    let bytes = 0;
    for (const [kind, addresses] of additions(ranges, useAreas)) {
      const size = utf8Length(addresses) + 3 * REQUEST_OVERHEAD_BYTES;
      if (bytes > 0 && bytes + size > MAX_CHUNK_BYTES) {
        await context.sync();
        bytes = 0;
      }
      const target = useAreas ? sheet.getRanges(addresses) : sheet.getRange(addresses);
      const format = target.conditionalFormats.add("Custom");
      format.custom.rule.formula = MARK_STYLES[kind].formula;
      format.custom.format.fill.color = MARK_STYLES[kind].fill;
      bytes += size;
    }
    await context.sync();
    return { name: sheet.name, sheets: worksheets.items.map((s) => s.name) };
  }, { oneUndoStep: true });
}

/**
 * One entry per conditional format to add: a range, or a group of ranges when RangeAreas is there. Excel puts a new
 * format first, so the kinds are added in MARK_KINDS_BY_PRECEDENCE's order: an error's fill wins a cell.
 */
function additions(ranges: MarkRanges | null, useAreas: boolean): [MarkKind, string][] {
  if (!ranges) return [];
  return MARK_KINDS_BY_PRECEDENCE.flatMap((kind) => {
    const list = useAreas ? groupAddresses(rangesOf(ranges, kind), MAX_AREAS_ADDRESS) : [...rangesOf(ranges, kind)];
    return list.map((addresses): [MarkKind, string] => [kind, addresses]);
  });
}
