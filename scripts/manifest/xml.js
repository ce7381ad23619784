/**
 * A small XML reader for the add-in manifest: elements, attributes and text,
 * with comments, processing instructions and CDATA handled. It is enough for
 * the manifest's own checks (check.js); full structural validation is the XSD
 * check's job (xsd.js). Kept dependency-free on purpose: the project declares
 * no XML parser, and these checks must run wherever `npm run validate` does.
 */

/** @typedef {{ name: string, attributes: Record<string, string>, children: XmlElement[], text: string, line: number }} XmlElement */

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body) => {
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });
}

class XmlSyntaxError extends Error {
  constructor(message, line) {
    super(`line ${line}: ${message}`);
    this.name = "XmlSyntaxError";
  }
}

function lineAt(text, index) {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/y;

function parseAttributes(source, start, end, line) {
  const attributes = {};
  let i = start;
  while (i < end) {
    while (i < end && /\s/.test(source[i] ?? "")) i += 1;
    if (i >= end) break;
    ATTRIBUTE.lastIndex = i;
    const match = ATTRIBUTE.exec(source);
    if (!match || match.index !== i || ATTRIBUTE.lastIndex > end) throw new XmlSyntaxError("malformed attribute", line);
    const name = match[1] ?? "";
    if (Object.prototype.hasOwnProperty.call(attributes, name)) throw new XmlSyntaxError(`attribute ${name} given twice`, line);
    attributes[name] = decodeEntities(match[3] ?? match[4] ?? "");
    i = ATTRIBUTE.lastIndex;
  }
  return attributes;
}

/** Finds the `>` that closes a tag opened at `from`, skipping `>` inside quoted attribute values. */
function tagEnd(source, from) {
  let quote = null;
  for (let i = from; i < source.length; i += 1) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return i;
    }
  }
  return -1;
}

/**
 * Parses a document and returns its root element.
 * @param {string} source
 * @returns {XmlElement}
 * @throws {XmlSyntaxError} when the text is not well-formed enough to read
 */
function parseXml(source) {
  const stack = [];
  let root = null;
  let i = 0;
  const skipUntil = (marker, what) => {
    const end = source.indexOf(marker, i);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what}`, lineAt(source, i));
    return end + marker.length;
  };
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const text = source.slice(i, lt < 0 ? source.length : lt);
    const parent = stack[stack.length - 1];
    if (parent) parent.text += decodeEntities(text);
    else if (text.trim() !== "") throw new XmlSyntaxError("text outside the root element", lineAt(source, i));
    if (lt < 0) break;
    i = lt;
    if (source.startsWith("<!--", i)) {
      i = skipUntil("-->", "comment");
    } else if (source.startsWith("<?", i)) {
      i = skipUntil("?>", "processing instruction");
    } else if (source.startsWith("<![CDATA[", i)) {
      const end = skipUntil("]]>", "CDATA section");
      if (parent) parent.text += source.slice(i + 9, end - 3);
      i = end;
    } else if (source.startsWith("<!", i)) {
      i = skipUntil(">", "declaration");
    } else if (source.startsWith("</", i)) {
      const end = tagEnd(source, i);
      if (end < 0) throw new XmlSyntaxError("unterminated closing tag", lineAt(source, i));
      const name = source.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) {
        throw new XmlSyntaxError(`closing tag </${name}> does not match <${open ? open.name : "(none)"}>`, lineAt(source, i));
      }
      i = end + 1;
    } else {
      const end = tagEnd(source, i);
      const line = lineAt(source, i);
      if (end < 0) throw new XmlSyntaxError("unterminated tag", line);
      const selfClosing = source[end - 1] === "/";
      const body = source.slice(i + 1, selfClosing ? end - 1 : end);
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch) throw new XmlSyntaxError("tag without a name", line);
      const element = {
        name: nameMatch[0],
        attributes: parseAttributes(body, nameMatch[0].length, body.length, line),
        children: [],
        text: "",
        line,
      };
      if (parent) parent.children.push(element);
      else if (root) throw new XmlSyntaxError("more than one root element", line);
      else root = element;
      if (!selfClosing) stack.push(element);
      i = end + 1;
    }
  }
  if (stack.length > 0) throw new XmlSyntaxError(`<${stack[stack.length - 1].name}> is never closed`, lineAt(source, source.length));
  if (!root) throw new XmlSyntaxError("no root element", 1);
  return root;
}

/** Name without its namespace prefix: `bt:Image` → `Image`. */
function localName(name) {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Every element under (and including) `root`, depth first, each with its ancestors' local names. */
function walk(root) {
  const out = [];
  const visit = (element, ancestors) => {
    out.push({ element, ancestors });
    const path = [...ancestors, localName(element.name)];
    for (const child of element.children) visit(child, path);
  };
  visit(root, []);
  return out;
}

module.exports = { parseXml, localName, walk, XmlSyntaxError };
