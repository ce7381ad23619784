/**
 * `epr-return diff --json`: field names in the spec's style (section 8): canonical values (dates `YYYY-MM-DD`,
 * money in pounds, null for blank), numbers unrounded. A text value longer than LONGEST_QUOTED characters is cut,
 * with `oldTruncated` or `newTruncated`, as `validate --json` cuts an issue's value: a megabyte note changed on a
 * thousand rows must not print a gigabyte.
 */
import { diffSummaryText, fieldLabel, icsLabel, type FieldChange, type FieldValue } from "../../core/diff";
import { textPrefix } from "../../core/quote";
import type { FileDiff } from "./fileDiff";
import type { CheckedFile } from "../fileResults";

function cut(value: FieldValue, which: "old" | "new"): Record<string, FieldValue | true> {
  if (typeof value !== "string") return { [which]: value };
  const prefix = textPrefix(value);
  return prefix.length < value.length ? { [which]: prefix, [`${which}Truncated`]: true } : { [which]: value };
}

function fieldJson(change: FieldChange): object {
  const { column, old, new: now, days, direction, change: amount } = change;
  return {
    column,
    header: fieldLabel(column),
    ...cut(old, "old"),
    ...cut(now, "new"),
    ...(days !== undefined ? { days } : {}),
    ...(direction !== undefined ? { direction } : {}),
    ...(amount !== undefined ? { change: amount } : {}),
  };
}

function sideJson({ file, checked }: CheckedFile): object {
  return { file, sheet: checked.sheet.name, trusts: checked.result.rows, errors: checked.errors, warnings: checked.warnings };
}

export function diffJson(compared: FileDiff): object {
  const { diff } = compared;
  return {
    old: sideJson(compared.old),
    new: sideJson(compared.new),
    changed: diff.changed,
    summary: { text: diffSummaryText(diff), ...diff.summary },
    ics: diff.ics.map((c) => ({ ...c, label: icsLabel(c.field) })),
    trusts: {
      changed: diff.changedTrusts.map((t) => ({ trustCode: t.trustCode, trustName: t.trustName, row: t.row, oldRow: t.oldRow, fields: t.fields.map(fieldJson) })),
      added: diff.added,
      removed: diff.removed,
    },
    repeatedCodes: diff.repeatedCodes,
    figures: diff.headline,
  };
}
