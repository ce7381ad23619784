/**
 * The national figures computed again, from the spec's words (sections 7.1–7.4 and docs/national.md), without the
 * core's calculation code: what the report's figures, its JSON and its recalculated workbook are checked against.
 */
import type { Region } from "../../../src/core/enums";
import type { TrustRow } from "../../../src/core/schema";

export interface IndependentReturn {
  readonly file: string;
  readonly region: Region | null;
  readonly trusts: readonly TrustRow[];
}

export interface Target {
  readonly asOf: string;
  readonly minInstalled: number;
  readonly minCovered: number;
}

export const TARGETS: Readonly<Record<"dec-2023" | "mar-2026", Target>> = {
  "dec-2023": { asOf: "2023-12-31", minInstalled: 0.9, minCovered: 1 },
  "mar-2026": { asOf: "2026-03-31", minInstalled: 0, minCovered: 1 },
};

export interface Area {
  readonly icss: number;
  readonly trusts: number;
  readonly installed: number;
  readonly implementing: number;
  readonly installedShare: number;
  readonly coveredShare: number;
  readonly met: boolean;
  readonly date90: string | null;
  readonly systemsNow: number;
  readonly systemsTarget: number;
  readonly effectiveNow: number;
  readonly effectiveTarget: number;
  readonly scoreNow: number;
  readonly scoreTarget: number;
  readonly totalCost: number;
  readonly localFunding: number;
  readonly nationalFunding: number;
  readonly gap: number;
}

const liveOrImplementing = (t: TrustRow): boolean => t.eprStatus === "Live" || t.eprStatus === "Implementing";
const changesSystem = (t: TrustRow): boolean => t.plan === "Single ICS EPR" || t.plan === "Converge" || t.plan === "New EPR";
const ownSystem = (supplier: string): boolean => supplier === "In-house" || supplier === "Other";

function installedBy(t: TrustRow, day: string): boolean {
  const date = liveOrImplementing(t) ? t.goLiveDate : t.targetGoLiveDate;
  return date !== null && date <= day;
}

export function nowKey(t: TrustRow): string | null {
  if (t.eprStatus !== "Live" || t.supplier === null) return null;
  if (!ownSystem(t.supplier)) return t.supplier;
  return t.product ? `${t.supplier}/${t.product.toLowerCase()}` : `own ${t.trustCode ?? ""}`;
}

export function targetKey(t: TrustRow): string | null {
  const supplier = changesSystem(t) ? t.targetSupplier : liveOrImplementing(t) ? t.supplier : null;
  if (supplier === null) return null;
  return ownSystem(supplier) ? `own ${t.trustCode ?? ""}` : supplier;
}

export const supplierNowOf = (t: TrustRow): string | null => (t.eprStatus === "Live" ? t.supplier : null);
export const supplierTargetOf = (t: TrustRow): string | null => (changesSystem(t) ? t.targetSupplier : liveOrImplementing(t) ? t.supplier : null);

function concentration(keys: readonly (string | null)[]): { systems: number; effective: number; score: number } {
  const counts = new Map<string, number>();
  for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  const n = [...counts.values()].reduce((a, b) => a + b, 0);
  if (n === 0) return { systems: 0, effective: 0, score: 100 };
  const hhi = [...counts.values()].reduce((sum, c) => sum + (c / n) ** 2, 0);
  const effective = 1 / hhi;
  return { systems: counts.size, effective, score: n <= 1 ? 100 : (100 * (n - effective)) / (n - 1) };
}

export function area(returns: readonly IndependentReturn[], target: Target): Area {
  const trusts = returns.flatMap((r) => r.trusts);
  const total = trusts.length;
  const installed = trusts.filter((t) => installedBy(t, target.asOf)).length;
  const implementing = trusts.filter((t) => !installedBy(t, target.asOf) && (liveOrImplementing(t) || (t.contractAwardDate !== null && t.contractAwardDate <= target.asOf))).length;
  const installedShare = total === 0 ? 0 : installed / total;
  const coveredShare = total === 0 ? 0 : (installed + implementing) / total;
  const dates = trusts.map((t) => (liveOrImplementing(t) ? t.goLiveDate : t.targetGoLiveDate)).filter((d): d is string => d !== null).sort();
  const k = Math.ceil((9 * total) / 10);
  const now = concentration(trusts.map(nowKey));
  const later = concentration(trusts.map(targetKey));
  const sum = (f: (t: TrustRow) => number | null) => trusts.reduce((s, t) => s + (f(t) ?? 0), 0);
  const totalCost = sum((t) => t.totalCost);
  const localFunding = sum((t) => t.localFunding);
  const nationalFunding = sum((t) => t.nationalFunding);
  return {
    icss: returns.length, trusts: total, installed, implementing, installedShare, coveredShare,
    met: total > 0 && installedShare >= target.minInstalled && coveredShare >= target.minCovered,
    date90: k === 0 ? null : (dates[k - 1] ?? null),
    systemsNow: now.systems, systemsTarget: later.systems, effectiveNow: now.effective, effectiveTarget: later.effective,
    scoreNow: now.score, scoreTarget: later.score,
    totalCost, localFunding, nationalFunding, gap: totalCost - localFunding - nationalFunding,
  };
}

export interface SupplierLine {
  readonly trustsNow: number;
  readonly trustsTarget: number;
  readonly shareNow: number;
  readonly shareTarget: number;
  readonly bedsNow: number;
  readonly bedsTarget: number;
  readonly bedShareNow: number;
  readonly bedShareTarget: number;
}

export interface Market {
  readonly bySupplier: ReadonlyMap<string, SupplierLine>;
  readonly hhiNow: number;
  readonly hhiTarget: number;
  readonly bedHhiNow: number;
  readonly bedHhiTarget: number;
  readonly withoutBedsNow: number;
  readonly withoutBedsTarget: number;
}

export function market(returns: readonly IndependentReturn[]): Market {
  const trusts = returns.flatMap((r) => r.trusts);
  const side = (of: (t: TrustRow) => string | null) => {
    const on = trusts.filter((t) => of(t) !== null);
    const withBeds = on.filter((t) => t.beds !== null);
    const beds = withBeds.reduce((s, t) => s + (t.beds ?? 0), 0);
    const names = new Set(on.map((t) => of(t) ?? ""));
    const lines = new Map([...names].map((name) => {
      const count = on.filter((t) => of(t) === name).length;
      const bedsOn = withBeds.filter((t) => of(t) === name).reduce((s, t) => s + (t.beds ?? 0), 0);
      return [name, { count, share: count / on.length, beds: bedsOn, bedShare: beds === 0 ? 0 : bedsOn / beds }] as const;
    }));
    const hhi = [...lines.values()].reduce((s, l) => s + l.share ** 2, 0);
    const bedHhi = [...lines.values()].reduce((s, l) => s + l.bedShare ** 2, 0);
    return { lines, hhi, bedHhi, withoutBeds: on.length - withBeds.length };
  };
  const now = side(supplierNowOf);
  const later = side(supplierTargetOf);
  const names = new Set([...now.lines.keys(), ...later.lines.keys()]);
  const bySupplier = new Map([...names].map((name) => {
    const a = now.lines.get(name);
    const b = later.lines.get(name);
    return [name, {
      trustsNow: a?.count ?? 0, trustsTarget: b?.count ?? 0, shareNow: a?.share ?? 0, shareTarget: b?.share ?? 0,
      bedsNow: a?.beds ?? 0, bedsTarget: b?.beds ?? 0, bedShareNow: a?.bedShare ?? 0, bedShareTarget: b?.bedShare ?? 0,
    }] as const;
  }));
  return {
    bySupplier, hhiNow: now.hhi, hhiTarget: later.hhi, bedHhiNow: now.bedHhi, bedHhiTarget: later.bedHhi,
    withoutBedsNow: now.withoutBeds, withoutBedsTarget: later.withoutBeds,
  };
}

/** The regions named, in the regions' order, then null for the returns naming none (when any region is named). */
export function regionGroups(returns: readonly IndependentReturn[], order: readonly Region[]): (Region | null)[] {
  if (returns.every((r) => r.region === null)) return [];
  return [...order, null].filter((region) => returns.some((r) => r.region === region));
}

/** Numbers equal to 1e-9 (sums in another order differ in the last bits); everything else exactly. */
export function expectClose(label: string, got: unknown, want: unknown): void {
  if (typeof want === "number" && typeof got === "number") {
    expect([label, Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))]).toEqual([label, true]);
  } else {
    expect([label, got]).toEqual([label, want]);
  }
}
