/** zod schemas of what the reading rules produce: a trust row and the ICS details, in canonical form. */
import { z } from "zod";
import { ISO_DATE_PATTERN } from "./dates";
import { FUNDING_MODELS, PLANS, REGIONS, STAGES, STATUSES, SUPPLIERS, TRUST_TYPES, type Supplier } from "./enums";

export const TrustTypeSchema = z.enum(TRUST_TYPES);
export const StatusSchema = z.enum(STATUSES);
export const PlanSchema = z.enum(PLANS);
export const StageSchema = z.enum(STAGES);
export const FundingModelSchema = z.enum(FUNDING_MODELS);
export const RegionSchema = z.enum(REGIONS);
export const SupplierSchema = z.enum(SUPPLIERS as [Supplier, ...Supplier[]]);

export const IsoDateSchema = z.string().regex(ISO_DATE_PATTERN);
const money = z.number().finite().nonnegative().nullable();

/** A trust row after reading: every field canonical, or null when blank or unreadable. */
export const TrustRowSchema = z.object({
  /** 1-based sheet row the values came from. */
  row: z.number().int().positive(),
  trustCode: z.string().regex(/^[RT][A-Z0-9]{2}$/).nullable(),
  trustName: z.string().nullable(),
  trustType: TrustTypeSchema.nullable(),
  eprStatus: StatusSchema.nullable(),
  supplier: SupplierSchema.nullable(),
  product: z.string().nullable(),
  goLiveDate: IsoDateSchema.nullable(),
  contractEndDate: IsoDateSchema.nullable(),
  plan: PlanSchema.nullable(),
  targetSupplier: SupplierSchema.nullable(),
  targetGoLiveDate: IsoDateSchema.nullable(),
  businessCaseStage: StageSchema.nullable(),
  procurementStartDate: IsoDateSchema.nullable(),
  contractAwardDate: IsoDateSchema.nullable(),
  fundingModel: FundingModelSchema.nullable(),
  totalCost: money,
  localFunding: money,
  nationalFunding: money,
  beds: z.number().int().nonnegative().nullable(),
  notes: z.string().nullable(),
});
export type TrustRow = z.infer<typeof TrustRowSchema>;

export const PROFILE_NAMES = ["dec-2023", "mar-2026"] as const;
export const ProfileNameSchema = z.enum(PROFILE_NAMES);
export type ProfileName = z.infer<typeof ProfileNameSchema>;

export const IcsDetailsSchema = z.object({
  icsName: z.string().nullable(),
  icbCode: z.string().regex(/^Q[A-Z0-9]{2}$/).nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  submissionDate: IsoDateSchema.nullable(),
  targetProfile: ProfileNameSchema.nullable(),
});
export type IcsDetails = z.infer<typeof IcsDetailsSchema>;

/** The `ICS` sheet's labels (column A), in template order. */
export const ICS_LABELS = {
  icsName: "ICS name",
  icbCode: "ICB ODS code",
  contactName: "Contact name",
  contactEmail: "Contact email",
  submissionDate: "Submission date",
  targetProfile: "Target profile",
} as const satisfies Record<keyof IcsDetails, string>;

/**
 * The ICS sheet's optional `Region` (docs/national.md). Read beside the details above rather than as one of
 * them: the validation stamp (epr-stamp/1) hashes exactly the details of ICS_LABELS, so a new key there would
 * make every stamp made before it read as changed. The aliases are other spellings of the label, read as it.
 */
export const ICS_REGION_LABEL = "Region";
export const ICS_REGION_LABEL_ALIASES: readonly string[] = ["NHS region", "NHS England region"];
