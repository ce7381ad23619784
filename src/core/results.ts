/** What validation and scoring return; the command line's JSON (spec section 8) is a projection of these. */
import type { ColumnKey } from "./columns";
import type { IsoDate } from "./dates";
import type { FundingModel } from "./enums";
import type { Issue } from "./issues";
import type { IcsDetails, ProfileName, TrustRow } from "./schema";

/** How a sheet's header row maps onto the columns. */
export interface ColumnMapping {
  /** 1-based sheet row of the headers, or null when none was found. */
  readonly headerRow: number | null;
  /** One entry per non-blank header cell, left to right. */
  readonly headers: readonly MappedHeader[];
}

export interface MappedHeader {
  /** 1-based sheet column. */
  readonly col: number;
  /** A1 address of the header cell. */
  readonly cell: string;
  readonly text: string;
  /** The column it names, or null (unknown column, or deliberately ignored by the user). */
  readonly key: ColumnKey | null;
}

export interface ValidateOptions {
  /**
   * The submission date of spec section 4: the ICS sheet's, else --submitted, else the date stored with
   * the return (app/settings/submissionDate.ts), else today.
   */
  readonly submitted: IsoDate;
  /** A mapping chosen by the user (task pane Columns view); detected when absent. */
  readonly mapping?: ColumnMapping;
}

export interface ValidationResult {
  readonly sheet: string;
  readonly headerRow: number | null;
  /** Number of trust rows. */
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  /** Header cell (A1) → column key. */
  readonly mapping: Readonly<Record<string, ColumnKey>>;
  readonly issues: readonly Issue[];
  /** The trust rows, read (failed values are null). */
  readonly trusts: readonly TrustRow[];
}

export interface IcsReadResult {
  readonly details: IcsDetails;
  readonly issues: readonly Issue[];
}

export interface ConvergenceResult {
  /** distinct systems */
  readonly systems: number;
  /** n: trusts that have a system */
  readonly trusts: number;
  readonly hhi: number;
  readonly effective: number;
  readonly score: number;
  /** With bed weighting: trusts with a system left out because their beds are blank. */
  readonly leftOut?: number;
}

export interface CoverageResult {
  readonly profile: ProfileName;
  readonly asOf: IsoDate;
  readonly installed: number;
  readonly implementing: number;
  readonly installedShare: number;
  readonly coveredShare: number;
  readonly met: boolean;
  readonly date90: IsoDate | null;
}

export interface FundingResult {
  readonly totalCost: number;
  readonly localFunding: number;
  readonly nationalFunding: number;
  readonly gap: number;
  readonly byModel: Readonly<Record<FundingModel, number>>;
}

export interface ScoreOptions {
  readonly profile: ProfileName;
  /** Overrides the profile's as-of date D. */
  readonly asOf?: IsoDate;
  readonly weight?: "beds";
}

export interface ScoreResult {
  readonly trusts: number;
  readonly convergence: { readonly now: ConvergenceResult; readonly target: ConvergenceResult };
  readonly coverage: CoverageResult;
  readonly funding: FundingResult;
}
