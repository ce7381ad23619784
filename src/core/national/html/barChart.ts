/**
 * A horizontal bar chart as inline SVG: one group of bars per label (an ICS, a supplier), one bar per series, an
 * optional vertical line per target, a legend and a value axis. Horizontal, so that long ICS names fit on the left.
 * It is an image (role="img", with a title and a description that says what it shows); the same figures are in the
 * table beside it, which is what a screen reader reads. Every bar is `rect.bar` with `data-series`, so tests can
 * count them.
 */
import { escapeHtml } from "./escape";

export interface BarSeries {
  /** The legend's name, and `data-series` (lower case, spaces as dashes). */
  readonly name: string;
  /** A class of styles.ts giving the series its colour. */
  readonly colour: string;
  readonly values: readonly number[];
}

export interface TargetLine {
  readonly value: number;
  readonly label: string;
}

export interface BarChart {
  /** Unique on the page: the SVG's title and description ids derive from it. */
  readonly id: string;
  readonly title: string;
  /** The text alternative: what the chart shows, in a sentence or two. */
  readonly description: string;
  readonly labels: readonly string[];
  readonly series: readonly BarSeries[];
  /** The axis's end; bars longer than this are drawn to it. */
  readonly max: number;
  readonly ticks: readonly number[];
  readonly valueText: (value: number) => string;
  readonly lines?: readonly TargetLine[];
}

const WIDTH = 720;
const LABEL_WIDTH = 210;
const VALUE_ROOM = 70;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_ROOM;
const BAR_HEIGHT = 11;
const GROUP_GAP = 9;
const LEGEND_HEIGHT = 30;
/** Each legend entry's width: four fit across the chart. */
const LEGEND_ENTRY = 180;
const AXIS_HEIGHT = 26;
/** Labels longer than this are shortened in the chart (the table beside it gives them whole). */
const LABEL_CHARS = 30;

function shortLabel(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

const seriesKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const round = (n: number): string => String(Math.round(n * 10) / 10);

export function barChartSvg(chart: BarChart): string {
  const groupHeight = chart.series.length * BAR_HEIGHT + GROUP_GAP;
  const plotTop = LEGEND_HEIGHT;
  const plotHeight = chart.labels.length * groupHeight;
  const height = plotTop + plotHeight + AXIS_HEIGHT;
  const max = chart.max > 0 ? chart.max : 1;
  const x = (value: number): number => LABEL_WIDTH + (Math.min(Math.max(value, 0), max) / max) * PLOT_WIDTH;

  const lines = (chart.lines ?? []).filter((l) => l.value > 0);
  // Series, then target lines, in one row above the plot: a line's label never overlaps the bars or the axis.
  const legend = [
    ...chart.series.map((s, i) => `<rect class="${s.colour}" x="${i * LEGEND_ENTRY}" y="6" width="14" height="14"/><text class="legend" x="${i * LEGEND_ENTRY + 20}" y="18">${escapeHtml(s.name)}</text>`),
    ...lines.map((l, i) => {
      const left = (chart.series.length + i) * LEGEND_ENTRY;
      return `<line class="target target-${i}" x1="${left}" x2="${left + 14}" y1="13" y2="13"/><text class="legend" x="${left + 20}" y="18">${escapeHtml(l.label)}</text>`;
    }),
  ];
  const grid = chart.ticks.map((t) => `<line class="grid" x1="${round(x(t))}" x2="${round(x(t))}" y1="${plotTop}" y2="${plotTop + plotHeight}"/>`
    + `<text class="tick" x="${round(x(t))}" y="${plotTop + plotHeight + 16}" text-anchor="middle">${escapeHtml(chart.valueText(t))}</text>`);
  const groups = chart.labels.map((label, g) => {
    const top = plotTop + g * groupHeight + GROUP_GAP / 2;
    const bars = chart.series.map((s, i) => {
      const value = s.values[g] ?? 0;
      const y = top + i * BAR_HEIGHT;
      const end = x(value);
      return `<rect class="bar ${s.colour}" data-series="${seriesKey(s.name)}" x="${LABEL_WIDTH}" y="${round(y)}" width="${round(end - LABEL_WIDTH)}" height="${BAR_HEIGHT - 2}"/>`
        + `<text class="value" x="${round(end + 4)}" y="${round(y + BAR_HEIGHT - 3)}">${escapeHtml(chart.valueText(value))}</text>`;
    });
    const middle = top + (chart.series.length * BAR_HEIGHT) / 2 + 4;
    return `<text class="label" x="${LABEL_WIDTH - 8}" y="${round(middle)}" text-anchor="end">${escapeHtml(shortLabel(label))}</text>${bars.join("")}`;
  });
  const targetLines = lines.map((l, i) => {
    const at = round(x(l.value));
    return `<line class="target target-${i} target-at" x1="${at}" x2="${at}" y1="${plotTop - 2}" y2="${plotTop + plotHeight}"/>`;
  });
  const id = escapeHtml(chart.id);
  return `<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="${id}-title">${escapeHtml(chart.title)}</title><desc id="${id}-desc">${escapeHtml(chart.description)}</desc>`
    + `${legend.join("")}${grid.join("")}${groups.join("")}${targetLines.join("")}`
    + `<line class="axis" x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH}" y1="${plotTop}" y2="${plotTop + plotHeight}"/></svg>`;
}
