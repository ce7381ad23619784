/**
 * The byte tokenizer (src/files/reader/xlsx/xml/) against saxes, the XML parser the reader used before
 * it (kept for .ods): the same events for the same documents, however the bytes are sliced; malformed
 * documents rejected by both; and its own bounds.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { XmlDoctypeError, XmlLimitError, XmlSyntaxError } from "../../../../src/files/reader/xlsx/xml/syntaxError";
import { MAX_DEPTH, MAX_RUN_BYTES, XmlTokenizer } from "../../../../src/files/reader/xlsx/xml/tokenizer";

type Event = string;

function localOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Events as one list of strings; adjacent text pieces joined (either parser may split text). */
function push(events: Event[], event: Event): void {
  const last = events.at(-1);
  if (event.startsWith("text:") && last?.startsWith("text:")) events[events.length - 1] = last + event.slice(5);
  else events.push(event);
}

function viaSaxes(xml: string): Event[] {
  const events: Event[] = [];
  let depth = 0;
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    depth++;
    push(events, `open:${localOf(tag.name)}${JSON.stringify(Object.entries(tag.attributes).sort())}`);
  });
  parser.on("closetag", (tag) => {
    depth--;
    push(events, `close:${localOf(tag.name)}`);
  });
  // White space outside the root element: saxes reports it, the tokenizer checks it and drops it.
  parser.on("text", (text) => depth > 0 && push(events, `text:${text}`));
  parser.on("cdata", (text) => push(events, `text:${text}`));
  parser.write(xml).close();
  return events.filter((e) => e !== "text:");
}

function viaTokenizer(bytes: Uint8Array, cuts: readonly number[] = []): Event[] {
  const events: Event[] = [];
  const tokenizer = new XmlTokenizer({
    open(name, attributes) {
      const entries: [string, string][] = [];
      for (let i = 0; i < attributes.count; i++) entries.push([attributes.nameAt(i), attributes.valueAt(i)]);
      push(events, `open:${name}${JSON.stringify(entries.sort())}`);
    },
    close: (name) => push(events, `close:${name}`),
    text: (text) => push(events, `text:${text}`),
  });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.write(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  tokenizer.write(bytes.subarray(from));
  tokenizer.end();
  return events.filter((e) => e !== "text:");
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function outcome(run: () => Event[]): Event[] | "rejected" {
  try {
    return run();
  } catch {
    return "rejected";
  }
}

const SAMPLES = [
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="urn:x" xmlns:r="urn:r"><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>45894.5</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; &#233;&#x1F600; </t></is></c></row></sheetData></worksheet>`,
  `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row><x:c t='str'><x:f>A1&amp;"x"</x:f><x:v>é ü 中文 😀</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  `<a><!-- a comment with <tags> & such --><b attr = "1"  other='two words'/><![CDATA[ <raw> & text ]]><?pi some data?></a>`,
  `<a b="line&#10;break" c="tab\there" d="cr\r\nlf">text\r\nwith\rbreaks</a>`,
  `<root>\n  <empty/>\n  <nested><deeper><deepest>x</deepest></deeper></nested>\n</root>\n`,
  `<sst count="2"><si><t>plain</t></si><si><r><rPr><b/></rPr><t>rich </t></r><r><t>runs</t></r><rPh><t>フリガナ</t></rPh></si></sst>`,
];

const MALFORMED = [
  "",
  "   ",
  "<a>",
  "<a></b>",
  "<a></a><b/>",
  "text<a/>",
  "<a/>text",
  "<a>&nbsp;</a>",
  "<a>& b</a>",
  "<a>&#0;</a>",
  '<a b="1"c="2"/>',
  "<a b/>",
  "<a b=1/>",
  '<a b="<"/>',
  '<a b="1/>',
  "<a><!-- unclosed </a>",
  "<a><![CDATA[ unclosed </a>",
  "<a><!NOTATION x></a>",
  "<1a/>",
  "< a/>",
  "<a></a >x",
  "</a>",
  "<a><b></a></b>",
  "<a / >",
];

describe("the byte tokenizer reads XML as saxes does", () => {
  it.each(SAMPLES.map((xml, i) => [i, xml]))("sample %i, whole and cut at every byte", (_i, xml) => {
    const expected = viaSaxes(xml as string);
    const bytes = utf8(xml as string);
    expect(viaTokenizer(bytes)).toEqual(expected);
    for (let cut = 1; cut < bytes.length; cut++) expect(viaTokenizer(bytes, [cut])).toEqual(expected);
  });

  it.each(MALFORMED.map((xml) => [JSON.stringify(xml), xml]))("rejects %s, as saxes does", (_label, xml) => {
    expect(outcome(() => viaSaxes(xml as string))).toBe("rejected");
    expect(() => viaTokenizer(utf8(xml as string))).toThrow(XmlSyntaxError);
  });

  it("gives the same events as saxes for generated documents cut anywhere", () => {
    const name = fc.constantFrom("a", "b", "x:c", "row", "é", "_n.1-2");
    const text = fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r\n", "&amp;", "&lt;", "&#233;", "é", "😀", ">", "'", '"'), maxLength: 8 });
    const attribute = fc.tuple(fc.constantFrom("r", "s", "t", "x:id", "xmlns:x"), text, fc.constantFrom('"', "'"), fc.constantFrom("", " ", "\n"));
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(name, fc.uniqueArray(attribute, { maxLength: 3, selector: (a) => a[0] }), fc.array(fc.oneof(text, depth > 1 ? element(depth - 1) : text, fc.constant("<!--c-->"), fc.constant("<![CDATA[<&>]]>")), { maxLength: 4 }))
        .map(([tag, attrs, children]) => {
          const written = attrs.map(([n, v, q, sp]) => ` ${n}${sp}=${sp}${q}${q === '"' ? v.replace(/"/g, "&quot;") : v.replace(/'/g, "&apos;")}${q}`).join("");
          return children.length === 0 ? `<${tag}${written}/>` : `<${tag}${written}>${children.join("")}</${tag}>`;
        }),
    );
    fc.assert(
      fc.property(element(4), fc.array(fc.nat(), { maxLength: 4 }), (xml, cuts) => {
        const bytes = utf8(xml);
        expect(viaTokenizer(bytes, cuts.map((c) => c % (bytes.length + 1)))).toEqual(viaSaxes(xml));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the byte tokenizer's bounds", () => {
  it("refuses a DOCTYPE, also when it is split between slices", () => {
    const xml = utf8(`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`);
    expect(() => viaTokenizer(xml)).toThrow(XmlDoctypeError);
    for (let cut = 20; cut < 32; cut++) expect(() => viaTokenizer(xml, [cut])).toThrow(XmlDoctypeError);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH}`, () => {
    expect(viaTokenizer(utf8("<a>".repeat(MAX_DEPTH) + "</a>".repeat(MAX_DEPTH)))).toHaveLength(2 * MAX_DEPTH);
    expect(() => viaTokenizer(utf8("<a>".repeat(MAX_DEPTH + 1)))).toThrow(XmlLimitError);
  });

  it("refuses an element with more than 256 attributes", () => {
    const many = (n: number) => utf8(`<a ${Array.from({ length: n }, (_, i) => `a${i}="1"`).join(" ")}/>`);
    expect(viaTokenizer(many(256))).toHaveLength(2);
    expect(() => viaTokenizer(many(257))).toThrow(XmlLimitError);
  });

  it("refuses a text longer than the limit, whole or arriving in small slices, scanning each byte a bounded number of times", () => {
    const long = new Uint8Array(MAX_RUN_BYTES + 10).fill(0x61);
    long.set(utf8("<a>"), 0);
    expect(() => viaTokenizer(long)).toThrow(XmlLimitError);
    let scanned = 0;
    const tokenizer = new XmlTokenizer({ open() {}, text() {} });
    const counting = tokenizer as unknown as { scan(bytes: Uint8Array, pos: number, to: number, final: boolean): number };
    const scan = counting.scan.bind(tokenizer);
    counting.scan = (bytes, pos, to, final) => {
      scanned += to - pos;
      return scan(bytes, pos, to, final);
    };
    const slice = 4096;
    expect(() => {
      for (let at = 0; at < long.length; at += slice) tokenizer.write(long.subarray(at, at + slice));
    }).toThrow(XmlLimitError);
    // Scanned again only when the bytes held have doubled: at most about twice, plus the first look at each slice.
    expect(scanned).toBeLessThan(3 * long.length + 2 * slice);
  });

  it("reads text split anywhere inside a multi-byte character", () => {
    const bytes = utf8("<t>a😀é中b</t>");
    for (let cut = 1; cut < bytes.length; cut++) expect(viaTokenizer(bytes, [cut])).toEqual(["open:t[]", "text:a😀é中b", "close:t"]);
  });

  it("decodes only the text a handler wants, and still refuses an undefined entity in text it skips", () => {
    const texts: string[] = [];
    let wanted = false;
    const run = (xml: string) => {
      const tokenizer = new XmlTokenizer({ open: (name) => (wanted = name === "v"), close: () => (wanted = false), text: (t) => texts.push(t), wantsText: () => wanted });
      tokenizer.write(utf8(xml));
      tokenizer.end();
    };
    run("<c><f>skipped &amp; never decoded</f><v>1&lt;2</v></c>");
    expect(texts).toEqual(["1<2"]);
    expect(() => run("<c><f>&bogus;</f></c>")).toThrow(XmlSyntaxError);
  });
});
