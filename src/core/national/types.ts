/**
 * The national roll-up of ICS returns (docs/national.md): what it takes and what it gives. The figures are plain
 * data with the spec's field names (section 8: camelCase, numbers unrounded, dates `YYYY-MM-DD`), so that the
 * command line's `--json`, the OUT.xlsx writer and the HTML page all render the same object.
 */
import type { IsoDate } from "../dates";
import type { Region, Supplier } from "../enums";
import type { ProfileName, TrustRow } from "../schema";

/** The stamp of a return as `verify` reads it: the data matches it, differs from it, or there is none. */
export type StampState = "verified" | "changed" | "none";

/** What the report keeps of one readable return: its ICS, its trust rows and its counts, nothing of the workbook. */
export interface ReturnSummary {
  /** The file as given (or found in a folder): it names the return everywhere in the report. */
  readonly file: string;
  readonly icsName: string | null;
  readonly icbCode: string | null;
  readonly region: Region | null;
  /** The target profile the ICS sheet names (the report measures every return against one: ./profile.ts). */
  readonly targetProfile: ProfileName | null;
  /** The date the return says it was submitted (the ICS sheet's, else the one stored with it); null when it says none. */
  readonly submissionDate: IsoDate | null;
  /** The trust rows as validation read them (unreadable values are null), in sheet order. */
  readonly trusts: readonly TrustRow[];
  /** Issues of the ICS and trust sheets, as `validate` counts them. */
  readonly errors: number;
  readonly warnings: number;
  readonly stamp: StampState;
}

/** A file that could not be read, with the one-line reason `validate` would print. */
export interface UnreadableReturn {
  readonly file: string;
  readonly reason: string;
}

export interface NationalOptions {
  readonly profile: ProfileName;
  /** Overrides the profile's target date (its minimum shares stay). */
  readonly asOf?: IsoDate;
}

/** The headline figures of a set of trust rows: the whole country, or one region. Spec section 7 over all its rows. */
export interface AreaFigures {
  /** Readable returns (one per ICS). */
  readonly icss: number;
  /** Trust rows, a trust in two returns counted twice (docs/national.md). */
  readonly trusts: number;
  readonly installed: number;
  readonly implementing: number;
  /** Shares over all trust rows (7.3). */
  readonly installedShare: number;
  readonly coveredShare: number;
  readonly met: boolean;
  readonly date90: IsoDate | null;
  /** Distinct systems, effective systems and convergence score (7.2) over the area's trusts together. */
  readonly systemsNow: number;
  readonly systemsTarget: number;
  readonly effectiveNow: number;
  readonly effectiveTarget: number;
  readonly scoreNow: number;
  readonly scoreTarget: number;
  /** Sums over the area's trust rows (7.4). */
  readonly totalCost: number;
  readonly localFunding: number;
  readonly nationalFunding: number;
  readonly gap: number;
}

/** An area's figures for one region; region null: the returns that name no region. */
export interface RegionFigures extends AreaFigures {
  readonly region: Region | null;
}

/** One row of the ICSs table: one per readable return, its own figures against the report's profile. */
export interface IcsFigures {
  readonly file: string;
  readonly icsName: string | null;
  readonly icbCode: string | null;
  readonly region: Region | null;
  readonly trusts: number;
  readonly errors: number;
  readonly warnings: number;
  readonly stamp: StampState;
  readonly installedShare: number;
  readonly coveredShare: number;
  readonly met: boolean;
  readonly scoreNow: number;
  readonly scoreTarget: number;
  readonly effectiveNow: number;
  readonly effectiveTarget: number;
  /** National funding requested: the sum of the return's rows. */
  readonly nationalFunding: number;
  readonly submissionDate: IsoDate | null;
  /** With `--previous` only: the changes since the ICS's previous return (./previous.ts). */
  readonly sincePrevious?: SincePrevious | NoPrevious;
}

/** An ICS's changes since its previous return, compared as `epr-return diff` compares them (docs/diff.md). */
export interface SincePrevious {
  readonly previousFile: string;
  /** How the previous return was found: its ICB code, else its ICS name, else its file name. */
  readonly matchedBy: "icbCode" | "icsName" | "file";
  /** Trusts in both returns whose target go-live date moved later. */
  readonly targetDatesSlipped: number;
  /** The median slip of those, in whole days; null when none slipped. */
  readonly medianSlipDays: number | null;
  /** New − old convergence score, now and at target (null when either is none). */
  readonly scoreNowChange: number | null;
  readonly scoreTargetChange: number | null;
  /** New − old national funding requested, over all the return's trust rows (£). */
  readonly nationalFundingChange: number;
}

/** A return with no previous return matched: no change is given. */
export interface NoPrevious {
  readonly previousFile: null;
  readonly note: "no previous return";
}

/** How the previous returns (`--previous`) were matched to the current ones. */
export interface PreviousSummary {
  /** Previous returns read. */
  readonly returns: number;
  /** Previous files that could not be read (named on stderr). */
  readonly unreadable: number;
  /** Current returns with a previous one. */
  readonly matched: number;
  readonly withoutPrevious: number;
  /** Previous returns no current one matched. */
  readonly previousNotMatched: number;
}

/** One supplier's part of the market, now (Live trusts) and after the plans (target systems, 7.1). */
export interface SupplierMarketRow {
  readonly supplier: Supplier;
  readonly trustsNow: number;
  readonly trustsTarget: number;
  /** Of the trusts with a supplier now / at target. */
  readonly shareNow: number;
  readonly shareTarget: number;
  /** Beds of those trusts that give them. */
  readonly bedsNow: number;
  readonly bedsTarget: number;
  /** Of the beds of the trusts with a supplier that give their beds. */
  readonly bedShareNow: number;
  readonly bedShareTarget: number;
}

/**
 * The supplier market. In-house and Other are one row each (it is about suppliers), and the HHI is that of these
 * rows' shares, Σ share²: the concentration of the market, not the convergence HHI of spec 7.2, which counts each
 * in-house system apart (AreaFigures gives that one's effective systems and score).
 */
export interface SupplierMarket {
  /** Largest (now or at target) first. */
  readonly rows: readonly SupplierMarketRow[];
  /** Trusts with a supplier now / at target. */
  readonly trustsNow: number;
  readonly trustsTarget: number;
  readonly bedsNow: number;
  readonly bedsTarget: number;
  /** Trusts with a supplier but blank beds: left out of the bed shares. */
  readonly withoutBedsNow: number;
  readonly withoutBedsTarget: number;
  readonly hhiNow: number;
  readonly hhiTarget: number;
  readonly bedHhiNow: number;
  readonly bedHhiTarget: number;
}

/** Where a trust code appears: the return and the sheet row. */
export interface TrustPlace {
  readonly file: string;
  readonly row: number;
}

/** A trust code in more than one return: an error of the roll-up (both rows are kept and counted). */
export interface DuplicateTrust {
  readonly trustCode: string;
  readonly places: readonly TrustPlace[];
}

export interface ReturnWithErrors {
  readonly file: string;
  readonly icsName: string | null;
  readonly errors: number;
  readonly warnings: number;
}

export interface NationalProblems {
  readonly duplicateTrusts: readonly DuplicateTrust[];
  readonly unreadable: readonly UnreadableReturn[];
  readonly withErrors: readonly ReturnWithErrors[];
}

/** Everything the report says: `--json` prints it as it is. */
export interface NationalReport {
  readonly profile: ProfileName;
  /** Where the profile came from (./profile.ts). */
  readonly profileFrom: "given" | "returns" | "default";
  readonly asOf: IsoDate;
  readonly minInstalledShare: number;
  readonly minCoveredShare: number;
  readonly national: AreaFigures;
  /** Each region named by a return, in the regions' order, then (region null) the returns naming none; empty when no return names a region. */
  readonly regions: readonly RegionFigures[];
  /** In the order the returns were read. */
  readonly icss: readonly IcsFigures[];
  readonly suppliers: SupplierMarket;
  readonly problems: NationalProblems;
  /** With `--previous` only: how the previous returns were matched (each ICS's changes are in its `sincePrevious`). */
  readonly previous?: PreviousSummary;
}
