/**
 * The add-in's cell marks. A mark is a conditional format the add-in owns: a custom rule
 * whose formula is always true and carries a sentinel text, with a red (error) or amber
 * (warning) fill. The user's own fills, borders and conditional formats are never
 * changed, and clearing deletes only the formats whose formula holds the sentinel. Pure.
 */
import type { CellMark } from "./gateway";
import { bySheet } from "./issueGroups";
import type { Issue, Severity } from "../core/issues";
import { parseAddress } from "../core/cells";
import { compactRanges } from "../core/sheet/compactRanges";

export const MARK_SENTINEL = "EPR-RETURN-MARK";

export const MARK_STYLES: Readonly<Record<Severity, { readonly formula: string; readonly fill: string }>> = {
  // ISTEXT of a literal is always TRUE, so the rule always applies; the text names the owner.
  error: { formula: `=ISTEXT("${MARK_SENTINEL}-ERROR")`, fill: "#FFC7CE" },
  warning: { formula: `=ISTEXT("${MARK_SENTINEL}-WARNING")`, fill: "#FFEB9C" },
};

/** Whether a conditional format's formula is one of ours (Excel may change case or spacing). */
export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.toUpperCase().includes(MARK_SENTINEL);
}

export type MarkRanges = Readonly<Record<Severity, readonly string[]>>;

/**
 * The issues' cells as marks, per sheet: one per issue. Which severity a cell shows is decided once, by
 * planMarks (each gateway's markCells runs it).
 */
export function marksBySheet(issues: readonly Issue[]): Map<string, CellMark[]> {
  return bySheet(issues, (issue) => ({ address: issue.cell, severity: issue.severity }));
}

/** Marks → compact ranges per severity; a cell with both an error and a warning shows the error. */
export function planMarks(marks: readonly CellMark[]): MarkRanges {
  const errorCells = new Set<string>();
  for (const m of marks) if (m.severity === "error") errorCells.add(cellKey(m.address));
  const warnings = marks.filter((m) => m.severity === "warning" && !errorCells.has(cellKey(m.address)));
  return {
    error: compactRanges(marks.filter((m) => m.severity === "error").map((m) => m.address)),
    warning: compactRanges(warnings.map((m) => m.address)),
  };
}

function cellKey(address: string): string {
  const cell = parseAddress(address);
  return cell ? `${cell.row}:${cell.col}` : address.toUpperCase();
}

/** Workbook setting holding, per sheet, the ranges currently marked (so the task pane can tell after a reload). */
export const MARKS_SETTING = "eprReturn.marks";

export type MarksRecord = Readonly<Record<string, MarkRanges>>;

/**
 * The setting's value with one sheet's marks replaced (null: removed). Unreadable old values are dropped.
 * Built on a null-prototype object so that a sheet named `__proto__` is stored like any other.
 *
 * The record is keyed by sheet name, so an entry goes stale when its sheet is renamed or deleted (the marks
 * themselves, conditional formats, stay with the sheet and are cleared by their sentinel whatever the record says).
 * Given the workbook's sheet names (`sheets`, as every gateway passes them), entries for sheets that are no longer
 * there (names compared ignoring case, as Excel does) are dropped whenever the record is written.
 */
export function updateMarksRecord(previous: unknown, sheet: string, ranges: MarkRanges | null, sheets?: readonly string[]): MarksRecord {
  const base: Record<string, MarkRanges> = Object.create(null) as Record<string, MarkRanges>;
  const present = sheets === undefined ? null : new Set(sheets.map((name) => name.toLowerCase()));
  if (typeof previous === "object" && previous !== null && !Array.isArray(previous)) {
    for (const [name, value] of Object.entries(previous as Record<string, MarkRanges>)) {
      if (present === null || present.has(name.toLowerCase())) base[name] = value;
    }
  }
  if (ranges === null || (ranges.error.length === 0 && ranges.warning.length === 0)) delete base[sheet];
  else base[sheet] = ranges;
  return base;
}
