/**
 * The add-in's cell marks. A mark is a conditional format the add-in owns: a custom rule
 * whose formula is always true and carries a sentinel text, with a red (error), amber
 * (warning) or blue (changed since a previous version: the Compare view) fill. The user's own
 * fills, borders and conditional formats are never changed, and clearing deletes only the
 * formats whose formula holds the sentinel. Pure.
 */
import type { CellMark, MarkKind } from "./gateway";
import { bySheet } from "./issueGroups";
import type { Issue, Severity } from "../core/issues";
import { parseAddress } from "../core/cells";
import { compactRanges } from "../core/sheet/compactRanges";

export const MARK_SENTINEL = "EPR-RETURN-MARK";

export const MARK_STYLES: Readonly<Record<MarkKind, { readonly formula: string; readonly fill: string }>> = {
  // ISTEXT of a literal is always TRUE, so the rule always applies; the text names the owner.
  error: { formula: `=ISTEXT("${MARK_SENTINEL}-ERROR")`, fill: "#FFC7CE" },
  warning: { formula: `=ISTEXT("${MARK_SENTINEL}-WARNING")`, fill: "#FFEB9C" },
  // Excel's light blue ("Blue, Accent 5, Lighter 60%"): apart from red and amber, dark text stays readable on it.
  changed: { formula: `=ISTEXT("${MARK_SENTINEL}-CHANGED")`, fill: "#BDD7EE" },
};

/** The kind of mark a rule's formula draws (it holds the sentinel: isMarkFormula); an unknown suffix reads as a warning, as before kinds were added. */
export function markKindOf(formula: string): MarkKind {
  const upper = formula.toUpperCase();
  if (upper.includes(`${MARK_SENTINEL}-ERROR`)) return "error";
  if (upper.includes(`${MARK_SENTINEL}-CHANGED`)) return "changed";
  return "warning";
}

/** Whether a conditional format's formula is one of ours (Excel may change case or spacing). */
export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.toUpperCase().includes(MARK_SENTINEL);
}

/**
 * Compact ranges per kind. `changed` is there only when some cells are marked as changed, so the record of a sheet
 * marked by Validate reads as it always has (and records written before that kind existed still read).
 */
export type MarkRanges = Readonly<Record<Severity, readonly string[]>> & { readonly changed?: readonly string[] };

/** The kinds in the order their formats are added: the later wins a cell (Office puts a new format first). */
export const MARK_KINDS_BY_PRECEDENCE: readonly MarkKind[] = ["changed", "warning", "error"];

/** The ranges of one kind (none when the record has no such entry). */
export function rangesOf(ranges: MarkRanges, kind: MarkKind): readonly string[] {
  return ranges[kind] ?? [];
}

/**
 * The issues' cells as marks, per sheet: one per issue. Which severity a cell shows is decided once, by
 * planMarks (each gateway's markCells runs it).
 */
export function marksBySheet(issues: readonly Issue[]): Map<string, CellMark[]> {
  return bySheet(issues, (issue) => ({ address: issue.cell, severity: issue.severity }));
}

/** Marks → compact ranges per kind; a cell with several shows the error, else the warning, else the change. */
export function planMarks(marks: readonly CellMark[]): MarkRanges {
  const errorCells = new Set<string>();
  const warningCells = new Set<string>();
  for (const m of marks) {
    if (m.severity === "error") errorCells.add(cellKey(m.address));
    else if (m.severity === "warning") warningCells.add(cellKey(m.address));
  }
  const warnings = marks.filter((m) => m.severity === "warning" && !errorCells.has(cellKey(m.address)));
  const changed = marks.filter((m) => m.severity === "changed" && !errorCells.has(cellKey(m.address)) && !warningCells.has(cellKey(m.address)));
  const planned = {
    error: compactRanges(marks.filter((m) => m.severity === "error").map((m) => m.address)),
    warning: compactRanges(warnings.map((m) => m.address)),
  };
  return changed.length === 0 ? planned : { ...planned, changed: compactRanges(changed.map((m) => m.address)) };
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
  if (ranges === null || (ranges.error.length === 0 && ranges.warning.length === 0 && rangesOf(ranges, "changed").length === 0)) delete base[sheet];
  else base[sheet] = ranges;
  return base;
}
