/** The validation stamp: canonical data, its SHA-256, and comparing a return with its stamp. */
export { CANONICAL_FORMAT, ICS_KEYS, canonicalIcs, canonicalIcsFields, canonicalRowFields, canonicalNumber, canonicalReturn, canonicalReturnPieces, canonicalRow } from "./canonical";
export { Sha256, sha256Hex, sha256HexOfPieces } from "./hash";
export { SPEC_VERSION, StampSchema, RowStampSchema, createStamp, rowStamps } from "./stamp";
export type { RowStamp, Stamp, StampInput, StampedData } from "./stamp";
export { compareWithStamp } from "./compare";
export type { ChangedRow, FieldChange, RowRef, StampComparison } from "./compare";
export { FIELD_HASH_DIGITS, icsFieldHashes, rowFieldHashes } from "./fieldHashes";
export { STAMP_SHEET, StampReadError, stampFromRows, stampFromSheet, stampToRows } from "./sheetLayout";
export type { StampCell } from "./sheetLayout";
