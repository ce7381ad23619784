/** The reading rules of spec section 5. */
export { readCell, readField, FIELD_READERS, type FieldValue, type FieldReaders } from "./cell";
export { readCode, readIcbCode, readTrustCode } from "./code";
export { EARLIEST_DATE, LATEST_DATE, parseUkDate, readDate, type UkDateParse } from "./date";
export { parseDateText, type DateParse } from "./dateText";
export { describeCell, formatPounds, formatUkDate, issueValueOf } from "./display";
export { choiceOf, matchChoice, normalizeEnum, normalizeSupplier, readChoice, readEnumValue, readSupplier, SUPPLIER_CHOICE, type Choice } from "./enum";
export { looseKey, looseLookup } from "./normalize";
export * from "./note";
export { readMoney, readWholeNumber } from "./number";
export { contentText, isBlankCell, isPlaceholderText, PLACEHOLDERS, presenceOf, readContent, type Content, type Presence } from "./presence";
export { readTrustFields, trustRowOf, type TrustFields } from "./row";
export { readText } from "./text";
export { readTrustRows } from "./sheetRows";
