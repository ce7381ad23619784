/**
 * Which reader a file needs, told from its first bytes (a file's extension often lies: an .xls that is HTML, an
 * .xlsx that is a CSV), with the name used only to tell a text file is a .csv. Files no reader takes are refused
 * here with a message that says what they are.
 */
export type Sniffed =
  | { readonly kind: "xlsx" | "xls" | "ods" | "csv" }
  | { readonly kind: "refused"; readonly reason: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary (OLE2): .xls, and also Office's encrypted (password-protected) files. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An OpenDocument file stores the entry "mimetype" first, uncompressed, so its content follows the first local header. */
const ODS_MEDIA_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function asciiAt(bytes: Uint8Array, at: number, length: number): string {
  let out = "";
  for (let i = at; i < Math.min(bytes.length, at + length); i++) out += String.fromCharCode(bytes[i] as number);
  return out;
}

function extensionOf(fileName: string | undefined): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName ?? "");
  return match ? (match[1] as string).toLowerCase() : "";
}

/** Whether the zip's first entry is an OpenDocument spreadsheet's "mimetype" (its local header may carry an extra field). */
function isOpenDocumentSpreadsheet(bytes: Uint8Array): boolean {
  if (bytes.length < 30) return false;
  const nameLength = (bytes[26] as number) | ((bytes[27] as number) << 8);
  const extraLength = (bytes[28] as number) | ((bytes[29] as number) << 8);
  if (asciiAt(bytes, 30, nameLength) !== "mimetype") return false;
  return asciiAt(bytes, 30 + nameLength + extraLength, ODS_MEDIA_TYPE.length) === ODS_MEDIA_TYPE;
}

/** Whether the CFB file holds an encrypted Office package (its directory names the stream "EncryptedPackage"). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = "EncryptedPackage";
  // The directory entry names are UTF-16LE; looking in the first 64 KB finds the directory of any real file.
  const limit = Math.min(bytes.length, 65_536) - needle.length * 2;
  outer: for (let i = 0; i < limit; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (bytes[i + j * 2] !== needle.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** A UTF-16 byte-order mark: Excel's "Unicode Text" export, which this tool does not read. */
function isUtf16Text(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** Whether the bytes look like text (no NUL in the first 4 KB): a .csv, whatever its name says. */
function looksLikeText(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return false;
  return true;
}

const WORKBOOK_EXTENSIONS: ReadonlySet<string> = new Set(["xlsx", "xlsm", "xls", "ods", "xlsb"]);

export function sniffFormat(bytes: Uint8Array, fileName?: string): Sniffed {
  if (bytes.length === 0) return { kind: "refused", reason: "the file is empty (0 bytes): it is not a workbook" };
  const extension = extensionOf(fileName);
  if (startsWith(bytes, ZIP)) return { kind: isOpenDocumentSpreadsheet(bytes) ? "ods" : "xlsx" };
  if (startsWith(bytes, EMPTY_ZIP)) return { kind: "refused", reason: "an empty zip archive, not a workbook" };
  if (startsWith(bytes, CFB)) {
    if (isEncryptedPackage(bytes)) {
      return { kind: "refused", reason: "the workbook is password-protected (encrypted): save a copy without the password and check that" };
    }
    return { kind: "xls" };
  }
  if (isUtf16Text(bytes)) {
    return { kind: "refused", reason: 'a UTF-16 text file (Excel\'s "Unicode Text"), which cannot be read: save it as "CSV UTF-8" (.csv)' };
  }
  if (extension === "xlsb") return { kind: "refused", reason: "an Excel binary workbook (.xlsb), which cannot be read: save it as .xlsx" };
  if (looksLikeText(bytes)) {
    // A web page or XML saved under a workbook's name (some systems' "Excel export" is HTML) is not a table of values.
    if (/^\s*</.test(asciiAt(bytes, 0, 64).replace(/^\uFEFF|^\xEF\xBB\xBF/, ""))) {
      return { kind: "refused", reason: "an HTML or XML file, not a workbook: open it in Excel and save it as .xlsx" };
    }
    // A text file named as a workbook is refused rather than guessed at: a checker that quietly read a mislabelled
    // file could pass something other than what the sender meant to send.
    if (WORKBOOK_EXTENSIONS.has(extension)) {
      return { kind: "refused", reason: `a text file (CSV or similar), not an Excel workbook: rename it .csv to read it as one, or open it in Excel and save it as .${extension}` };
    }
    return { kind: "csv" };
  }
  return {
    kind: "refused",
    reason: "not a workbook this tool reads (.xlsx, .xlsm, .xls, .ods or .csv): the file is damaged or of another kind",
  };
}
