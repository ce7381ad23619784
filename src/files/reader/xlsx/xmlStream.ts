/**
 * Streaming one XML part of the package through the byte tokenizer (./xml/tokenizer.ts), slice by
 * slice as it inflates: no DOM, no whole-part string, no decoding of what no handler asks for.
 * Element names are given by local name, so SpreadsheetML written with a namespace prefix
 * (<x:worksheet>, <x:c>, as the Open XML SDK writes) reads like the plain kind. A part in UTF-16
 * (it starts with that byte-order mark) is turned into UTF-8 first; a UTF-8 byte-order mark is
 * skipped. The bounds (no DOCTYPE, nesting, attributes, the longest text or tag) are the tokenizer's.
 */
import { WorkbookReadError } from "../../errors";
import { quoted, type ZipArchive, type ZipEntry } from "../zip";
import { XmlDoctypeError, XmlLimitError, XmlSyntaxError } from "./xml/syntaxError";
import { XmlTokenizer, type XmlHandlers } from "./xml/tokenizer";

export type { XmlAttributes as Attributes, XmlHandlers } from "./xml/tokenizer";

export function damagedPart(partName: string, what: string): WorkbookReadError {
  return new WorkbookReadError(`truncated or damaged .xlsx (the part ${quoted(partName)} ${what})`);
}

/** TextDecoder's instances: the command line's build (ES2022 and Node's types, no DOM) has the value but not the type. */
type Decoder = InstanceType<typeof TextDecoder>;

/** A decoder when the part is UTF-16 (it starts with that byte-order mark); null for UTF-8. */
function utf16DecoderFor(first: Uint8Array): Decoder | null {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return null;
}

function hasUtf8Mark(first: Uint8Array): boolean {
  return first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
}

/**
 * Streams the part through handlers. Throws WorkbookReadError when the part is not well-formed,
 * declares a DOCTYPE or passes a bound; ZipError from unpacking and whatever the handlers throw
 * propagate as they are.
 */
export function parseXmlPart(archive: ZipArchive, entry: ZipEntry, handlers: XmlHandlers): void {
  const partName = entry.name;
  const tokenizer = new XmlTokenizer(handlers);
  let first = true;
  let utf16: Decoder | null = null;
  let encoder: InstanceType<typeof TextEncoder> | null = null;
  const utf8Of = (text: string): Uint8Array => (encoder ??= new TextEncoder()).encode(text);
  try {
    archive.inflate(entry, (slice) => {
      if (first) {
        first = false;
        utf16 = utf16DecoderFor(slice);
        if (utf16 === null && hasUtf8Mark(slice)) slice = slice.subarray(3);
      }
      tokenizer.write(utf16 === null ? slice : utf8Of((utf16 as Decoder).decode(slice, { stream: true })));
    });
    if (utf16 !== null) tokenizer.write(utf8Of((utf16 as Decoder).decode()));
    tokenizer.end();
  } catch (error) {
    // Messages quote names from the file: a bounded prefix of the message is enough.
    if (error instanceof XmlSyntaxError) throw damagedPart(partName, `is not well-formed XML: ${quoted(error.message).slice(1, -1)}`);
    if (error instanceof XmlLimitError) throw damagedPart(partName, error.message);
    if (error instanceof XmlDoctypeError) throw new WorkbookReadError(`refused: the part ${quoted(partName)} has a DOCTYPE declaration, which no spreadsheet program writes`);
    throw error;
  }
}
