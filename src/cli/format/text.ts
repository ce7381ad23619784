/** The readable reports: issues grouped by row with the trust's name, counts, and a one-line verdict. */
import type { Issue } from "../../core/issues";
import type { ConvergenceResult } from "../../core/results";
import type { TrustRow } from "../../core/schema";
import { plural } from "../../core/plural";
import { boundedText, textPrefix } from "../../core/quote";
import { escapeInvisibleControls } from "../../core/export";
import { verdict } from "../../app/verdict";
import { wholeResult } from "../../app/checkReturn";
import type { CheckedFile, FileScore } from "../fileResults";

/**
 * Lines written at a time by writeValidationText: some 30 KB of text. V8 makes a string under
 * about 128 KB in the young generation, whose memory is used again and again; a bigger one gets
 * fresh pages from the system, which at 50,000 rows cost more than building the text (0.8 s
 * against 0.15 s for the whole report with 2,000 lines a write).
 */
const LINES_PER_WRITE = 100;

/** The report of one file, as one string. */
export function validationText(validation: CheckedFile): string {
  const parts: string[] = [];
  writeValidationText(validation, (text) => parts.push(text));
  return parts.join("");
}

/**
 * The report of one file, handed to write a hundred lines at a time. Tens of thousands of issues
 * make tens of megabytes of text; written in pieces, it is never held (and copied) whole. Trust
 * names are looked up only for rows with issues, and rows are counted without a key string per issue.
 */
export function writeValidationText({ file, checked }: CheckedFile, write: (text: string) => void): void {
  const result = wholeResult(checked);
  let lines: string[] = [];
  const push = (line: string): void => {
    lines.push(line);
    if (lines.length >= LINES_PER_WRITE) {
      write(`${lines.join("\n")}\n`);
      lines = [];
    }
  };
  const header = result.headerRow === null ? "no header row found" : `header row ${result.headerRow}`;
  push(`${file}: sheet "${boundedText(result.sheet)}", ${header}, ${plural(result.rows, "trust row")}`);
  const trusts = new Map<number, TrustRow>();
  for (const t of result.trusts) trusts.set(t.row, t);
  const rowsBySheet = new Map<string, Set<number>>();
  for (const group of groupByRow(result.issues)) {
    const first = group[0];
    if (!first) continue;
    const ownSheet = first.sheet === result.sheet;
    const trust = ownSheet ? trusts.get(first.row) : undefined;
    const who = trust ? trustLabel(trust.trustName, trust.trustCode) : undefined;
    const where = ownSheet && first.row === result.headerRow ? " (header row)" : "";
    push(`  ${ownSheet ? "" : `${boundedText(first.sheet)} `}row ${first.row}${where}${who ? `: ${who}` : ""}`);
    let rows = rowsBySheet.get(first.sheet);
    if (!rows) rowsBySheet.set(first.sheet, (rows = new Set()));
    rows.add(first.row);
    for (const issue of group) push(issueLine(issue));
  }
  let rows = 0;
  for (const set of rowsBySheet.values()) rows += set.size;
  push(`  ${plural(result.issues.length, "issue")} on ${plural(rows, "row")}: ${plural(result.errors, "error")}, ${plural(result.warnings, "warning")}`);
  lines.push(`verdict: ${verdict(result, "terminal")}`, "", "");
  write(lines.join("\n"));
}

/**
 * The value as JSON (controls, bidirectional overrides and line separators escaped, so one line read as it
 * is), at most LONGEST_QUOTED characters of it then "…": a megabyte of text in a thousand cells must not print a gigabyte.
 */
function shownValue(value: Issue["value"]): string {
  if (typeof value !== "string") return JSON.stringify(value);
  const prefix = textPrefix(value);
  const json = escapeInvisibleControls(JSON.stringify(prefix));
  return prefix.length < value.length ? `${json}…` : json;
}

function issueLine(issue: Issue): string {
  const value = issue.value === null ? "" : ` [${shownValue(issue.value)}]`;
  return `    ${issue.cell.padEnd(5)} ${issue.severity.padEnd(7)} ${issue.code}: ${issue.message}${value}`;
}

export function scoreText({ file, sheet, result, weighted }: FileScore): string {
  const { now, target } = result.convergence;
  const c = result.coverage;
  const f = result.funding;
  const row = (label: string, a: string, b: string) => `  ${label.padEnd(20)} ${a.padStart(10)} ${b.padStart(10)}`;
  const lines = [
    `${file}: sheet "${boundedText(sheet)}", ${plural(result.trusts, "trust")}`,
    `Convergence${weighted ? " (weighted by beds)" : ""}`,
    row("", "now", "target"),
    row("Trusts with a system", String(now.trusts), String(target.trusts)),
    row("Distinct systems", String(now.systems), String(target.systems)),
    row("HHI", fixed(now.hhi, 4), fixed(target.hhi, 4)),
    row("Effective systems", fixed(now.effective, 2), fixed(target.effective, 2)),
    row("Convergence score", fixed(now.score, 1), fixed(target.score, 1)),
    ...leftOut(now, target),
    `Coverage (${c.profile}, as of ${c.asOf})`,
    `  Installed            ${c.installed} of ${result.trusts} (${percent(c.installedShare)})`,
    `  Implementing         ${c.implementing}`,
    `  Covered              ${percent(c.coveredShare)}`,
    `  Target met           ${c.met ? "yes" : "no"}`,
    `  90% installed by     ${c.date90 ?? "not reached"}`,
    "Funding",
    `  Total cost           ${money(f.totalCost)}`,
    `  Local funding        ${money(f.localFunding)}`,
    `  National requested   ${money(f.nationalFunding)}`,
    `  Gap                  ${money(f.gap)}`,
    `  By funding model     ${Object.entries(f.byModel).map(([model, n]) => `${model} ${n}`).join(", ")}`,
  ];
  return lines.join("\n") + "\n\n";
}

function leftOut(now: ConvergenceResult, target: ConvergenceResult): string[] {
  if (now.leftOut === undefined && target.leftOut === undefined) return [];
  return [`  Left out (no beds)   ${String(now.leftOut ?? 0).padStart(10)} ${String(target.leftOut ?? 0).padStart(10)}`];
}

function groupByRow(issues: readonly Issue[]): Issue[][] {
  const groups: Issue[][] = [];
  for (const issue of issues) {
    const last = groups[groups.length - 1];
    const head = last?.[0];
    if (last && head && head.row === issue.row && head.sheet === issue.sheet) last.push(issue);
    else groups.push([issue]);
  }
  return groups;
}

/** Name and code as read (a name may be far too long, or hold controls): bounded and made visible. */
function trustLabel(name: string | null, code: string | null): string | undefined {
  if (name && code) return `${boundedText(name)} (${boundedText(code)})`;
  const either = name ?? code;
  return either === null ? undefined : boundedText(either);
}


function fixed(n: number, digits: number): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "n/a";
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function money(n: number): string {
  const sign = n < 0 ? "-" : "";
  return `${sign}£${Math.abs(n).toLocaleString("en-GB", { maximumFractionDigits: 2 })}`;
}
