/**
 * `report --previous FOLDER`: what changed per ICS since the previous returns (docs/national.md, "--previous").
 * Each current return is matched to one previous return, by ICB code, else by ICS name (trimmed, case-insensitive),
 * else by file name; a matched pair is compared exactly as `epr-return diff` compares two submissions (core/diff).
 */
import { diffReturns } from "../diff";
import type { ProfileName, TrustRow } from "../schema";
import type { IcsFigures, NationalReport, PreviousSummary, ReturnSummary, SincePrevious } from "./types";

/** What is kept of one previous return: what matching and the diff need, nothing of the workbook. */
export interface PreviousReturn {
  readonly file: string;
  readonly icsName: string | null;
  readonly icbCode: string | null;
  readonly trusts: readonly TrustRow[];
}

type MatchedBy = "icbCode" | "icsName" | "file";

const normalised = (text: string | null): string | null => {
  const trimmed = text?.trim().toLowerCase() ?? "";
  return trimmed === "" ? null : trimmed;
};

/** The last part of a path, either separator (the files may come from anywhere). */
const baseName = (path: string): string | null => normalised(path.split(/[\\/]/).pop() ?? null);

const KEYS: readonly (readonly [MatchedBy, (r: { readonly file: string; readonly icsName: string | null; readonly icbCode: string | null }) => string | null])[] = [
  ["icbCode", (r) => normalised(r.icbCode)],
  ["icsName", (r) => normalised(r.icsName)],
  ["file", (r) => baseName(r.file)],
];

/** Each previous return is matched at most once, to the first current return (in reading order) that finds it. */
export function matchPrevious(current: readonly ReturnSummary[], previous: readonly PreviousReturn[]): ({ readonly previous: PreviousReturn; readonly by: MatchedBy } | null)[] {
  const used = new Set<number>();
  return current.map((now) => {
    for (const [by, key] of KEYS) {
      const wanted = key(now);
      if (wanted === null) continue;
      const index = previous.findIndex((old, i) => !used.has(i) && key(old) === wanted);
      if (index >= 0) {
        used.add(index);
        const found = previous[index];
        if (found) return { previous: found, by };
      }
    }
    return null;
  });
}

/** One matched pair's changes, both scored against the report's profile. */
export function sincePrevious(now: ReturnSummary, old: PreviousReturn, by: MatchedBy, profile: ProfileName): SincePrevious {
  // The ICS details are left out (null): only trust rows and headline figures are shown, and the profile is given.
  const diff = diffReturns({ trusts: old.trusts, ics: null }, { trusts: now.trusts, ics: null }, { profile });
  const target = diff.summary.slips.find((s) => s.column === "targetGoLiveDate");
  const change = (figure: string): number | null => diff.headline.figures.find((f) => f.figure === figure)?.change ?? null;
  return {
    previousFile: old.file,
    matchedBy: by,
    targetDatesSlipped: target?.slipped ?? 0,
    medianSlipDays: target?.medianDays ?? null,
    scoreNowChange: change("convergence.now.score"),
    scoreTargetChange: change("convergence.target.score"),
    nationalFundingChange: diff.summary.nationalFunding,
  };
}

/** The report with each ICS's changes since its previous return and a summary of the matching. */
export function withPrevious(report: NationalReport, current: readonly ReturnSummary[], previous: readonly PreviousReturn[], unreadable: number): NationalReport {
  const matches = matchPrevious(current, previous);
  const icss = report.icss.map((ics, i): IcsFigures => {
    const match = matches[i];
    const now = current[i];
    return {
      ...ics,
      sincePrevious: match && now ? sincePrevious(now, match.previous, match.by, report.profile) : { previousFile: null, note: "no previous return" },
    };
  });
  const matched = matches.filter((m) => m !== null).length;
  const summary: PreviousSummary = { returns: previous.length, unreadable, matched, withoutPrevious: current.length - matched, previousNotMatched: previous.length - matched };
  return { ...report, icss, previous: summary };
}
