/** The enumerations of spec section 3; the first spelling of each is canonical. */
import { z } from "zod";

export const TRUST_TYPES = ["Acute", "Specialist", "Mental health", "Community", "Mental health and community", "Acute and community", "Ambulance"] as const;
export const STATUSES = ["Live", "Implementing", "Procuring", "Business case", "No EPR"] as const;
export const PLANS = ["Keep", "Single ICS EPR", "Converge", "Interoperate", "New EPR"] as const;
export const STAGES = ["Not started", "SOC", "OBC", "FBC", "Approved", "Not needed"] as const;
export const FUNDING_MODELS = ["Matched 50/50", "Tailored", "Local only", "None"] as const;

/** Canonical supplier names, each with the aliases the reading rules accept. */
export const SUPPLIER_ALIASES = {
  "Oracle Health": ["Cerner", "Oracle Cerner", "Cerner Millennium", "Millennium"],
  Epic: ["Epic Systems", "EpicCare"],
  "System C": ["CareFlow", "Medway"],
  Dedalus: ["Lorenzo", "DXC", "DXC Technology", "ORBIS"],
  Altera: ["Allscripts", "Sunrise"],
  MEDITECH: ["Meditech Expanse", "Expanse"],
  "IMS MAXIMS": ["MAXIMS", "openMAXIMS"],
  Nervecentre: ["Nerve Centre"],
  TPP: ["SystmOne", "TPP SystmOne"],
  EMIS: ["EMIS Web"],
  "The Access Group": ["RiO", "Servelec"],
  OneAdvanced: ["CareNotes", "Advanced"],
  Alcidion: ["Miya", "Miya Precision"],
  "In-house": ["Inhouse", "In house", "Bespoke"],
  Other: [],
} as const satisfies Record<string, readonly string[]>;

export const SUPPLIERS = Object.keys(SUPPLIER_ALIASES) as (keyof typeof SUPPLIER_ALIASES)[];

export const TrustTypeSchema = z.enum(TRUST_TYPES);
export const StatusSchema = z.enum(STATUSES);
export const PlanSchema = z.enum(PLANS);
export const StageSchema = z.enum(STAGES);
export const FundingModelSchema = z.enum(FUNDING_MODELS);
export const SupplierSchema = z.enum(SUPPLIERS as [keyof typeof SUPPLIER_ALIASES, ...(keyof typeof SUPPLIER_ALIASES)[]]);

export type TrustType = z.infer<typeof TrustTypeSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type Stage = z.infer<typeof StageSchema>;
export type FundingModel = z.infer<typeof FundingModelSchema>;
export type Supplier = z.infer<typeof SupplierSchema>;

/** Plans that move a trust onto another system (spec section 3, †). */
export const PLANS_CHANGING_SYSTEM: readonly Plan[] = ["Single ICS EPR", "Converge", "New EPR"];
/** Suppliers that are not one system each (spec 7.1). */
export const NON_SYSTEM_SUPPLIERS: readonly Supplier[] = ["In-house", "Other"];

export function planChangesSystem(plan: Plan | null): boolean {
  return plan !== null && PLANS_CHANGING_SYSTEM.includes(plan);
}

export function isLiveOrImplementing(status: Status | null): boolean {
  return status === "Live" || status === "Implementing";
}
