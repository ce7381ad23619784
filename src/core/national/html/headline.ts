/**
 * The headline figures: England's key figures first, then every figure of spec section 7 for England and each
 * region side by side (the areas as columns, so that the table fits a page however many regions there are).
 */
import type { AreaFigures, NationalReport } from "../types";
import { escapeHtml } from "./escape";
import { count, oneDecimal, percent, shortDate, shortPounds, yesNo } from "./format";
import { dataTable } from "./table";

/** Each figure's row header and its text. */
const FIGURES: readonly (readonly [string, (f: AreaFigures) => string])[] = [
  ["ICSs", (f) => count(f.icss)],
  ["Trusts", (f) => count(f.trusts)],
  ["Installed", (f) => count(f.installed)],
  ["Implementing", (f) => count(f.implementing)],
  ["Installed share", (f) => percent(f.installedShare)],
  ["Covered share", (f) => percent(f.coveredShare)],
  ["Target met", (f) => yesNo(f.met)],
  ["Date 90% installed", (f) => shortDate(f.date90)],
  ["Distinct systems (now)", (f) => count(f.systemsNow)],
  ["Distinct systems (target)", (f) => count(f.systemsTarget)],
  ["Effective systems (now)", (f) => f.effectiveNow.toFixed(2)],
  ["Effective systems (target)", (f) => f.effectiveTarget.toFixed(2)],
  ["Convergence score (now)", (f) => oneDecimal(f.scoreNow)],
  ["Convergence score (target)", (f) => oneDecimal(f.scoreTarget)],
  ["Total cost", (f) => shortPounds(f.totalCost)],
  ["Local funding", (f) => shortPounds(f.localFunding)],
  ["National funding requested", (f) => shortPounds(f.nationalFunding)],
  ["Funding gap", (f) => shortPounds(f.gap)],
];

const AREA_FIGURE_NAMES: readonly string[] = FIGURES.map(([name]) => name);

/** Every figure of an area as the page shows it, in the table's order. */
function areaFigureTexts(f: AreaFigures): string[] {
  return FIGURES.map(([, text]) => text(f));
}

function keyFigures(report: NationalReport): string {
  const n = report.national;
  const items: readonly (readonly [string, string])[] = [
    ["Trusts installed", `${percent(n.installedShare)} (minimum ${percent(report.minInstalledShare)})`],
    ["Trusts covered", `${percent(n.coveredShare)} (minimum ${percent(report.minCoveredShare)})`],
    ["Target met nationally", yesNo(n.met)],
    ["ICSs off track", `${report.icss.filter((i) => !i.met).length} of ${report.icss.length}`],
    ["Convergence score", `${oneDecimal(n.scoreNow)} now, ${oneDecimal(n.scoreTarget)} at target`],
    ["National funding requested", shortPounds(n.nationalFunding)],
  ];
  return `<dl class="key-figures">${items.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`).join("")}</dl>`;
}

export function headlineSection(report: NationalReport): string {
  const areas: readonly (readonly [string, AreaFigures])[] = [["England", report.national], ...report.regions.map((r) => [r.region ?? "Region not given", r] as const)];
  const texts = areas.map(([, f]) => areaFigureTexts(f));
  const table = dataTable({
    caption: "Headline figures for England and each region",
    className: "areas",
    columns: [{ header: "Figure" }, ...areas.map(([name]) => ({ header: name, numeric: true }))],
    rows: AREA_FIGURE_NAMES.map((name, row) => [name, ...texts.map((t) => t[row] ?? "")]),
  });
  return `<section aria-labelledby="headline-heading">
<h2 id="headline-heading">Headline figures</h2>
<h3>England</h3>
${keyFigures(report)}
<h3>England and the regions</h3>
<p>Spec section 7 over all the trust rows of all the returns read: shares are over all trusts, sums over every row.</p>
<div class="table-scroll" role="region" aria-labelledby="headline-heading" tabindex="0">${table}</div>
</section>`;
}
