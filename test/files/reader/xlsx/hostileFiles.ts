/**
 * The hostile .xlsx files of issue 10 and docs/security.md, built in memory: read by ./hostile.test.ts (outcome
 * and peak memory asserted) and timed by `npm run bench` (scripts/bench/hostile.ts: each within 2 s?). Each is
 * small on disk and built to hurt a reader that expands, allocates by column letter or trusts declared sizes.
 */
import { deflateRawSync } from "node:zlib";
import type { ReadLimits } from "../../../../src/files/reader/types";
import { buildZip, rawEntriesOf, type RawEntry } from "../../../helpers/zipBuild";
import { buildXlsx, oneSheet, workbookParts, worksheetXml, zipParts } from "./buildXlsx";

const MB = 1024 * 1024;

export interface HostileFile {
  readonly name: string;
  /** What it is, for the benchmark's table. */
  readonly what: string;
  readonly build: () => Uint8Array;
  /** Lower limits than the defaults, where the case is about a limit (the command line reads with the defaults). */
  readonly limits?: Partial<ReadLimits>;
}

/** Node's zlib deflates the hundreds of megabytes these files hold in a fraction of fflate's time. */
const deflate = (data: Uint8Array): Uint8Array => new Uint8Array(deflateRawSync(data, { level: 1 }));

/** The package with every sheet part holding the same (already deflated) XML: deflated once. */
function sameSheetEverywhere(sheetCount: number, xml: string, declaredSize = Buffer.byteLength(xml)): Uint8Array {
  const sheets = Array.from({ length: sheetCount }, (_, i) => ({ name: `S${i + 1}`, xml: "" }));
  const parts = workbookParts({ sheets });
  const sheetData = deflate(Buffer.from(xml));
  const entries = rawEntriesOf(zipParts(parts)).map((entry): RawEntry => (entry.name.startsWith("xl/worksheets/") ? { ...entry, data: sheetData, declaredSize } : entry));
  return buildZip(entries);
}

export const HEADER = `<row r="1"><c r="A1" t="inlineStr"><is><t>Trust ODS code</t></is></c></row>`;

function rowsOf(count: number, row: (r: number) => string, first = 1): string {
  const rows: string[] = [];
  for (let r = first; r < first + count; r++) rows.push(row(r));
  return rows.join("");
}

export const HOSTILE_FILES: readonly HostileFile[] = [
  {
    name: "unclosed-validations.xlsx",
    what: "80,000 unclosed `<dataValidation>` tags",
    build: () => buildXlsx({ sheets: [{ name: "S", xml: worksheetXml(HEADER, `<dataValidations count="80000">${`<dataValidation type="list" sqref="A1">`.repeat(80_000)}</dataValidations>`) }] }),
  },
  {
    name: "closed-validations.xlsx",
    what: "300,000 closed data validations over A1:XFD1048576",
    build: () =>
      buildXlsx({ sheets: [{ name: "S", xml: worksheetXml(HEADER, `<dataValidations count="300000">${`<dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation>`.repeat(300_000)}</dataValidations>`) }] }),
  },
  {
    name: "column-xfd.xlsx",
    what: "40,000 rows whose only value is in column XFD",
    build: () => oneSheet(HEADER + rowsOf(40_000, (r) => `<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`, 2)),
  },
  {
    name: "wide-rows.xlsx",
    what: "10,000 rows each with a value in column AMJ (`maxCells` 1,000,000)",
    build: () => oneSheet(rowsOf(10_000, (r) => `<row r="${r}"><c r="AMJ${r}"><v>1</v></c></row>`)),
    limits: { maxCells: 1_000_000 },
  },
  {
    name: "merges.xlsx",
    what: "400 sheets, each with a 100,000-cell merge",
    build: () => buildXlsx({ sheets: Array.from({ length: 400 }, (_, i) => ({ name: `S${i + 1}`, xml: worksheetXml(HEADER, `<mergeCells count="1"><mergeCell ref="A1:CV1000"/></mergeCells>`) })) }),
  },
  {
    name: "empty-rows.xlsx",
    what: "20 sheets of a million empty `<row/>` each",
    build: () => sameSheetEverywhere(20, worksheetXml("<row/>".repeat(1_000_000))),
  },
  {
    name: "long-string.xlsx",
    what: "a 1 MB shared string referenced by 1,000 cells",
    build: () => oneSheet(rowsOf(1_000, (r) => `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`), { sharedStrings: ["x".repeat(MB)] }),
  },
  {
    name: "lying-entry.xlsx",
    what: "an entry declaring 1 KB that holds 150 MB of zeros",
    build: () => {
      const entries = rawEntriesOf(zipParts(workbookParts({ sheets: [{ name: "S", xml: worksheetXml(HEADER) }] })));
      const zeros: RawEntry = { name: "xl/worksheets/sheet1.xml", method: 8, data: deflate(new Uint8Array(150 * MB)), declaredSize: 1024 };
      return buildZip([...entries.filter((e) => e.name !== zeros.name), zeros]);
    },
  },
  {
    name: "inflation-budget.xlsx",
    what: "an honest sheet that unpacks past `maxInflatedBytes` (20 MB here)",
    build: () => sameSheetEverywhere(1, worksheetXml(HEADER, `<mergeCells>${`<mergeCell ref="A1:B2"/>`.repeat(2_000_000)}</mergeCells>`)),
    limits: { maxInflatedBytes: 20 * MB },
  },
];

export function hostileFile(name: string): HostileFile {
  const file = HOSTILE_FILES.find((f) => f.name === name);
  if (!file) throw new Error(`no hostile file named ${name}`);
  return file;
}
