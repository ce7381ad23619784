/** Builds trust rows for the calculation tests: every field blank unless given. */
import type { TrustRow } from "../../../src/core/schema";

let nextRow = 2;

export function trustRow(fields: Partial<TrustRow> = {}): TrustRow {
  const row = nextRow++;
  return {
    row,
    trustCode: null,
    trustName: null,
    trustType: null,
    eprStatus: null,
    supplier: null,
    product: null,
    goLiveDate: null,
    contractEndDate: null,
    plan: null,
    targetSupplier: null,
    targetGoLiveDate: null,
    businessCaseStage: null,
    procurementStartDate: null,
    contractAwardDate: null,
    fundingModel: null,
    totalCost: null,
    localFunding: null,
    nationalFunding: null,
    beds: null,
    notes: null,
    ...fields,
  };
}
