/**
 * The page's only stylesheet, inline. System fonts (nothing fetched). Colours from the NHS palette, each at least
 * 4.5:1 against white for text and 3:1 for chart marks. Print: A4 with 15 mm margins, charts and tables never split
 * across pages, the chart and its table one above the other.
 */
export const STYLES = `
:root { color: #212b32; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.45; }
body { margin: 0; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #ffeb3b; color: #212b32; padding: .5rem; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 1.5rem; }
header { border-bottom: 4px solid #005eb8; padding-top: 1rem; padding-bottom: .75rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d8dde0; padding-bottom: .25rem; }
h3 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
nav ul { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: 1.25rem; }
a { color: #005eb8; }
a:focus, [tabindex]:focus { outline: 3px solid #ffb81c; outline-offset: 2px; }
.meta { color: #4c6272; margin: 0; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: .75rem; margin: 0; }
.key-figures div { border: 1px solid #d8dde0; border-left: 4px solid #005eb8; padding: .5rem .75rem; }
.key-figures dt { color: #4c6272; font-size: .9rem; }
.key-figures dd { margin: 0; font-size: 1.25rem; font-weight: 600; }
table { border-collapse: collapse; font-size: .875rem; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .35rem; }
th, td { border-bottom: 1px solid #d8dde0; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #4c6272; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.table-scroll, .figures { overflow-x: auto; min-width: 0; }
.areas th[scope="row"] { white-space: nowrap; }
.areas th, .areas td { padding: .3rem .45rem; }
.chart-and-table { display: grid; grid-template-columns: minmax(0, 4fr) minmax(0, 3fr); gap: 1.5rem; align-items: start; }
.figures table { font-size: .8125rem; }
.figures th[scope="row"] { min-width: 7em; }
figure { margin: 0; }
figcaption { color: #4c6272; font-size: .875rem; margin-top: .35rem; }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
svg.chart text { fill: #212b32; font-size: 12px; }
svg.chart text.tick, svg.chart text.value { fill: #4c6272; font-size: 11px; }
svg.chart .grid { stroke: #d8dde0; stroke-width: 1; }
svg.chart .axis { stroke: #4c6272; stroke-width: 1; }
svg.chart .target { stroke: #d5281b; stroke-width: 2; stroke-dasharray: 6 3; }
svg.chart .target-1 { stroke: #7c2855; stroke-dasharray: 2 2; }
.series-installed { fill: #003087; }
.series-covered { fill: #0072ce; }
.series-now { fill: #425563; }
.series-target { fill: #005eb8; }
.series-funding { fill: #007f3b; }
.hhi { font-size: .95rem; }
.problems li { margin-bottom: .35rem; }
.file { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
footer { margin-top: 2.5rem; padding-top: .75rem; padding-bottom: 2rem; border-top: 1px solid #d8dde0; color: #4c6272; font-size: .875rem; }
@media (max-width: 1000px) { .chart-and-table { grid-template-columns: 1fr; } }
@page { size: A4; margin: 15mm; }
@media print {
  :root { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav, .skip { display: none; }
  a { color: inherit; text-decoration: none; }
  .chart-and-table { display: block; }
  figure, svg.chart, table, .key-figures, .problems li { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .chart-section { break-before: page; page-break-before: always; }
  .table-scroll { overflow: visible; }
  svg.chart { max-width: 180mm; }
}
`;
