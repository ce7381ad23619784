/**
 * Just enough XML to edit a part as text: the tags in document order, each with its position, its attributes
 * (values with entities decoded) and the namespace bindings in scope, so that an element is recognised by its
 * namespace whatever prefix the producer chose (`<x:sheets>` as the Open XML SDK writes it), and new text can be
 * spliced in at a tag's position, leaving every other byte of the part as it was.
 *
 * One pass, linear in the part's length (indexOf scans only). Comments, processing instructions and CDATA are
 * skipped; a DOCTYPE (no Office part has one, and it would allow entity expansion) and anything not well-formed
 * (unclosed tags, mismatched end tags, a "<" in an attribute value, unknown entities) throw WorkbookReadError.
 */
import { WorkbookReadError } from "../errors";

export interface XmlAttribute {
  readonly qname: string;
  /** With entities decoded. */
  readonly value: string;
  /** As written, from the name to the closing quote. */
  readonly source: string;
}

export interface XmlTag {
  readonly kind: "start" | "end" | "empty";
  readonly qname: string;
  readonly local: string;
  /** The element's namespace (null: none). */
  readonly namespace: string | null;
  /** Where the tag's "<" is, and just past its ">". */
  readonly start: number;
  readonly end: number;
  /** Start and empty tags only. */
  readonly attributes: readonly XmlAttribute[];
  /** Prefix ("" for the default namespace) → namespace, as in scope at this element (its own declarations included). */
  readonly scope: ReadonlyMap<string, string>;
  /** 0 for the root element. */
  readonly depth: number;
}

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([["xml", XML_NAMESPACE]]);

export function notWellFormed(part: string, what: string): WorkbookReadError {
  return new WorkbookReadError(`the workbook's part "${part}" is not well-formed XML (${what}); open it in Excel and save it again`);
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with the five predefined entities and character references decoded. */
export function decodeEntities(text: string, part: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([^;&\s]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) throw notWellFormed(part, "a stray \"&\"");
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(body) ? parseInt(body.slice(2), 16) : /^#[0-9]{1,7}$/.test(body) ? parseInt(body.slice(1), 10) : null;
    if (code !== null) {
      if (code > 0x10ffff) throw notWellFormed(part, `the character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const named = ENTITIES[body];
    if (named === undefined) throw notWellFormed(part, `the unknown entity ${whole}`);
    return named;
  });
}

/** For an attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function splitName(qname: string): [prefix: string, local: string] {
  const colon = qname.indexOf(":");
  return colon < 0 ? ["", qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
/** Whitespace, "/", ">" or "=": what ends a tag or attribute name. */
const endsName = (code: number) => isSpace(code) || code === 0x2f || code === 0x3e || code === 0x3d;

class Scanner {
  pos = 0;
  constructor(readonly xml: string, readonly part: string) {}

  fail(what: string): never {
    throw notWellFormed(this.part, what);
  }

  skipPast(terminator: string, what: string): void {
    const at = this.xml.indexOf(terminator, this.pos);
    if (at < 0) this.fail(`an unclosed ${what}`);
    this.pos = at + terminator.length;
  }

  skipSpace(): void {
    while (this.pos < this.xml.length && isSpace(this.xml.charCodeAt(this.pos))) this.pos++;
  }

  name(): string {
    const start = this.pos;
    while (this.pos < this.xml.length && !endsName(this.xml.charCodeAt(this.pos))) this.pos++;
    if (this.pos === start) this.fail("a tag without a name");
    return this.xml.slice(start, this.pos);
  }

  attribute(): XmlAttribute {
    const start = this.pos;
    const qname = this.name();
    this.skipSpace();
    if (this.xml.charAt(this.pos) !== "=") this.fail(`the attribute ${qname} has no value`);
    this.pos++;
    this.skipSpace();
    const quote = this.xml.charAt(this.pos);
    if (quote !== '"' && quote !== "'") this.fail(`the attribute ${qname} is not quoted`);
    const close = this.xml.indexOf(quote, this.pos + 1);
    if (close < 0) this.fail(`the attribute ${qname} is not closed`);
    const raw = this.xml.slice(this.pos + 1, close);
    if (raw.includes("<")) this.fail(`the attribute ${qname} holds "<"`);
    this.pos = close + 1;
    return { qname, value: decodeEntities(raw, this.part), source: this.xml.slice(start, this.pos) };
  }

  /** The attributes up to and including "/>" or ">"; true for "/>". */
  attributes(into: XmlAttribute[]): boolean {
    for (;;) {
      this.skipSpace();
      if (this.xml.startsWith("/>", this.pos)) {
        this.pos += 2;
        return true;
      }
      if (this.xml.charAt(this.pos) === ">") {
        this.pos++;
        return false;
      }
      if (this.pos >= this.xml.length) this.fail("an unclosed tag");
      into.push(this.attribute());
    }
  }
}

function scopeOf(parent: ReadonlyMap<string, string>, attributes: readonly XmlAttribute[]): ReadonlyMap<string, string> {
  let scope: Map<string, string> | null = null;
  for (const a of attributes) {
    if (a.qname !== "xmlns" && !a.qname.startsWith("xmlns:")) continue;
    scope ??= new Map(parent);
    scope.set(a.qname === "xmlns" ? "" : a.qname.slice(6), a.value);
  }
  return scope ?? parent;
}

/** The tags of the part, in document order; throws WorkbookReadError when it is not well-formed. */
export function* scanXml(xml: string, part: string): Generator<XmlTag> {
  const s = new Scanner(xml, part);
  const open: XmlTag[] = [];
  let seenRoot = false;
  for (let lt = xml.indexOf("<"); lt >= 0; lt = xml.indexOf("<", s.pos)) {
    s.pos = lt;
    if (xml.startsWith("<!--", lt)) s.skipPast("-->", "comment");
    else if (xml.startsWith("<![CDATA[", lt)) s.skipPast("]]>", "CDATA section");
    else if (xml.startsWith("<?", lt)) s.skipPast("?>", "processing instruction");
    else if (xml.startsWith("<!", lt)) s.fail("a DOCTYPE or declaration, which Office parts never have");
    else if (xml.startsWith("</", lt)) {
      s.pos = lt + 2;
      const qname = s.name();
      s.skipSpace();
      if (xml.charAt(s.pos) !== ">") s.fail(`the end tag </${qname}> is not closed`);
      s.pos++;
      const matching = open.pop();
      if (!matching || matching.qname !== qname) throw notWellFormed(part, `</${qname}> does not close <${matching?.qname ?? "nothing"}>`);
      yield { ...matching, kind: "end", start: lt, end: s.pos, attributes: [] };
    } else {
      if (open.length === 0 && seenRoot) s.fail("a second root element");
      s.pos = lt + 1;
      const qname = s.name();
      const attributes: XmlAttribute[] = [];
      const empty = s.attributes(attributes);
      const scope = scopeOf(open[open.length - 1]?.scope ?? ROOT_SCOPE, attributes);
      const [prefix, local] = splitName(qname);
      const namespace = scope.get(prefix) ?? null;
      if (prefix !== "" && namespace === null) s.fail(`the prefix "${prefix}" is not declared`);
      const tag: XmlTag = { kind: empty ? "empty" : "start", qname, local, namespace: namespace === "" ? null : namespace, start: lt, end: s.pos, attributes, scope, depth: open.length };
      seenRoot = true;
      if (!empty) open.push(tag);
      yield tag;
    }
  }
  if (open.length > 0) s.fail(`<${open[open.length - 1]?.qname ?? ""}> is not closed`);
  if (!seenRoot) s.fail("no root element");
}

/** The value of the tag's attribute in that namespace (null: an unprefixed attribute), or undefined. */
export function attributeValue(tag: XmlTag, namespace: string | null, local: string): string | undefined {
  for (const a of tag.attributes) {
    const [prefix, name] = splitName(a.qname);
    if (name !== local || prefix === "xmlns" || a.qname === "xmlns") continue;
    if (namespace === null ? prefix === "" : prefix !== "" && tag.scope.get(prefix) === namespace) return a.value;
  }
  return undefined;
}

/** A non-empty prefix bound to the namespace in the scope, or null. */
export function prefixFor(scope: ReadonlyMap<string, string>, namespace: string): string | null {
  for (const [prefix, uri] of scope) if (prefix !== "" && uri === namespace) return prefix;
  return null;
}

/** The element's qualified name for a new sibling or child of `tag` in the same namespace: the prefix it uses. */
export function qualified(tag: XmlTag, local: string): string {
  const colon = tag.qname.indexOf(":");
  return colon < 0 ? local : `${tag.qname.slice(0, colon + 1)}${local}`;
}
