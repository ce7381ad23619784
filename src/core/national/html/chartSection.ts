/**
 * A chart with its figures beside it: a section with a heading, the chart as a figure, and the table. The table's box
 * scrolls sideways when it is too wide for its column, so it is a focusable region: keyboard users can scroll it.
 */
import { barChartSvg, type BarChart } from "./barChart";
import { escapeHtml } from "./escape";

export interface ChartSection {
  readonly id: string;
  readonly heading: string;
  /** A sentence under the heading: what the chart answers. */
  readonly lead: string;
  readonly chart: BarChart;
  /** The same figures as a table (table.ts), already rendered. */
  readonly table: string;
  /** Anything after the table (already rendered), such as the HHI. */
  readonly after?: string;
}

export function chartSection(section: ChartSection): string {
  const id = escapeHtml(section.id);
  return `<section class="chart-section" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${escapeHtml(section.heading)}</h2>
<p>${escapeHtml(section.lead)}</p>
<div class="chart-and-table">
<figure id="${id}-figure">${barChartSvg(section.chart)}<figcaption>${escapeHtml(section.chart.description)}</figcaption></figure>
<div class="figures" role="region" tabindex="0" aria-label="${escapeHtml(section.heading)}: the figures">${section.table}${section.after ?? ""}</div>
</div>
</section>`;
}
