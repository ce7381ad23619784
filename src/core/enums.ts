/**
 * The enumerations of spec section 3; the first spelling of each is canonical. Plain data (their zod schemas are
 * in schema.ts), so code that only names a status or a supplier does not load zod.
 */

export const TRUST_TYPES = ["Acute", "Specialist", "Mental health", "Community", "Mental health and community", "Acute and community", "Ambulance"] as const;
export const STATUSES = ["Live", "Implementing", "Procuring", "Business case", "No EPR"] as const;
export const PLANS = ["Keep", "Single ICS EPR", "Converge", "Interoperate", "New EPR"] as const;
export const STAGES = ["Not started", "SOC", "OBC", "FBC", "Approved", "Not needed"] as const;
export const FUNDING_MODELS = ["Matched 50/50", "Tailored", "Local only", "None"] as const;
/** The seven NHS England regions (since April 2020), for the optional `Region` on the ICS sheet (docs/national.md). */
export const REGIONS = ["East of England", "London", "Midlands", "North East and Yorkshire", "North West", "South East", "South West"] as const;

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

export type TrustType = (typeof TRUST_TYPES)[number];
export type Status = (typeof STATUSES)[number];
export type Plan = (typeof PLANS)[number];
export type Stage = (typeof STAGES)[number];
export type FundingModel = (typeof FUNDING_MODELS)[number];
export type Region = (typeof REGIONS)[number];
export type Supplier = keyof typeof SUPPLIER_ALIASES;

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
