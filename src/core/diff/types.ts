/**
 * What changed between two submissions of the same return (docs/diff.md): the shapes `epr-return diff` and the
 * task pane's Compare view both show. Values are canonical (spec section 5): dates `YYYY-MM-DD`, money in pounds,
 * null for blank (a value that failed to read counts as blank, as in spec section 7).
 */
import type { ColumnKey } from "../columns";
import type { IsoDate } from "../dates";
import type { IcsDetails, ProfileName } from "../schema";

export type FieldValue = string | number | null;

/** Which way an enumerated field moved along its progression (./progress.ts); null: neither (a value outside it, or blank). */
export type Direction = "progress" | "regress";

export interface FieldChange {
  readonly column: ColumnKey;
  readonly old: FieldValue;
  readonly new: FieldValue;
  /** Date fields with both dates given: new − old in days, later positive (a slip). */
  readonly days?: number;
  /** EPR status, convergence plan and business case stage: the direction of the change. */
  readonly direction?: Direction | null;
  /** Money fields: new − old in pounds, a blank counting as £0 (as the funding sums count it, spec 7.4). */
  readonly change?: number;
}

/** A trust row of one return: its code (null when unreadable), name and 1-based sheet row there. */
export interface TrustRef {
  readonly trustCode: string | null;
  readonly trustName: string | null;
  readonly row: number;
}

export interface AddedTrust extends TrustRef {
  /**
   * The code of a removed trust with exactly the same name, when there is one: a corrected code counts as removed
   * plus added (matching is by code), and this says which pair it may have been.
   */
  readonly sameNameAs: string | null;
}

export interface TrustChange extends TrustRef {
  /** The trust's sheet row in the old return (rows may have moved). */
  readonly oldRow: number;
  /** The fields that changed, in column order. */
  readonly fields: readonly FieldChange[];
}

/** A trust code on more than one row of either return (or the rows with no readable code): matched in order. */
export interface RepeatedCode {
  /** Null: the rows whose trust code is blank or unreadable. */
  readonly trustCode: string | null;
  readonly old: number;
  readonly new: number;
}

export interface IcsChange {
  readonly field: keyof IcsDetails;
  readonly old: string | null;
  readonly new: string | null;
  /** The submission date, both given: new − old in days. */
  readonly days?: number;
}

/** How a headline figure reads (how the text and the pane format it). */
export type FigureKind = "count" | "decimal" | "share" | "pounds" | "date" | "yesNo";

export interface FigureChange {
  /** The figure's place in `score --json` (spec section 8), e.g. `coverage.installedShare`. */
  readonly figure: string;
  /** Its label on the template's Summary sheet (spec section 2). */
  readonly label: string;
  readonly kind: FigureKind;
  readonly old: number | boolean | IsoDate | null;
  readonly new: number | boolean | IsoDate | null;
  /** new − old: a number's difference, a date's in days (null when either is none), null for yes/no. */
  readonly change: number | null;
}

export interface HeadlineChange {
  /** Both returns are scored against this profile (the new return's, spec 7.3), so their figures compare. */
  readonly profile: ProfileName;
  readonly asOf: IsoDate;
  readonly figures: readonly FigureChange[];
}

/** Slippage of one date field across the trusts in both returns. */
export interface DateSlip {
  readonly column: "goLiveDate" | "targetGoLiveDate";
  /** Trusts whose date moved later. */
  readonly slipped: number;
  /** The median slip of those, in whole days (halves rounded up); null when none slipped. */
  readonly medianDays: number | null;
  /** Trusts whose date moved earlier. */
  readonly broughtForward: number;
}

/** The facts the summary sentence is made of (./catalogue.ts writes it). */
export interface DiffSummary {
  /** Trusts in both returns (matched by code). */
  readonly matched: number;
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
  readonly slips: readonly DateSlip[];
  /** Trusts whose EPR status moved forward or back along its progression. */
  readonly status: { readonly progress: number; readonly regress: number };
  /** Change in the national funding requested, over all trust rows (£). */
  readonly nationalFunding: number;
  /** The target met before and now (same profile). */
  readonly met: { readonly old: boolean; readonly new: boolean };
  readonly icsChanged: number;
}

export interface ReturnDiff {
  /** Anything at all: a trust added or removed, a field or an ICS detail changed. */
  readonly changed: boolean;
  /** Trust rows in each return. */
  readonly trusts: { readonly old: number; readonly new: number };
  /** Trusts in both returns whose values changed, in the new return's row order. */
  readonly changedTrusts: readonly TrustChange[];
  /** In the new return's row order. */
  readonly added: readonly AddedTrust[];
  /** In the old return's row order. */
  readonly removed: readonly TrustRef[];
  readonly repeatedCodes: readonly RepeatedCode[];
  readonly ics: readonly IcsChange[];
  readonly headline: HeadlineChange;
  readonly summary: DiffSummary;
}
