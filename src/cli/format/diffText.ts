/** The readable report of `epr-return diff`: the summary, the ICS details, each trust's changes, the headline figures. */
import {
  addedText, diffSummaryText, fieldChangeText, fieldLabel, figureChangeText, figureValueText, icsChangeText, icsLabel, repeatedText, trustLabel,
} from "../../core/diff";
import { plural } from "../../core/plural";
import { boundedText } from "../../core/quote";
import { formatUkDate } from "../../core/read";
import type { FileDiff } from "./fileDiff";
import type { CheckedFile } from "../fileResults";

/** The longest header, "National funding requested (£)", and two spaces. */
const LABEL_WIDTH = 32;
const VALUE_WIDTH = 13;

function sideLine(which: "old" | "new", { file, checked }: CheckedFile): string {
  const errors = checked.errors === 0
    ? "no errors"
    : `${plural(checked.errors, "error")} (values that fail to read count as blank; \`epr-return validate\` lists them)`;
  return `  ${which}: ${file}: sheet "${boundedText(checked.sheet.name)}", ${plural(checked.result.rows, "trust row")}, ${errors}`;
}

const labelled = (indent: string, label: string, text: string) => `${indent}${label.padEnd(LABEL_WIDTH)}${text}`;

function trustLines(compared: FileDiff): string[] {
  const { diff } = compared;
  const lines: string[] = [];
  // In the new return's row order, added trusts among them; removed ones after, in the old return's order.
  const entries = [
    ...diff.changedTrusts.map((t) => ({ row: t.row, lines: [`  ${trustLabel(t)}, row ${t.row}${t.oldRow !== t.row ? ` (was row ${t.oldRow})` : ""}`, ...t.fields.map((f) => labelled("    ", fieldLabel(f.column), fieldChangeText(f)))] })),
    ...diff.added.map((t) => ({ row: t.row, lines: [`  ${trustLabel(t)}, row ${t.row}: ${addedText(t)}`] })),
  ].sort((a, b) => a.row - b.row);
  for (const entry of entries) lines.push(...entry.lines);
  for (const t of diff.removed) lines.push(`  ${trustLabel(t)}, row ${t.row} of the old return: removed`);
  return lines;
}

function figureLines({ diff }: FileDiff): string[] {
  const { headline } = diff;
  const cell = (text: string) => text.padStart(VALUE_WIDTH);
  return [
    `Headline figures (${headline.profile}, as of ${formatUkDate(headline.asOf)})`,
    `  ${"".padEnd(LABEL_WIDTH)}${cell("old")} ${cell("new")}  change`,
    ...headline.figures.map((f) => {
      const line = `  ${f.label.padEnd(LABEL_WIDTH)}${cell(figureValueText(f.kind, f.old))} ${cell(figureValueText(f.kind, f.new))}  ${figureChangeText(f)}`;
      return line.trimEnd();
    }),
  ];
}

export function diffText(compared: FileDiff): string {
  const { diff } = compared;
  const lines = [
    `Comparing two submissions of a return`,
    sideLine("old", compared.old),
    sideLine("new", compared.new),
    `Summary: ${diffSummaryText(diff)}`,
  ];
  if (diff.ics.length > 0) lines.push("ICS details", ...diff.ics.map((c) => labelled("  ", icsLabel(c.field), icsChangeText(c))));
  const trusts = trustLines(compared);
  if (trusts.length > 0) lines.push("Trusts", ...trusts);
  if (diff.repeatedCodes.length > 0) lines.push("Matching", ...diff.repeatedCodes.map((r) => `  ${repeatedText(r)}`));
  lines.push(...figureLines(compared));
  lines.push(`verdict: ${diff.changed ? "changed" : "no changes"}`);
  return `${lines.join("\n")}\n\n`;
}
