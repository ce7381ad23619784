/** Which reading rule reads each `Trusts` column (spec sections 3 and 5). */
import type { CellValue } from "../cells";
import { columnDef, type ColumnDef, type ColumnKey } from "../columns";
import { FUNDING_MODELS, PLANS, STAGES, STATUSES, TRUST_TYPES } from "../enums";
import type { TrustRow } from "../schema";
import { readTrustCode } from "./code";
import { readDate } from "./date";
import { readEnumValue, readSupplier } from "./enum";
import type { ReadResult } from "./note";
import { readMoney, readWholeNumber } from "./number";
import { readText } from "./text";

/** The canonical value a column holds once read. */
export type FieldValue<K extends ColumnKey> = NonNullable<TrustRow[K]>;

export type FieldReaders = { readonly [K in ColumnKey]: (cell: CellValue) => ReadResult<FieldValue<K>> };

function textOf(key: ColumnKey): (cell: CellValue) => ReadResult<string> {
  const def = columnDef(key);
  return (cell) => readText(cell, def.maxLength, def.tooLongSeverity);
}

export const FIELD_READERS: FieldReaders = {
  trustCode: readTrustCode,
  trustName: textOf("trustName"),
  trustType: (cell) => readEnumValue(cell, TRUST_TYPES),
  eprStatus: (cell) => readEnumValue(cell, STATUSES),
  supplier: readSupplier,
  product: textOf("product"),
  goLiveDate: readDate,
  contractEndDate: readDate,
  plan: (cell) => readEnumValue(cell, PLANS),
  targetSupplier: readSupplier,
  targetGoLiveDate: readDate,
  businessCaseStage: (cell) => readEnumValue(cell, STAGES),
  procurementStartDate: readDate,
  contractAwardDate: readDate,
  fundingModel: (cell) => readEnumValue(cell, FUNDING_MODELS),
  totalCost: readMoney,
  localFunding: readMoney,
  nationalFunding: readMoney,
  beds: readWholeNumber,
  notes: textOf("notes"),
};

export function readField<K extends ColumnKey>(key: K, cell: CellValue): ReadResult<FieldValue<K>> {
  return FIELD_READERS[key](cell);
}

/** One cell read by its column's rule (e.g. for a custom function checking a single value). */
export function readCell(cell: CellValue, column: ColumnDef): ReadResult<string | number> {
  return readField(column.key, cell);
}
