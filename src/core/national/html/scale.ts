/** A chart's axis: its end rounded up to a round figure, and four or five ticks to it. */

export interface Scale {
  readonly max: number;
  readonly ticks: readonly number[];
}

const STEPS = [1, 2, 2.5, 5, 10] as const;

/** From 0 to the smallest round figure at or above `largest` (1, 2, 2.5 or 5 times a power of ten), in four steps. */
export function niceScale(largest: number): Scale {
  if (!(largest > 0)) return { max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
  const rough = largest / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = (STEPS.find((s) => s * power >= rough) ?? 10) * power;
  const ticks = [0, 1, 2, 3, 4].map((i) => i * step);
  return { max: 4 * step, ticks };
}

/** Shares: 0 to 100% in quarters. */
export const SHARE_SCALE: Scale = { max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
