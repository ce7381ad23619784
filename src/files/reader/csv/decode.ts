/**
 * A .csv file's bytes as text (spec section 5): UTF-8, with or without a byte-order mark, or else Windows-1252,
 * the "ANSI" code page Excel for Windows uses in the UK when it saves "CSV (Comma delimited)".
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/**
 * Windows-1252's bytes 0x80–0x9F (€, curly quotes, dashes, …), as the WHATWG Encoding standard maps them; every
 * other byte is the code point of the same number. Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1
 * (0x96 becomes the control character U+0096 instead of "–"), so those 32 are mapped again after it; in browsers,
 * which decode them right, nothing is left to map.
 */
const HIGH_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (ch) => String.fromCharCode(HIGH_1252[ch.charCodeAt(0) - 0x80] as number));
}

export type CsvEncoding = "utf-8" | "windows-1252";

export function decodeCsvText(bytes: Uint8Array): { readonly text: string; readonly encoding: CsvEncoding } {
  if (hasUtf8Bom(bytes)) {
    // The mark says UTF-8: a stray invalid byte after it becomes U+FFFD rather than turning the file into 1252.
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  try {
    // Text in Windows-1252 with any byte of 0x80 or above is almost never valid UTF-8, so a strict decode tells
    // them apart. Its only failure is invalid UTF-8 (a TypeError, but from another realm under test runners, so
    // the type is not checked): that failure is the answer, not an error.
    return { text: strictUtf8.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}
