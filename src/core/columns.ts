/** The `Trusts` columns of spec section 3 and their alternative header names (section 6), as data. */
import { FUNDING_MODELS, PLANS, STAGES, STATUSES, TRUST_TYPES } from "./enums";

export const COLUMN_KEYS = [
  "trustCode", "trustName", "trustType", "eprStatus", "supplier", "product", "goLiveDate", "contractEndDate",
  "plan", "targetSupplier", "targetGoLiveDate", "businessCaseStage", "procurementStartDate", "contractAwardDate",
  "fundingModel", "totalCost", "localFunding", "nationalFunding", "beds", "notes",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type ColumnType = "code" | "text" | "enum" | "supplier" | "date" | "money" | "whole";

/**
 * When a field must be filled:
 * - `always`;
 * - `whenLiveOrImplementing`: eprStatus is Live or Implementing;
 * - `whenPlanChangesSystem`: plan is Single ICS EPR, Converge or New EPR;
 * - `never`: optional.
 */
export type Requirement = "always" | "whenLiveOrImplementing" | "whenPlanChangesSystem" | "never";

export interface ColumnDef {
  readonly key: ColumnKey;
  readonly header: string;
  readonly type: ColumnType;
  readonly required: Requirement;
  /** Alternative header names that map to this column (section 6). */
  readonly alternatives: readonly string[];
  readonly enumValues?: readonly string[];
  readonly maxLength?: number;
  /** Severity of `too_long` for text columns. */
  readonly tooLongSeverity?: "error" | "warning";
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: "trustCode", header: "Trust ODS code", type: "code", required: "always", alternatives: ["ODS code", "Org code", "Organisation code", "Trust code", "Provider code"] },
  { key: "trustName", header: "Trust name", type: "text", required: "always", maxLength: 200, tooLongSeverity: "error", alternatives: ["Trust", "Organisation", "Organisation name", "Provider", "Provider name"] },
  { key: "trustType", header: "Trust type", type: "enum", required: "always", enumValues: TRUST_TYPES, alternatives: ["Organisation type", "Provider type", "Type"] },
  { key: "eprStatus", header: "EPR status", type: "enum", required: "always", enumValues: STATUSES, alternatives: ["Current EPR status", "Status"] },
  { key: "supplier", header: "EPR supplier", type: "supplier", required: "whenLiveOrImplementing", alternatives: ["Current EPR supplier", "Supplier", "Current supplier", "Vendor", "EPR vendor", "EPR system"] },
  { key: "product", header: "EPR product", type: "text", required: "never", maxLength: 200, tooLongSeverity: "error", alternatives: ["Product", "Current EPR product", "System name"] },
  { key: "goLiveDate", header: "Go-live date", type: "date", required: "whenLiveOrImplementing", alternatives: ["Go live date", "Go-live", "Go live", "Live date", "EPR go-live date"] },
  { key: "contractEndDate", header: "Contract end date", type: "date", required: "never", alternatives: ["Contract end", "Contract expiry", "Contract expiry date"] },
  { key: "plan", header: "Convergence plan", type: "enum", required: "always", enumValues: PLANS, alternatives: ["Plan", "EPR plan", "Future plan"] },
  { key: "targetSupplier", header: "Target EPR supplier", type: "supplier", required: "whenPlanChangesSystem", alternatives: ["Target supplier", "Future supplier", "Planned supplier", "Future EPR supplier"] },
  { key: "targetGoLiveDate", header: "Target go-live date", type: "date", required: "whenPlanChangesSystem", alternatives: ["Target go live", "Planned go-live date", "Planned go live", "Planned go-live"] },
  { key: "businessCaseStage", header: "Business case stage", type: "enum", required: "whenPlanChangesSystem", enumValues: STAGES, alternatives: ["Business case", "Business case status"] },
  { key: "procurementStartDate", header: "Procurement start date", type: "date", required: "never", alternatives: ["Procurement start", "Tender date"] },
  { key: "contractAwardDate", header: "Contract award date", type: "date", required: "never", alternatives: ["Contract award", "Planned contract award"] },
  { key: "fundingModel", header: "Funding model", type: "enum", required: "whenPlanChangesSystem", enumValues: FUNDING_MODELS, alternatives: ["Funding route", "Funding type"] },
  { key: "totalCost", header: "Total cost (£)", type: "money", required: "whenPlanChangesSystem", alternatives: ["Cost", "Total cost GBP"] },
  { key: "localFunding", header: "Local funding (£)", type: "money", required: "never", alternatives: ["Local contribution", "Trust funding"] },
  { key: "nationalFunding", header: "National funding requested (£)", type: "money", required: "never", alternatives: ["National funding", "National contribution", "NHSE funding", "Central funding"] },
  { key: "beds", header: "Beds", type: "whole", required: "never", alternatives: ["Bed count", "Number of beds"] },
  { key: "notes", header: "Notes", type: "text", required: "never", maxLength: 2000, tooLongSeverity: "warning", alternatives: ["Comments", "Comment"] },
];

const BY_KEY = new Map<ColumnKey, ColumnDef>(COLUMNS.map((c) => [c.key, c]));

export function columnDef(key: ColumnKey): ColumnDef {
  const def = BY_KEY.get(key);
  if (!def) throw new Error(`unknown column key ${key}`);
  return def;
}

/** 0-based position of a column in the template (for sorting issues by column). */
export function columnIndex(key: ColumnKey): number {
  return COLUMN_KEYS.indexOf(key);
}
