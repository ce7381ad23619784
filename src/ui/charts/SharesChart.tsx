/** Supplier shares now and at target as paired horizontal bars (hand-written SVG: no chart library). */
import { tokens } from "@fluentui/react-components";
import type { SupplierShare } from "../../app/figures";
import { formatPercent } from "../format";

const WIDTH = 320;
const LABEL_WIDTH = 110;
const VALUE_WIDTH = 40;
const BAR_HEIGHT = 9;
const ROW_HEIGHT = 2 * BAR_HEIGHT + 10;
const LEGEND_HEIGHT = 20;
const BAR_SPACE = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

const NOW_FILL = tokens.colorBrandBackground;
const TARGET_FILL = tokens.colorPaletteDarkOrangeBackground3;

/** Whole percentages: the bars have room for no more. */
function percent(share: number): string {
  return formatPercent(share, 0);
}

export function SharesChart({ shares }: { readonly shares: readonly SupplierShare[] }) {
  const height = LEGEND_HEIGHT + shares.length * ROW_HEIGHT;
  const description = shares.map((s) => `${s.supplier}: ${percent(s.now)} now, ${percent(s.target)} at target`).join("; ");
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="shares-title shares-desc">
      <title id="shares-title">Supplier shares now and at target</title>
      <desc id="shares-desc">{description || "No trust has a system."}</desc>
      <g fontSize={10} fill={tokens.colorNeutralForeground1}>
        <rect x={LABEL_WIDTH} y={4} width={10} height={8} style={{ fill: NOW_FILL }} />
        <text x={LABEL_WIDTH + 14} y={12}>Now</text>
        <rect x={LABEL_WIDTH + 50} y={4} width={10} height={8} style={{ fill: TARGET_FILL }} />
        <text x={LABEL_WIDTH + 64} y={12}>Target</text>
        {shares.map((s, i) => {
          const y = LEGEND_HEIGHT + i * ROW_HEIGHT;
          return (
            <g key={s.supplier}>
              <text x={LABEL_WIDTH - 6} y={y + BAR_HEIGHT + 3} textAnchor="end" style={{ fill: tokens.colorNeutralForeground1 }}>{s.supplier}</text>
              <rect x={LABEL_WIDTH} y={y} width={s.now * BAR_SPACE} height={BAR_HEIGHT} style={{ fill: NOW_FILL }} />
              <text x={LABEL_WIDTH + s.now * BAR_SPACE + 3} y={y + BAR_HEIGHT - 1} style={{ fill: tokens.colorNeutralForeground2 }}>{percent(s.now)}</text>
              <rect x={LABEL_WIDTH} y={y + BAR_HEIGHT} width={s.target * BAR_SPACE} height={BAR_HEIGHT} style={{ fill: TARGET_FILL }} />
              <text x={LABEL_WIDTH + s.target * BAR_SPACE + 3} y={y + 2 * BAR_HEIGHT - 1} style={{ fill: tokens.colorNeutralForeground2 }}>{percent(s.target)}</text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
