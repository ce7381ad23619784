/**
 * The add-in's cell marks over exceljs: the same conditional formats the Office gateway
 * adds (src/app/marks.ts): an always-true custom formula carrying MARK_SENTINEL, with a red,
 * amber or blue fill. One rule per kind, covering that kind's compact ranges (an xlsx
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
import type { MarkKind } from "../../app/gateway";
import { isMarkFormula, MARK_KINDS_BY_PRECEDENCE, MARK_SENTINEL, MARK_STYLES, markKindOf, rangesOf, type MarkRanges } from "../../app/marks";

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

function markRule(kind: MarkKind, priority: number): Rule {
  const { formula, fill } = MARK_STYLES[kind];
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
  // Priority 1 wins a cell: the most severe kind first.
  const kinds = [...MARK_KINDS_BY_PRECEDENCE].reverse();
  const adding = ranges ? kinds.filter((kind) => rangesOf(ranges, kind).length > 0) : [];
  shiftPriorities(kept, adding.length);
  const marks = adding.map((kind, i): Format => {
    const rule = markRule(kind, i + 1);
    return { ref: (ranges ? rangesOf(ranges, kind) : []).join(" "), rules: [rule] };
  });
  setFormats(ws, [...marks, ...kept]);
}

/** The add-in's marks on the sheet, of every kind: each rule's kind and the ranges it covers. */
export function readMarkKinds(ws: ExcelJS.Worksheet): { kind: MarkKind; ranges: string[] }[] {
  return conditionalFormats(ws).flatMap((format) =>
    format.rules.filter(isMarkRule).map((rule) => {
      const formula = formulaeOf(rule).find((f): f is string => typeof f === "string" && f.toUpperCase().includes(MARK_SENTINEL)) ?? "";
      return { kind: markKindOf(formula), ranges: format.ref.split(/\s+/).filter((r) => r !== "") };
    }),
  );
}

/**
 * The issue marks on the sheet (error and warning): each rule's severity and the ranges it covers. The workbench's
 * grid draws these; readMarkKinds gives the Compare view's `changed` marks too.
 */
export function readMarks(ws: ExcelJS.Worksheet): { severity: Severity; ranges: string[] }[] {
  return readMarkKinds(ws).flatMap(({ kind, ranges }) => (kind === "changed" ? [] : [{ severity: kind, ranges }]));
}
