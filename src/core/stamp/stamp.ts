/**
 * The validation stamp: proof that a return passed validation, and a way to tell later whether its data
 * changed since. It holds hashes of the canonical data (./canonical), never the data itself.
 */
import { z } from "zod";
import type { IcsDetails, TrustRow } from "../schema";
import { TEMPLATE_VERSION } from "../template/build";
import { canonicalIcs, canonicalReturnPieces, canonicalRow } from "./canonical";
import { sha256Hex, sha256HexOfPieces } from "./hash";

/** The version of the rules (the domain contract) a stamp was checked against; bump when the rules change. */
export const SPEC_VERSION = "1";

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const RowStampSchema = z.object({
  /** 1-based sheet row at stamping time (for messages only: rows are matched by trust code). */
  row: z.number().int().positive(),
  trustCode: z.string().nullable(),
  sha256: Sha256Schema,
});
export type RowStamp = z.infer<typeof RowStampSchema>;

export const StampSchema = z.object({
  /** ISO timestamp, e.g. `2023-11-15T09:30:00.000Z`. */
  stampedAt: z.string().min(1),
  specVersion: z.string().min(1),
  templateVersion: z.string().min(1),
  /** The trust sheet the stamp covers. */
  sheet: z.string().min(1),
  /** Warnings the return had when stamped (a stamped return has no errors). */
  warnings: z.number().int().nonnegative(),
  /** Hash of the whole canonical return (ICS details and trust rows, in order). */
  sha256: Sha256Schema,
  /** Hash of the canonical ICS details (`null` text when the workbook had no ICS sheet). */
  icsSha256: Sha256Schema,
  rows: z.array(RowStampSchema),
});
export type Stamp = z.infer<typeof StampSchema>;

/** The data a stamp is computed over. */
export interface StampedData {
  readonly ics: IcsDetails | null;
  readonly trusts: readonly TrustRow[];
}

export interface StampInput extends StampedData {
  readonly sheet: string;
  readonly warnings: number;
  readonly stampedAt: Date;
}

export async function rowStamps(trusts: readonly TrustRow[]): Promise<RowStamp[]> {
  return Promise.all(trusts.map(async (t) => ({ row: t.row, trustCode: t.trustCode, sha256: await sha256Hex(canonicalRow(t)) })));
}

/** Callers check first that the return has no errors (the stamp says it passed). */
export async function createStamp(input: StampInput): Promise<Stamp> {
  return {
    stampedAt: input.stampedAt.toISOString(),
    specVersion: SPEC_VERSION,
    templateVersion: TEMPLATE_VERSION,
    sheet: input.sheet,
    warnings: input.warnings,
    sha256: await sha256HexOfPieces(canonicalReturnPieces(input.ics, input.trusts)),
    icsSha256: await sha256Hex(canonicalIcs(input.ics)),
    rows: await rowStamps(input.trusts),
  };
}
