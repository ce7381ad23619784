/**
 * The validation stamp: proof that a return passed validation, and a way to tell later whether its data
 * changed since. It holds hashes of the canonical data (./canonical), never the data itself.
 */
import { z } from "zod";
import type { IcsDetails, TrustRow } from "../schema";
import { TEMPLATE_VERSION } from "../template/build";
import { canonicalIcs, canonicalReturnPieces, canonicalRow } from "./canonical";
import { sha256Hex, sha256HexOfPieces } from "./hash";
import { ICS_FIELD_HASH_LENGTH, ROW_FIELD_HASH_LENGTH, icsFieldHashes, rowFieldHashes } from "./fieldHashes";

/** The version of the rules (the domain contract) a stamp was checked against; bump when the rules change. */
export const SPEC_VERSION = "1";

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const hexDigits = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));

export const RowStampSchema = z.object({
  /** 1-based sheet row at stamping time (for messages only: rows are matched by trust code). */
  row: z.number().int().positive(),
  trustCode: z.string().nullable(),
  sha256: Sha256Schema,
  /** Field hashes (./fieldHashes), which name the fields that changed; absent in stamps made before they existed. */
  fields: hexDigits(ROW_FIELD_HASH_LENGTH).optional(),
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
  /** Field hashes of the ICS details; absent when the workbook had no ICS sheet, and in stamps made before they existed. */
  icsFields: hexDigits(ICS_FIELD_HASH_LENGTH).optional(),
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

/** Each row's hash, and its field hashes when asked (a comparison needs them only for the rows that changed). */
export async function rowStamps(trusts: readonly TrustRow[], { fields = true }: { readonly fields?: boolean } = {}): Promise<RowStamp[]> {
  return Promise.all(trusts.map(async (t): Promise<RowStamp> => {
    const stamp: RowStamp = { row: t.row, trustCode: t.trustCode, sha256: await sha256Hex(canonicalRow(t)) };
    return fields ? { ...stamp, fields: rowFieldHashes(t) } : stamp;
  }));
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
    ...(input.ics === null ? {} : { icsFields: icsFieldHashes(input.ics) }),
    rows: await rowStamps(input.trusts),
  };
}
