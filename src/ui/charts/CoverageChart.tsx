/**
 * The share of trusts installed over time, as a step line from the installation dates, with the 90% line
 * and the target date (hand-written SVG: no chart library).
 */
import { tokens } from "@fluentui/react-components";
import type { IsoDate } from "../../core/dates";
import type { CoverageStep } from "../../app/figures";
import { formatPercent, formatUkDate, formatUkShortDate } from "../format";

const WIDTH = 320;
const HEIGHT = 180;
const LEFT = 34;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 24;
const TARGET_SHARE = 0.9;

function time(iso: IsoDate): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

export interface CoverageChartProps {
  readonly steps: readonly CoverageStep[];
  /** The profile's as-of date D, drawn as a vertical line. */
  readonly asOf: IsoDate;
}

export function CoverageChart({ steps, asOf }: CoverageChartProps) {
  const first = steps[0]?.date ?? asOf;
  const last = steps.at(-1)?.date ?? asOf;
  const start = Math.min(time(first), time(asOf));
  const end = Math.max(time(last), time(asOf));
  const span = Math.max(end - start, 1);
  const x = (iso: IsoDate) => LEFT + ((time(iso) - start) / span) * (WIDTH - LEFT - RIGHT);
  const y = (share: number) => TOP + (1 - share) * (HEIGHT - TOP - BOTTOM);
  const path = [`M ${LEFT} ${y(0)}`, ...steps.map((s) => `H ${x(s.date)} V ${y(s.share)}`), `H ${WIDTH - RIGHT}`].join(" ");
  const finalShare = steps.at(-1)?.share ?? 0;
  const startLabel = formatUkShortDate(new Date(start).toISOString().slice(0, 10));
  const endLabel = formatUkShortDate(new Date(end).toISOString().slice(0, 10));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby="coverage-title coverage-desc">
      <title id="coverage-title">Share of trusts installed over time</title>
      <desc id="coverage-desc">
        {steps.length === 0 ? "No trust has an installation date." : `From ${formatUkDate(first)} to ${formatUkDate(last)}, reaching ${formatPercent(finalShare, 0)} of trusts; target date ${formatUkDate(asOf)}.`}
      </desc>
      <g fontSize={9} style={{ fill: tokens.colorNeutralForeground2 }}>
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={y(0)} style={{ stroke: tokens.colorNeutralStroke1 }} />
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} style={{ stroke: tokens.colorNeutralStroke1 }} />
        <text x={LEFT - 4} y={y(1) + 3} textAnchor="end">100%</text>
        <text x={LEFT - 4} y={y(TARGET_SHARE) + 3} textAnchor="end">90%</text>
        <text x={LEFT - 4} y={y(0) + 3} textAnchor="end">0%</text>
        <text x={LEFT} y={HEIGHT - 8}>{startLabel}</text>
        <text x={WIDTH - RIGHT} y={HEIGHT - 8} textAnchor="end">{endLabel}</text>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(TARGET_SHARE)} y2={y(TARGET_SHARE)} strokeDasharray="4 3" style={{ stroke: tokens.colorPaletteRedBorder2 }} />
        <line x1={x(asOf)} x2={x(asOf)} y1={TOP} y2={y(0)} strokeDasharray="2 2" style={{ stroke: tokens.colorNeutralStroke1 }} />
        <path d={path} fill="none" strokeWidth={2} style={{ stroke: tokens.colorBrandForeground1, fill: "none" }} />
      </g>
    </svg>
  );
}
