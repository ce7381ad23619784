/**
 * Character data from UTF-8 bytes: decoded, XML's line ends normalised (CR LF and a lone CR read as
 * LF, XML 1.0 section 2.11) and its references resolved: the five predefined entities and character
 * references. Any other entity is an error: a part may not declare entities (a DOCTYPE is refused),
 * so an undefined one means the XML is not well-formed.
 */
import { XmlSyntaxError } from "./syntaxError";

/** What the scan of a run of bytes saw, so plain ASCII text is built without a decoder. */
export const HAS_AMP = 1;
export const HAS_CR = 2;
export const HAS_HIGH = 4;
/** Tabs and line ends in an attribute value read as spaces (XML 1.0 section 3.3.3): set when the value has some. */
export const HAS_ATTRIBUTE_BREAKS = 8;

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** Runs this short are built character by character: cheaper than a decoder call. */
const SHORT_RUN = 24;
/** An entity's name is at most this long in any well-formed part (the longest, a hex reference to U+10FFFF). */
const MAX_REFERENCE_CHARS = 10;

const decoder = new TextDecoder("utf-8");

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function referenceOf(name: string): string {
  const predefined = PREDEFINED[name];
  if (predefined !== undefined) return predefined;
  const code = /^#[0-9]{1,7}$/.test(name) ? Number(name.slice(1)) : /^#x[0-9A-Fa-f]{1,6}$/.test(name) ? parseInt(name.slice(2), 16) : -1;
  if (code >= 0 && isXmlChar(code)) return String.fromCodePoint(code);
  throw new XmlSyntaxError(code >= 0 ? `a character reference to a character XML does not allow` : `an undefined entity`);
}

function resolveReferences(text: string): string {
  let out = "";
  let from = 0;
  for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", from)) {
    const semicolon = text.indexOf(";", amp + 1);
    if (semicolon < 0 || semicolon - amp - 1 > MAX_REFERENCE_CHARS || semicolon === amp + 1) throw new XmlSyntaxError("an & that starts no entity or character reference");
    out += text.slice(from, amp) + referenceOf(text.slice(amp + 1, semicolon));
    from = semicolon + 1;
  }
  return out + text.slice(from);
}

/** The text of bytes[from, to), given what the scan saw in it (the flags above). */
export function decodeText(bytes: Uint8Array, from: number, to: number, seen: number): string {
  let text: string;
  if ((seen & HAS_HIGH) === 0 && to - from <= SHORT_RUN) {
    text = "";
    for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i]!);
  } else {
    text = decoder.decode(bytes.subarray(from, to));
  }
  if ((seen & HAS_ATTRIBUTE_BREAKS) !== 0) {
    // Line ends are normalised first (CR LF is one), then each becomes a space.
    text = text.replace(/\r\n|[\t\n\r]/g, " ");
  } else if ((seen & HAS_CR) !== 0) {
    text = text.replace(/\r\n?/g, "\n");
  }
  return (seen & HAS_AMP) !== 0 ? resolveReferences(text) : text;
}

/** What a run of bytes holds, as the flags above (for text the scan did not look at byte by byte). */
export function flagsOf(bytes: Uint8Array, from: number, to: number): number {
  let seen = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c === 0x26) seen |= HAS_AMP;
    else if (c === 0x0d) seen |= HAS_CR;
    else if (c >= 0x80) seen |= HAS_HIGH;
  }
  return seen;
}

/** Checks the references in text that is not wanted (so not decoded): an undefined entity is an error wherever it is. */
export function checkReferences(bytes: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (bytes[i] !== 0x26) continue;
    let end = i + 1;
    while (end < to && end - i <= MAX_REFERENCE_CHARS + 1 && bytes[end] !== 0x3b) end++;
    if (end >= to || bytes[end] !== 0x3b || end === i + 1) throw new XmlSyntaxError("an & that starts no entity or character reference");
    referenceOf(decoder.decode(bytes.subarray(i + 1, end)));
    i = end;
  }
}
