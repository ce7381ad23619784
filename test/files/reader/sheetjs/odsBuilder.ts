/** Small .ods files written in the test, for the cases no producer makes: hostile repeats, lying zips. */
import { zipSync } from "fflate";

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
].join(" ");

/** content.xml around the given automatic styles and tables. */
export function contentXml(tables: string, styles = ""): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES} office:version="1.2">` +
    `<office:automatic-styles>${styles}</office:automatic-styles>` +
    `<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`
  );
}

export function numberCell(value: number, attributes = ""): string {
  return `<table:table-cell office:value-type="float" office:value="${value}" ${attributes}><text:p>${value}</text:p></table:table-cell>`;
}

export function textCell(text: string): string {
  return `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;
}

const MANIFEST =
  '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
  '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>';

/**
 * An .ods zip: the mimetype entry first and stored, as OpenDocument requires (the sniffer relies on it), and a
 * manifest (SheetJS tells an OpenDocument zip by it) and an empty styles.xml (SheetJS needs one); `extra` adds
 * or replaces entries.
 */
export function odsZip(content: string, extra: Record<string, string> = {}): Uint8Array {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [encode("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "META-INF/manifest.xml": encode(MANIFEST),
    "styles.xml": encode(`<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NAMESPACES} office:version="1.2"/>`),
    "content.xml": encode(content),
  };
  for (const [name, text] of Object.entries(extra)) entries[name] = encode(text);
  return zipSync(entries);
}

/** The zip with one entry's declared (uncompressed) size in the central directory changed. */
export function withDeclaredSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength));
    if (name === entryName) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${entryName}`);
}
