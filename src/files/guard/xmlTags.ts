/**
 * Just enough XML to find and cut elements in worksheet and workbook parts without a parser:
 * start tags of one name (unprefixed, as exceljs matches names literally), their attributes with
 * entities decoded as the XML parser would, and the extent of each element.
 */

export interface StartTag {
  /** Index of "<". */
  start: number;
  /** Index just past ">". */
  end: number;
  selfClosing: boolean;
  attributes: ReadonlyMap<string, string>;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function startTagPattern(name: string): RegExp {
  // Quoted values may hold ">" and "/", so attributes are matched whole rather than with [^>]*.
  // Sticky: it is tried only where "<name" stands (see startTagMatches).
  return new RegExp(`<${name}(?=[\\s/>])((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, "y");
}

/**
 * The matches xml.matchAll would give for the start-tag pattern with the g flag, found faster:
 * every match begins with the text "<name", so indexOf (much quicker over a 30 MB sheet than the
 * regular expression's own scan) finds the candidates, and the pattern is tried at each, leftmost
 * first, resuming after each match as matchAll does.
 */
function* startTagMatches(xml: string, name: string): Generator<RegExpExecArray> {
  const pattern = startTagPattern(name);
  const opening = `<${name}`;
  for (let at = xml.indexOf(opening); at >= 0; ) {
    pattern.lastIndex = at;
    const match = pattern.exec(xml);
    if (match) {
      yield match;
      at = xml.indexOf(opening, match.index + match[0].length);
    } else {
      at = xml.indexOf(opening, at + 1);
    }
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body.startsWith("#x") ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const [, key, doubleQuoted, singleQuoted] = match;
    if (key !== undefined) attributes.set(key, decodeEntities(doubleQuoted ?? singleQuoted ?? ""));
  }
  return attributes;
}

export function* startTags(xml: string, name: string): Generator<StartTag> {
  for (const match of startTagMatches(xml, name)) {
    yield { start: match.index, end: match.index + match[0].length, selfClosing: match[2] === "/", attributes: parseAttributes(match[1] ?? "") };
  }
}

/**
 * One attribute of every start tag of this name, as startTags(xml, name) would give it in
 * tag.attributes.get(key), without building the other attributes: a sheet has a <row> per row.
 */
export function* attributeOfStartTags(xml: string, name: string, key: string): Generator<string | undefined> {
  for (const match of startTagMatches(xml, name)) {
    let value: string | undefined;
    // The last occurrence wins, as in parseAttributes' Map.
    for (const attribute of (match[1] ?? "").matchAll(ATTRIBUTE)) {
      if (attribute[1] === key) value = attribute[2] ?? attribute[3] ?? "";
    }
    yield value === undefined ? undefined : decodeEntities(value);
  }
}

/** The end tag of an element that starts at tag, or null when there is none. */
function findEndTag(xml: string, name: string, tag: StartTag): { start: number; end: number } | null {
  const pattern = new RegExp(`</${name}\\s*>`, "g");
  pattern.lastIndex = tag.end;
  const match = pattern.exec(xml);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** Index just past the element that starts with this tag (its own end tag, or the tag itself). */
export function elementEnd(xml: string, name: string, tag: StartTag): number {
  if (tag.selfClosing) return tag.end;
  return findEndTag(xml, name, tag)?.end ?? tag.end;
}

/** Text between an element's start and end tags, entities decoded. */
export function elementText(xml: string, name: string, tag: StartTag): string {
  if (tag.selfClosing) return "";
  const endTag = findEndTag(xml, name, tag);
  return decodeEntities(xml.slice(tag.end, endTag ? endTag.start : tag.end).replace(/<!\[CDATA\[|\]\]>/g, ""));
}

export interface Splice {
  start: number;
  end: number;
  replacement: string;
}

/** Applies non-overlapping splices (overlapping ones after the first are skipped). */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const splice of ordered) {
    if (splice.start < cursor) continue;
    parts.push(xml.slice(cursor, splice.start), splice.replacement);
    cursor = splice.end;
  }
  parts.push(xml.slice(cursor));
  return parts.join("");
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
