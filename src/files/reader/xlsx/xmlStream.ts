/**
 * Streaming one XML part of the package through saxes, slice by slice as it inflates: no DOM, no
 * whole-part string. Element names are given by local name, so SpreadsheetML written with a
 * namespace prefix (<x:worksheet>, <x:c>, as the Open XML SDK writes) reads like the plain kind.
 *
 * Bounded by construction: a DOCTYPE is refused (so no DTD and no entity can be declared; saxes
 * expands only XML's five predefined entities and character references); nesting deeper than
 * MAX_DEPTH is refused (saxes keeps a stack of open elements, which 80,000 unclosed tags would
 * otherwise grow); and no more than MAX_RUN_CHARS characters may pass without an element or
 * text event (saxes accumulates a text node or a tag's attributes before reporting them).
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { WorkbookReadError } from "../../errors";
import { quoted, type ZipArchive, type ZipEntry } from "../zip";

/** SpreadsheetML nests a handful of levels (extLst content a few more); anything deeper is not a workbook. */
const MAX_DEPTH = 128;
/** 256 times the longest text Excel lets a cell hold (32,767 characters). */
const MAX_RUN_CHARS = 8 * 1024 * 1024;
/** Text is handed to saxes in pieces this long, so the run limit is checked often enough. */
const FEED_CHARS = 64 * 1024;

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandlers {
  /** An element opens (a self-closing one then closes at once). */
  open(localName: string, attributes: Attributes): void;
  /** Character data (text and CDATA), in one or more pieces. */
  text?(text: string): void;
  close?(localName: string): void;
}

/** The part is not well-formed XML: saxes found it so. */
class XmlSyntaxError extends Error {}

function localNameOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export function damagedPart(partName: string, what: string): WorkbookReadError {
  return new WorkbookReadError(`truncated or damaged .xlsx (the part ${quoted(partName)} ${what})`);
}

/** TextDecoder's instances: the command line's build (ES2022 and Node's types, no DOM) has the value but not the type. */
type Decoder = InstanceType<typeof TextDecoder>;

/** A decoder for the part's encoding: UTF-8, or UTF-16 when it starts with that byte-order mark. */
function decoderFor(first: Uint8Array): Decoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/**
 * Streams the part through handlers. Throws WorkbookReadError when the part is not well-formed,
 * declares a DOCTYPE or passes a bound above; ZipError from unpacking and whatever the handlers
 * throw propagate as they are.
 */
export function parseXmlPart(archive: ZipArchive, entry: ZipEntry, handlers: XmlHandlers): void {
  const partName = entry.name;
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let depth = 0;
  let sinceEvent = 0;
  parser.on("error", (error) => {
    throw new XmlSyntaxError(error.message);
  });
  parser.on("doctype", () => {
    throw new WorkbookReadError(`refused: the part ${quoted(partName)} has a DOCTYPE declaration, which no spreadsheet program writes`);
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    sinceEvent = 0;
    if (++depth > MAX_DEPTH) throw damagedPart(partName, `nests elements more than ${MAX_DEPTH} deep`);
    handlers.open(localNameOf(tag.name), tag.attributes);
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    sinceEvent = 0;
    depth--;
    handlers.close?.(localNameOf(tag.name));
  });
  const onText = (text: string): void => {
    sinceEvent = 0;
    handlers.text?.(text);
  };
  parser.on("text", onText);
  parser.on("cdata", onText);

  const feed = (text: string): void => {
    for (let at = 0; at < text.length; at += FEED_CHARS) {
      const piece = at === 0 && text.length <= FEED_CHARS ? text : text.slice(at, at + FEED_CHARS);
      sinceEvent += piece.length;
      if (sinceEvent > MAX_RUN_CHARS) throw damagedPart(partName, `holds a single text or tag longer than ${MAX_RUN_CHARS.toLocaleString("en-GB")} characters`);
      parser.write(piece);
    }
  };
  let decoder: Decoder | null = null;
  try {
    archive.inflate(entry, (slice) => {
      decoder ??= decoderFor(slice);
      feed(decoder.decode(slice, { stream: true }));
    });
    if (decoder !== null) feed((decoder as Decoder).decode());
    parser.close();
  } catch (error) {
    // saxes quotes names from the file in its messages: a bounded prefix of the message is enough.
    if (error instanceof XmlSyntaxError) throw damagedPart(partName, `is not well-formed XML: ${quoted(error.message).slice(1, -1)}`);
    throw error;
  }
}
