/** Canonical trusts for the Summary test: every status and plan, In-house/Other with and without product, dates around both target dates. */
import type ExcelJS from "exceljs";
import { COLUMN_KEYS, columnDef } from "../../src/core/columns";
import { dateFromIso } from "../../src/core/dates";
import { TrustRowSchema, type TrustRow } from "../../src/core/schema";

type TrustInput = Partial<Omit<TrustRow, "row">> & Pick<TrustRow, "trustCode" | "eprStatus" | "plan">;

const BLANK: Omit<TrustRow, "row" | "trustCode" | "eprStatus" | "plan"> = {
  trustName: null, trustType: "Acute", supplier: null, product: null, goLiveDate: null, contractEndDate: null, targetSupplier: null,
  targetGoLiveDate: null, businessCaseStage: null, procurementStartDate: null, contractAwardDate: null, fundingModel: null,
  totalCost: null, localFunding: null, nationalFunding: null, beds: null, notes: null,
};

const INPUTS: readonly TrustInput[] = [
  { trustCode: "RYJ", eprStatus: "Live", supplier: "Oracle Health", product: "Millennium", goLiveDate: "2019-05-01", plan: "Keep", beds: 900 },
  // Live on the dec-2023 target date itself.
  { trustCode: "R1H", eprStatus: "Live", supplier: "Epic", goLiveDate: "2023-12-31", plan: "Keep" },
  {
    trustCode: "RAL", eprStatus: "Live", supplier: "In-house", product: "PAS Plus", goLiveDate: "2015-01-01", plan: "Converge", targetSupplier: "Epic",
    targetGoLiveDate: "2025-06-30", businessCaseStage: "OBC", procurementStartDate: "2023-01-01", contractAwardDate: "2024-01-15",
    fundingModel: "Matched 50/50", totalCost: 10_000_000, localFunding: 5_000_000, nationalFunding: 5_000_000,
  },
  // The same in-house product in other case: one system with RAL's.
  { trustCode: "RAN", trustType: "Specialist", eprStatus: "Live", supplier: "In-house", product: "pas plus", goLiveDate: "2016-01-01", plan: "Keep" },
  { trustCode: "RAP", trustType: "Mental health", eprStatus: "Live", supplier: "Other", goLiveDate: "2018-01-01", plan: "Interoperate" },
  { trustCode: "RAS", trustType: "Community", eprStatus: "Live", supplier: "Other", goLiveDate: "2020-03-01", plan: "Keep" },
  // Wildcard characters in products: COUNTIF would count "care*" as matching "care?plus".
  { trustCode: "RAT", eprStatus: "Live", supplier: "Other", product: "Care*", goLiveDate: "2021-01-01", plan: "Keep" },
  { trustCode: "RAX", eprStatus: "Live", supplier: "Other", product: "Care?Plus", goLiveDate: "2021-02-01", plan: "Keep" },
  // A trust whose code is a supplier's name: not the supplier TPP.
  { trustCode: "TPP", eprStatus: "Live", supplier: "In-house", goLiveDate: "2012-01-01", plan: "Keep" },
  { trustCode: "TAJ", eprStatus: "Live", supplier: "TPP", goLiveDate: "2010-01-01", plan: "Converge", targetSupplier: "Oracle Health", targetGoLiveDate: "2023-11-30", businessCaseStage: "Approved", fundingModel: "None", totalCost: 300_000.5, localFunding: 300_000.5 },
  { trustCode: "RBA", trustType: "Mental health and community", eprStatus: "Implementing", supplier: "System C", goLiveDate: "2024-02-01", plan: "Keep", beds: 120 },
  // Live but going live after the dec-2023 date: implementing then.
  { trustCode: "RBE", eprStatus: "Live", supplier: "Epic", goLiveDate: "2024-01-01", plan: "Keep" },
  { trustCode: "RBF", eprStatus: "Implementing", supplier: "TPP", goLiveDate: "2026-04-30", plan: "Interoperate" },
  {
    trustCode: "RBB", trustType: "Acute and community", eprStatus: "Procuring", plan: "New EPR", targetSupplier: "Dedalus", targetGoLiveDate: "2026-03-31",
    businessCaseStage: "FBC", procurementStartDate: "2023-06-01", contractAwardDate: "2023-12-15", fundingModel: "Tailored",
    totalCost: 2_500_000, localFunding: 500_000, nationalFunding: 2_000_000,
  },
  {
    trustCode: "RBC", trustType: "Ambulance", eprStatus: "Business case", plan: "Single ICS EPR", targetSupplier: "Epic", targetGoLiveDate: "2027-01-01",
    businessCaseStage: "SOC", contractAwardDate: "2026-06-01", fundingModel: "Matched 50/50", totalCost: 4_000_000, localFunding: 2_000_000,
  },
  {
    trustCode: "RBD", eprStatus: "No EPR", plan: "New EPR", targetSupplier: "In-house", targetGoLiveDate: "2026-01-31", businessCaseStage: "Not started",
    fundingModel: "Local only", totalCost: 1_000_000, localFunding: 1_000_000, nationalFunding: 0,
  },
  // Two in-house trusts without a code or a product: each its own system, keyed by its row (Calc: "row:"&ROW()).
  { trustCode: null, eprStatus: "Live", supplier: "In-house", goLiveDate: "2013-01-01", plan: "Keep" },
  { trustCode: null, eprStatus: "Live", supplier: "In-house", goLiveDate: "2013-06-01", plan: "Keep" },
  // No EPR and no plan dates: never installed, not implementing.
  { trustCode: "RBG", eprStatus: "No EPR", plan: "New EPR", targetSupplier: "Other", businessCaseStage: "Not started", notes: "Waiting on funding" },
];

/** The trusts, on Trusts rows 2, 3, ... */
export const TRUSTS: readonly TrustRow[] = INPUTS.map((input, i) =>
  TrustRowSchema.parse({ ...BLANK, trustName: `Trust ${input.trustCode ?? i}`, ...input, row: i + 2 }),
);

/** Writes the trusts into a Trusts sheet as a user would: dates as dates, money as numbers. */
export function fillTrusts(ws: ExcelJS.Worksheet, trusts: readonly TrustRow[]): void {
  for (const trust of trusts) {
    COLUMN_KEYS.forEach((key, i) => {
      const value = trust[key];
      if (value === null) return;
      const cell = ws.getCell(trust.row, i + 1);
      cell.value = columnDef(key).type === "date" && typeof value === "string" ? dateFromIso(value) : value;
    });
  }
}
