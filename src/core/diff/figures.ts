/**
 * The headline figures of spec section 7 for both returns, against one target profile, and how each moved. The
 * figures are the core's own (core/calc's scoreReturn), labelled as on the template's Summary sheet.
 */
import { scoreReturn } from "../calc";
import type { IsoDate } from "../dates";
import type { ScoreResult } from "../results";
import type { ProfileName, TrustRow } from "../schema";
import { daysBetween } from "./fields";
import type { FigureChange, FigureKind, HeadlineChange } from "./types";

type FigureValue = number | boolean | IsoDate | null;

interface FigureDef {
  readonly figure: string;
  readonly label: string;
  readonly kind: FigureKind;
  readonly read: (score: ScoreResult) => FigureValue;
}

const FIGURES: readonly FigureDef[] = [
  { figure: "trusts", label: "Trusts", kind: "count", read: (s) => s.trusts },
  { figure: "coverage.installed", label: "Installed by target date", kind: "count", read: (s) => s.coverage.installed },
  { figure: "coverage.installedShare", label: "Installed share", kind: "share", read: (s) => s.coverage.installedShare },
  { figure: "coverage.coveredShare", label: "Covered share", kind: "share", read: (s) => s.coverage.coveredShare },
  { figure: "coverage.met", label: "Target met", kind: "yesNo", read: (s) => s.coverage.met },
  { figure: "coverage.date90", label: "Date 90% installed", kind: "date", read: (s) => s.coverage.date90 },
  { figure: "convergence.now.systems", label: "Distinct systems (now)", kind: "count", read: (s) => s.convergence.now.systems },
  { figure: "convergence.now.score", label: "Convergence score (now)", kind: "decimal", read: (s) => s.convergence.now.score },
  { figure: "convergence.target.systems", label: "Distinct systems (target)", kind: "count", read: (s) => s.convergence.target.systems },
  { figure: "convergence.target.score", label: "Convergence score (target)", kind: "decimal", read: (s) => s.convergence.target.score },
  { figure: "funding.totalCost", label: "Total cost (£)", kind: "pounds", read: (s) => s.funding.totalCost },
  { figure: "funding.localFunding", label: "Local funding (£)", kind: "pounds", read: (s) => s.funding.localFunding },
  { figure: "funding.nationalFunding", label: "National funding requested (£)", kind: "pounds", read: (s) => s.funding.nationalFunding },
  { figure: "funding.gap", label: "Funding gap (£)", kind: "pounds", read: (s) => s.funding.gap },
];

function changeOf(old: FigureValue, now: FigureValue): number | null {
  if (typeof old === "number" && typeof now === "number") return now - old;
  if (typeof old === "string" && typeof now === "string") return daysBetween(old, now);
  return null;
}

/** Both returns scored against `profile` (its as-of date), figure by figure. */
export function headlineChange(oldRows: readonly TrustRow[], newRows: readonly TrustRow[], profile: ProfileName): HeadlineChange {
  const before = scoreReturn(oldRows, { profile });
  const after = scoreReturn(newRows, { profile });
  const figures = FIGURES.map(({ figure, label, kind, read }): FigureChange => {
    const old = read(before);
    const now = read(after);
    return { figure, label, kind, old, new: now, change: changeOf(old, now) };
  });
  return { profile, asOf: after.coverage.asOf, figures };
}

/** A figure of the headline by its `figure` key (the summary reads a few). */
export function figureOf(headline: HeadlineChange, figure: string): FigureChange | undefined {
  return headline.figures.find((f) => f.figure === figure);
}
