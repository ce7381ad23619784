/** The part is not well-formed XML; the message says what was found (never a stack trace for users). */
export class XmlSyntaxError extends Error {}

/** The part passes one of the tokenizer's bounds; the message completes "the part NAME …". */
export class XmlLimitError extends Error {}

/** The part declares a DOCTYPE, which no spreadsheet program writes (and which could declare entities). */
export class XmlDoctypeError extends Error {}
