/** A whole `Trusts` row read into a TrustRow (spec section 5); failed values are null. */
import type { CellValue } from "../cells";
import type { ColumnKey } from "../columns";
import type { TrustRow } from "../schema";
import { readField, type FieldValue } from "./cell";
import type { ReadResult } from "./note";

export type TrustFields = { readonly [K in ColumnKey]: ReadResult<FieldValue<K>> };

/** cellOf gives the row's cell for a column (null when the sheet has no such column). */
export function readTrustFields(cellOf: (key: ColumnKey) => CellValue): TrustFields {
  const read = <K extends ColumnKey>(key: K): ReadResult<FieldValue<K>> => readField(key, cellOf(key));
  return {
    trustCode: read("trustCode"), trustName: read("trustName"), trustType: read("trustType"), eprStatus: read("eprStatus"),
    supplier: read("supplier"), product: read("product"), goLiveDate: read("goLiveDate"), contractEndDate: read("contractEndDate"),
    plan: read("plan"), targetSupplier: read("targetSupplier"), targetGoLiveDate: read("targetGoLiveDate"),
    businessCaseStage: read("businessCaseStage"), procurementStartDate: read("procurementStartDate"),
    contractAwardDate: read("contractAwardDate"), fundingModel: read("fundingModel"), totalCost: read("totalCost"),
    localFunding: read("localFunding"), nationalFunding: read("nationalFunding"), beds: read("beds"), notes: read("notes"),
  };
}

export function trustRowOf(row: number, f: TrustFields): TrustRow {
  return {
    row,
    trustCode: f.trustCode.value, trustName: f.trustName.value, trustType: f.trustType.value, eprStatus: f.eprStatus.value,
    supplier: f.supplier.value, product: f.product.value, goLiveDate: f.goLiveDate.value, contractEndDate: f.contractEndDate.value,
    plan: f.plan.value, targetSupplier: f.targetSupplier.value, targetGoLiveDate: f.targetGoLiveDate.value,
    businessCaseStage: f.businessCaseStage.value, procurementStartDate: f.procurementStartDate.value,
    contractAwardDate: f.contractAwardDate.value, fundingModel: f.fundingModel.value, totalCost: f.totalCost.value,
    localFunding: f.localFunding.value, nationalFunding: f.nationalFunding.value, beds: f.beds.value, notes: f.notes.value,
  };
}
