/**
 * The add-in's cell marks over exceljs: the same conditional formats the Office gateway
 * adds (src/app/marks.ts): an always-true custom formula carrying MARK_SENTINEL, with a red
 * or amber fill. One rule per severity, covering that severity's compact ranges (an xlsx
 * conditional format may cover several ranges, space-separated). Removing deletes only rules
 * whose formula holds the sentinel; the user's own rules keep their order and their priority.
 *
 * Priority: Excel lets the rule with the lowest priority number win a conflicting fill, so
 * the marks take priorities 1..k and the user's rules are moved down by k while marks are on;
 * removing the marks moves them back up by k (only when the marks still sit at 1..k, i.e.
 * nobody renumbered them meanwhile), so the user's rules end exactly as they were.
 */
import type ExcelJS from "exceljs";
import type { Severity } from "../../core/issues";
import { isMarkFormula, MARK_SENTINEL, MARK_STYLES, type MarkRanges } from "../../app/marks";

type Rule = ExcelJS.ConditionalFormattingRule;
type Format = ExcelJS.ConditionalFormattingOptions;

/** exceljs keeps a sheet's conditional formats in `conditionalFormattings`, which its typings leave out. */
export function conditionalFormats(ws: ExcelJS.Worksheet): Format[] {
  const formats: unknown = Reflect.get(ws, "conditionalFormattings");
  if (!Array.isArray(formats)) throw new Error("this exceljs version has no worksheet.conditionalFormattings");
  return formats as Format[];
}

function formulaeOf(rule: Rule): readonly unknown[] {
  const formulae: unknown = Reflect.get(rule, "formulae");
  return Array.isArray(formulae) ? formulae : [];
}

export function isMarkRule(rule: Rule): boolean {
  return rule.type === "expression" && formulaeOf(rule).some(isMarkFormula);
}

/** "#FFC7CE" → "FFFFC7CE" (exceljs colours are ARGB). */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function markRule(severity: Severity, priority: number): Rule {
  const { formula, fill } = MARK_STYLES[severity];
  const color = { argb: argb(fill) };
  return {
    type: "expression",
    priority,
    // xlsx stores formulas without the leading "=".
    formulae: [formula.replace(/^=/, "")],
    style: { fill: { type: "pattern", pattern: "solid", fgColor: color, bgColor: color } },
  };
}

function shiftPriorities(formats: readonly Format[], by: number): void {
  for (const format of formats) for (const rule of format.rules) if (typeof rule.priority === "number") rule.priority += by;
}

/** The sheet's formats without the add-in's rules; the user's format objects are kept as they are. */
function withoutMarks(formats: readonly Format[]): { kept: Format[]; removed: Rule[] } {
  const kept: Format[] = [];
  const removed: Rule[] = [];
  for (const format of formats) {
    const ours = format.rules.filter(isMarkRule);
    if (ours.length === 0) kept.push(format);
    else {
      removed.push(...ours);
      // A format Excel saved with our rule beside a user's rule for the same cells keeps the user's.
      const theirs = format.rules.filter((rule) => !isMarkRule(rule));
      if (theirs.length > 0) kept.push({ ...format, rules: theirs });
    }
  }
  return { kept, removed };
}

/** Whether the removed marks held priorities 1..k above every user rule, as replaceMarks leaves them. */
function marksOnTop(removed: readonly Rule[], kept: readonly Format[]): boolean {
  const priorities = removed.map((rule) => rule.priority).sort((a, b) => a - b);
  const k = removed.length;
  const userAbove = kept.some((format) => format.rules.some((rule) => typeof rule.priority === "number" && rule.priority <= k));
  return !userAbove && priorities.every((p, i) => p === i + 1);
}

function setFormats(ws: ExcelJS.Worksheet, formats: readonly Format[]): void {
  ws.removeConditionalFormatting(() => false);
  for (const format of formats) ws.addConditionalFormatting(format);
}

/** Replaces the add-in's marks on the sheet with `ranges` (null: just removes them). */
export function replaceMarks(ws: ExcelJS.Worksheet, ranges: MarkRanges | null): void {
  const { kept, removed } = withoutMarks(conditionalFormats(ws));
  if (removed.length > 0 && marksOnTop(removed, kept)) shiftPriorities(kept, -removed.length);
  const severities: Severity[] = ["error", "warning"];
  const adding = ranges ? severities.filter((severity) => ranges[severity].length > 0) : [];
  shiftPriorities(kept, adding.length);
  const marks = adding.map((severity, i): Format => {
    const rule = markRule(severity, i + 1);
    return { ref: (ranges?.[severity] ?? []).join(" "), rules: [rule] };
  });
  setFormats(ws, [...marks, ...kept]);
}

/** The add-in's marks on the sheet: each rule's severity and the ranges it covers. */
export function readMarks(ws: ExcelJS.Worksheet): { severity: Severity; ranges: string[] }[] {
  return conditionalFormats(ws).flatMap((format) =>
    format.rules.filter(isMarkRule).map((rule) => ({
      severity: formulaeOf(rule).some((f) => typeof f === "string" && f.toUpperCase().includes(`${MARK_SENTINEL}-ERROR`)) ? ("error" as const) : ("warning" as const),
      ranges: format.ref.split(/\s+/).filter((r) => r !== ""),
    })),
  );
}
