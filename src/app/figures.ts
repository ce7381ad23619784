/** What the Scores view draws and writes, derived from the trust rows and the score (pure). */
import { installationDate } from "../core/calc";
import { dateFromIso, ISO_DATE_PATTERN, type IsoDate } from "../core/dates";
import type { Supplier } from "../core/enums";
import { supplierMarket } from "../core/national/suppliers";
import type { ScoreResult } from "../core/results";
import type { TrustRow } from "../core/schema";
import { buildSummarySheet, SUMMARY_LABELS, summaryCell } from "../core/template/summary";
import type { FigureCell, FiguresSheet } from "./gateway";

export interface SupplierShare {
  readonly supplier: Supplier;
  /** Share of the trusts with a current system that are on this supplier. */
  readonly now: number;
  /** Share of the trusts with a target system that will be on this supplier. */
  readonly target: number;
}

/**
 * Shares by supplier, now (spec 7.1 current systems) and at target, largest first. In-house and Other are
 * one bar each here: the chart is about suppliers, while convergence counts each of their trusts apart.
 * The national report's Suppliers table is the same market (core/national/suppliers.ts).
 */
export function supplierShares(rows: readonly TrustRow[]): SupplierShare[] {
  return supplierMarket(rows).rows.map(({ supplier, shareNow, shareTarget }) => ({ supplier, now: shareNow, target: shareTarget }));
}

export interface CoverageStep {
  readonly date: IsoDate;
  /** Share of all trust rows installed by this date. */
  readonly share: number;
}

/** The share of trusts installed over time (spec 7.3 installation dates), one step per distinct date. */
export function coverageSteps(rows: readonly TrustRow[]): CoverageStep[] {
  const dates = rows.map(installationDate).filter((d): d is IsoDate => d !== null).sort();
  const steps: CoverageStep[] = [];
  dates.forEach((date, i) => {
    const step = { date, share: (i + 1) / rows.length };
    if (steps.at(-1)?.date === date) steps[steps.length - 1] = step;
    else steps.push(step);
  });
  return steps;
}

export const SCORES_SHEET = "EPR Scores";

export type FigureValue = string | number | boolean | null;
export type Figure = readonly [label: string, value: FigureValue];

export interface ScoreSections {
  readonly convergence: readonly Figure[];
  readonly coverage: readonly Figure[];
  readonly funding: readonly Figure[];
  readonly options: readonly Figure[];
}

/** The figures by section, labelled as on the template's Summary sheet where they overlap. */
export function scoreSections(score: ScoreResult, weightedByBeds: boolean): ScoreSections {
  const { now, target } = score.convergence;
  const { coverage, funding } = score;
  return {
    convergence: [
      ["Trusts", score.trusts],
      ["Distinct systems (now)", now.systems],
      ["HHI (now)", now.hhi],
      ["Effective systems (now)", now.effective],
      ["Convergence score (now)", now.score],
      ["Distinct systems (target)", target.systems],
      ["HHI (target)", target.hhi],
      ["Effective systems (target)", target.effective],
      ["Convergence score (target)", target.score],
    ],
    coverage: [
      ["Target date", coverage.asOf],
      ["Installed by target date", coverage.installed],
      ["Implementing at target date", coverage.implementing],
      ["Installed share", coverage.installedShare],
      ["Covered share", coverage.coveredShare],
      ["Target met", coverage.met],
      ["Date 90% installed", coverage.date90],
    ],
    funding: [
      ["Total cost (£)", funding.totalCost],
      ["Local funding (£)", funding.localFunding],
      ["National funding requested (£)", funding.nationalFunding],
      ["Funding gap (£)", funding.gap],
    ],
    options: [
      ["Target profile", coverage.profile],
      ["Weighted by beds", weightedByBeds],
      // With bed weighting, trusts with blank beds are left out of the shares (spec 7.2): say how many.
      ...(weightedByBeds
        ? ([["Left out for blank beds (now)", now.leftOut ?? 0], ["Left out for blank beds (target)", target.leftOut ?? 0]] as const)
        : []),
    ],
  };
}

/** How a figure reads: the table shows each kind its own way (the written Summary keeps the values as they are). */
export type FigureKind = "count" | "hhi" | "decimal" | "share" | "pounds" | "date" | "text";

/** The kind of each figure by its label: anything not named here is text, yes/no or a count. */
const FIGURE_KINDS: ReadonlyMap<string, FigureKind> = new Map<string, FigureKind>([
  ["HHI (now)", "hhi"],
  ["HHI (target)", "hhi"],
  ["Effective systems (now)", "decimal"],
  ["Effective systems (target)", "decimal"],
  ["Convergence score (now)", "decimal"],
  ["Convergence score (target)", "decimal"],
  ["Installed share", "share"],
  ["Covered share", "share"],
  ["Target date", "date"],
  ["Date 90% installed", "date"],
  ["Total cost (£)", "pounds"],
  ["Local funding (£)", "pounds"],
  ["National funding requested (£)", "pounds"],
  ["Funding gap (£)", "pounds"],
]);

export function figureKind(label: string): FigureKind {
  return FIGURE_KINDS.get(label) ?? "count";
}

/** The labels of the template's Summary sheet (spec section 2), in its order. */
export { SUMMARY_LABELS };
const ON_SUMMARY: ReadonlySet<string> = new Set(SUMMARY_LABELS);

/** Every figure as a [label, value] row, unrounded: the Summary's figures in its order, then the rest. */
export function summaryRows(score: ScoreResult, weightedByBeds: boolean): Figure[] {
  const s = scoreSections(score, weightedByBeds);
  const all = [...s.convergence, ...s.coverage, ...s.funding, ...s.options];
  const onSummary = (f: Figure) => ON_SUMMARY.has(f[0]);
  return [...all.filter(onSummary), ...all.filter((f) => !onSummary(f))];
}

/**
 * The number format of each figure on the template's Summary sheet, read from the template itself
 * (core/template/summary.ts), so Write Summary formats a figure exactly as the template does: money `"£"#,##0`,
 * shares `0.0%`, scores `0.0`, HHI `0.0000`, effective systems `0.00`, dates `dd/mm/yyyy`; counts stay General.
 */
const SUMMARY_FORMATS: ReadonlyMap<string, string> = (() => {
  const byAddress = new Map(buildSummarySheet().cells.map((cell) => [cell.address, cell.numFmt]));
  return new Map(SUMMARY_LABELS.flatMap((label) => {
    const format = byAddress.get(summaryCell(label));
    return format === undefined ? [] : [[label, format] as const];
  }));
})();

/** A figure as a cell: a date as a date value, yes/no as the words (Excel's TRUE/FALSE reads as code to most users). */
function figureCell(label: string, value: FigureValue): FigureCell {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (figureKind(label) === "date" && typeof value === "string" && ISO_DATE_PATTERN.test(value)) return dateFromIso(value);
  return value;
}

/**
 * What Write Summary writes: [label, value] rows (summaryRows), values unrounded as numbers and dates, each shown
 * by its number format (a Date without one gets dd/mm/yyyy from the gateway: app/figureCells.ts).
 */
export function figuresSheet(score: ScoreResult, weightedByBeds: boolean): FiguresSheet {
  const figures = summaryRows(score, weightedByBeds);
  return {
    name: SCORES_SHEET,
    rows: figures.map(([label, value]) => [label, figureCell(label, value)]),
    numberFormats: figures.map(([label]) => [null, SUMMARY_FORMATS.get(label) ?? null]),
  };
}
