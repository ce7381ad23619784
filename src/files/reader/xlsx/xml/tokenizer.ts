/**
 * A streaming XML tokenizer over UTF-8 bytes, for the parts of a workbook package. It reads the
 * bytes as they inflate, without decoding the part to text first: a 50,000-row worksheet is 28 MB of
 * XML, and only the few values a handler asks for (a cell's r, s and t, the text of its <v>) ever
 * become strings. saxes took about 1 s per 28 MB here; this takes a small fraction of that
 * (docs/benchmarks.md).
 *
 * Well-formedness checked: one root element, tags that nest and match, names, attributes written
 * name="value" or name='value' with no "<" inside, references to the five predefined entities and to
 * characters only, comments, CDATA sections and processing instructions closed, no text outside the
 * root but white space. Not checked (the reader does not depend on them): a repeated attribute (the
 * first is read), which non-ASCII characters a name may use, "--" inside a comment, "]]>" in text.
 *
 * Bounded: a DOCTYPE is refused (nothing can be declared, so nothing is expanded); nesting deeper
 * than MAX_DEPTH and more than MAX_ATTRIBUTES on one element are refused; a tag or text longer than
 * MAX_RUN_BYTES is refused. A token split between slices is kept and scanned again only once the
 * bytes held have doubled, so time stays linear in the part's size however the slices fall.
 */
import { AttributeList, type XmlAttributes } from "./attributes";
import { NameCache, nameEnd, type XmlName } from "./names";
import { XmlDoctypeError, XmlLimitError, XmlSyntaxError } from "./syntaxError";
import { checkReferences, decodeText, flagsOf, HAS_AMP, HAS_CR, HAS_ATTRIBUTE_BREAKS, HAS_HIGH } from "./text";

export type { XmlAttributes } from "./attributes";

export interface XmlHandlers {
  /** An element opens (a self-closing one then closes at once). The attributes are valid during this call only. */
  open(localName: string, attributes: XmlAttributes): void;
  /** Character data (text and CDATA), decoded, in one or more pieces. */
  text?(text: string): void;
  /**
   * Instead of text: the piece's bytes, valid during the call only, with what the scan saw in them (./text.ts's
   * flags; decodeText makes the string). For values read straight from their digits.
   */
  textBytes?(bytes: Uint8Array, from: number, to: number, flags: number): void;
  close?(localName: string): void;
  /** Whether text here is wanted (the default: always); text not wanted is checked but never decoded. */
  wantsText?(): boolean;
}

/** SpreadsheetML nests a handful of levels (extLst content a few more); anything deeper is not a workbook. */
export const MAX_DEPTH = 128;
/** 256 times the longest text Excel lets a cell hold (32,767 characters). */
export const MAX_RUN_BYTES = 8 * 1024 * 1024;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const AMP = 0x26;
const CR = 0x0d;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const INCOMPLETE = -1;

const COMMENT_OPEN = bytesOf("<!--");
const COMMENT_CLOSE = bytesOf("-->");
const CDATA_OPEN = bytesOf("<![CDATA[");
const CDATA_CLOSE = bytesOf("]]>");
const DOCTYPE_OPEN = bytesOf("<!DOCTYPE");
const INSTRUCTION_CLOSE = bytesOf("?>");

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** 1: bytes[at…] starts with prefix; 0: it cannot; -1: too few bytes to tell. */
function startsWith(bytes: Uint8Array, at: number, to: number, prefix: Uint8Array): 1 | 0 | -1 {
  for (let i = 0; i < prefix.length; i++) {
    if (at + i >= to) return -1;
    if (bytes[at + i] !== prefix[i]) return 0;
  }
  return 1;
}

/** Where needle starts at or after from, or -1. */
function find(bytes: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const first = needle[0]!;
  for (let i = bytes.indexOf(first, from); i >= 0 && i + needle.length <= to; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, i, to, needle) === 1) return i;
  }
  return -1;
}

function tooLong(): XmlLimitError {
  return new XmlLimitError(`holds a single text or tag longer than ${MAX_RUN_BYTES.toLocaleString("en-GB")} characters`);
}

export class XmlTokenizer {
  private readonly names = new NameCache();
  private readonly attributes = new AttributeList();
  private readonly open: XmlName[] = [];
  private rootSeen = false;
  /** Bytes of a token not complete when its slice ended, and what follows it. */
  private carry = new Uint8Array(0);
  private carried = 0;
  /** The carry is scanned again once it holds this many bytes. */
  private retryAt = 0;

  constructor(private readonly handlers: XmlHandlers) {}

  write(slice: Uint8Array): void {
    if (this.carried === 0) {
      const done = this.scan(slice, 0, slice.length, false);
      if (done < slice.length) this.keep(slice.subarray(done));
    } else {
      this.keep(slice);
      if (this.carried < this.retryAt && this.carried <= MAX_RUN_BYTES) return;
      const done = this.scan(this.carry.subarray(0, this.carried), 0, this.carried, false);
      this.carry.copyWithin(0, done, this.carried);
      this.carried -= done;
    }
    if (this.carried > MAX_RUN_BYTES) throw tooLong();
    this.retryAt = 2 * this.carried;
  }

  /** The part has ended: anything left open is an error. */
  end(): void {
    if (this.carried > 0) this.scan(this.carry.subarray(0, this.carried), 0, this.carried, true);
    this.carried = 0;
    const open = this.open.at(-1);
    if (open !== undefined) throw new XmlSyntaxError(`it ends before <${open.qualified}> is closed`);
    if (!this.rootSeen) throw new XmlSyntaxError("it has no root element");
  }

  private keep(bytes: Uint8Array): void {
    const needed = this.carried + bytes.length;
    if (needed > this.carry.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * this.carry.length, 64 * 1024));
      grown.set(this.carry.subarray(0, this.carried));
      this.carry = grown;
    }
    this.carry.set(bytes, this.carried);
    this.carried = needed;
  }

  /** Scans complete tokens of bytes[pos, to); returns where the first incomplete one starts (to: none). */
  private scan(bytes: Uint8Array, pos: number, to: number, final: boolean): number {
    while (pos < to) {
      if (bytes[pos] !== LT) {
        let flags = 0;
        let i = pos;
        for (; i < to; i++) {
          const c = bytes[i]!;
          if (c < 0x40) {
            if (c === LT) break;
            if (c === AMP) flags |= HAS_AMP;
            else if (c === CR) flags |= HAS_CR;
          } else if (c >= 0x80) flags |= HAS_HIGH;
        }
        if (i === to && !final) return pos;
        this.text(bytes, pos, i, flags);
        pos = i;
        continue;
      }
      const end = this.tag(bytes, pos, to, final);
      if (end === INCOMPLETE) return pos;
      pos = end;
    }
    return pos;
  }

  private incomplete(final: boolean): number {
    if (final) throw new XmlSyntaxError("it ends inside a tag");
    return INCOMPLETE;
  }

  private tag(bytes: Uint8Array, pos: number, to: number, final: boolean): number {
    if (pos + 1 >= to) return this.incomplete(final);
    const next = bytes[pos + 1];
    if (next === SLASH) return this.closingTag(bytes, pos, to, final);
    if (next === BANG) return this.declaration(bytes, pos, to, final);
    if (next === QUESTION) {
      const close = find(bytes, INSTRUCTION_CLOSE, pos + 2, to);
      return close < 0 ? this.incomplete(final) : this.checkedEnd(pos, close + INSTRUCTION_CLOSE.length);
    }
    return this.openingTag(bytes, pos, to, final);
  }

  private checkedEnd(start: number, end: number): number {
    if (end - start > MAX_RUN_BYTES) throw tooLong();
    return end;
  }

  private declaration(bytes: Uint8Array, pos: number, to: number, final: boolean): number {
    const comment = startsWith(bytes, pos, to, COMMENT_OPEN);
    if (comment === 1) {
      const close = find(bytes, COMMENT_CLOSE, pos + COMMENT_OPEN.length, to);
      return close < 0 ? this.incomplete(final) : this.checkedEnd(pos, close + COMMENT_CLOSE.length);
    }
    const cdata = startsWith(bytes, pos, to, CDATA_OPEN);
    if (cdata === 1) {
      const close = find(bytes, CDATA_CLOSE, pos + CDATA_OPEN.length, to);
      if (close < 0) return this.incomplete(final);
      if (this.open.length === 0) throw new XmlSyntaxError("a CDATA section outside the root element");
      const from = pos + CDATA_OPEN.length;
      this.text(bytes, from, close, flagsOf(bytes, from, close) & ~HAS_AMP);
      return this.checkedEnd(pos, close + CDATA_CLOSE.length);
    }
    const doctype = startsWith(bytes, pos, to, DOCTYPE_OPEN);
    if (doctype === 1) throw new XmlDoctypeError("a DOCTYPE declaration");
    if (comment === -1 || cdata === -1 || doctype === -1) return this.incomplete(final);
    throw new XmlSyntaxError("a <! that starts no comment or CDATA section");
  }

  private closingTag(bytes: Uint8Array, pos: number, to: number, final: boolean): number {
    const nameStart = pos + 2;
    const nameStop = nameEnd(bytes, nameStart, to);
    let i = nameStop;
    while (i < to && isSpace(bytes[i]!)) i++;
    if (i >= to) return this.incomplete(final);
    const name = this.names.nameAt(bytes, nameStart, nameStop);
    if (bytes[i] !== GT) throw new XmlSyntaxError(`a closing tag </${name.qualified}> that does not end with >`);
    const open = this.open.pop();
    if (open === undefined) throw new XmlSyntaxError(`a closing tag </${name.qualified}> outside the root element`);
    if (open.qualified !== name.qualified) throw new XmlSyntaxError(`a closing tag </${name.qualified}> where <${open.qualified}> is open`);
    this.handlers.close?.(name.local);
    return this.checkedEnd(pos, i + 1);
  }

  private openingTag(bytes: Uint8Array, pos: number, to: number, final: boolean): number {
    const nameStart = pos + 1;
    let i = nameEnd(bytes, nameStart, to);
    if (i >= to) return this.incomplete(final);
    const name = this.names.nameAt(bytes, nameStart, i);
    const attributes = this.attributes;
    attributes.reset(bytes);
    let selfClosing = false;
    for (;;) {
      const spaceFrom = i;
      while (i < to && isSpace(bytes[i]!)) i++;
      if (i >= to) return this.incomplete(final);
      const c = bytes[i]!;
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= to) return this.incomplete(final);
        if (bytes[i + 1] !== GT) throw new XmlSyntaxError(`a / inside the tag <${name.qualified}>`);
        i += 2;
        selfClosing = true;
        break;
      }
      if (i === spaceFrom) throw new XmlSyntaxError(`no space before an attribute of <${name.qualified}>`);
      const attributeStart = i;
      i = nameEnd(bytes, i, to);
      const attributeEnd = i;
      while (i < to && isSpace(bytes[i]!)) i++;
      if (i >= to) return this.incomplete(final);
      if (bytes[i] !== EQUALS) throw new XmlSyntaxError(`an attribute of <${name.qualified}> without a value`);
      i++;
      while (i < to && isSpace(bytes[i]!)) i++;
      if (i >= to) return this.incomplete(final);
      const quote = bytes[i];
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) throw new XmlSyntaxError(`an attribute of <${name.qualified}> whose value has no quotes`);
      const valueStart = ++i;
      let flags = 0;
      for (; i < to; i++) {
        const v = bytes[i]!;
        if (v === quote) break;
        if (v < 0x40) {
          if (v === LT) throw new XmlSyntaxError(`a < inside an attribute value of <${name.qualified}>`);
          if (v === AMP) flags |= HAS_AMP;
          else if (v < 0x20) flags |= HAS_ATTRIBUTE_BREAKS;
        } else if (v >= 0x80) flags |= HAS_HIGH;
      }
      if (i >= to) return this.incomplete(final);
      if ((flags & HAS_AMP) !== 0) checkReferences(bytes, valueStart, i);
      attributes.add(attributeStart, attributeEnd, valueStart, i, flags);
      i++;
    }
    this.checkedEnd(pos, i);
    this.openElement(name, attributes, selfClosing);
    return i;
  }

  private openElement(name: XmlName, attributes: XmlAttributes, selfClosing: boolean): void {
    if (this.open.length === 0) {
      if (this.rootSeen) throw new XmlSyntaxError(`a second root element <${name.qualified}>`);
      this.rootSeen = true;
    }
    this.open.push(name);
    if (this.open.length > MAX_DEPTH) throw new XmlLimitError(`nests elements more than ${MAX_DEPTH} deep`);
    this.handlers.open(name.local, attributes);
    if (selfClosing) {
      this.open.pop();
      this.handlers.close?.(name.local);
    }
  }

  private text(bytes: Uint8Array, from: number, to: number, flags: number): void {
    if (to - from > MAX_RUN_BYTES) throw tooLong();
    if (this.open.length === 0) {
      for (let i = from; i < to; i++) if (!isSpace(bytes[i]!)) throw new XmlSyntaxError("text outside the root element");
      return;
    }
    const { handlers } = this;
    if ((handlers.text === undefined && handlers.textBytes === undefined) || (handlers.wantsText !== undefined && !handlers.wantsText())) {
      if ((flags & HAS_AMP) !== 0) checkReferences(bytes, from, to);
      return;
    }
    if (handlers.textBytes !== undefined) handlers.textBytes(bytes, from, to, flags);
    else handlers.text?.(decodeText(bytes, from, to, flags));
  }
}
