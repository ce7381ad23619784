/**
 * The national report's benchmark returns: N typical ICS returns of 10 trusts each, or NxT: N returns of T trusts
 * (the template with the rows of generate.ts, every trust code unique across the set, an NHS region on each ICS
 * sheet), written once into DIR/report-returns-SET and reused. The returns of a set differ in their names and codes
 * only: the report's work per return is reading it, which the same shape and size measures.
 * Usage: report-returns.ts DIR SET... ; prints { SET: { dir, returns, trustRows } }.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { join } from "node:path";
import { REGIONS } from "../../src/core/enums";
import { icsValueCell } from "../../src/core/template/ics";
import { writeIcsDetails, writeTrustsTable } from "../../src/files/writeRows";
import { templateWorkbook } from "../../src/files/writeTemplate";
import { trustRows } from "./generate";

const TRUSTS_PER_RETURN = 10;

/** A trust code no other return of the set uses: R, then the return's and the row's numbers in base 36. */
const codeOf = (ret: number, row: number): string => `R${ret.toString(36).toUpperCase().padStart(2, "0")}${row.toString(36).toUpperCase()}`;

/** The first return's parts, written once with exceljs; every other return is it with its own names and codes. */
function firstReturn(trusts: number): Promise<Buffer> {
  const wb = templateWorkbook();
  writeIcsDetails(wb, { icsName: icsNameOf(0), icbCode: icbCodeOf(0), contactName: null, contactEmail: null, submissionDate: "2023-11-15", targetProfile: "dec-2023" });
  const ics = wb.getWorksheet("ICS");
  if (!ics) throw new Error("the template has no ICS sheet");
  ics.getCell(icsValueCell("region")).value = regionOf(0);
  writeTrustsTable(wb, trustRows(trusts, 1000).map((row, i) => [codeOf(0, i), ...row.slice(1)]));
  return wb.xlsx.writeBuffer().then((b) => Buffer.from(b));
}

const icsNameOf = (i: number): string => `Benchmark ICS ${i + 1}`;
const icbCodeOf = (i: number): string => `Q${i.toString(36).toUpperCase().padStart(2, "0")}`;
const regionOf = (i: number): string => REGIONS[i % REGIONS.length] ?? "London";

/**
 * Return `index`: the first return's zip with its ICS name, ICB code, region and trust codes replaced in the XML
 * (each a whole cell text, so `>text<`). Writing each with exceljs takes most of a second (the template's helper
 * sheet): 500 would take minutes; this takes milliseconds and gives files of the same shape and size.
 */
function returnOf(first: Readonly<Record<string, Uint8Array>>, trusts: number, index: number): Uint8Array {
  const swaps: [string, string][] = [
    [icsNameOf(0), icsNameOf(index)], [icbCodeOf(0), icbCodeOf(index)], [regionOf(0), regionOf(index)],
    ...Array.from({ length: trusts }, (_, r): [string, string] => [codeOf(0, r), codeOf(index, r)]),
  ];
  const parts: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(first)) {
    if (!name.endsWith(".xml")) {
      parts[name] = bytes;
      continue;
    }
    let xml = strFromU8(bytes);
    for (const [from, to] of swaps) xml = xml.split(`>${from}<`).join(`>${to}<`);
    parts[name] = strToU8(xml);
  }
  return zipSync(parts);
}

const nameOf = (i: number): string => `ics-${String(i + 1).padStart(3, "0")}.xlsx`;

/** The folder of `count` returns (files already there are kept: return i is the same file in every set). */
async function folderOf(dir: string, set: string): Promise<{ dir: string; returns: number; trustRows: number }> {
  const [count = 0, trusts = TRUSTS_PER_RETURN] = set.split("x").map(Number);
  const folder = join(dir, `report-returns-${set}`);
  let first: Record<string, Uint8Array> | null = null;
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const path = join(folder, nameOf(i));
    if (existsSync(path)) continue;
    first ??= unzipSync(await firstReturn(trusts));
    writeFileSync(path, returnOf(first, trusts, i));
  }
  const returns = readdirSync(folder).filter((f) => f.endsWith(".xlsx")).length;
  if (returns !== count) throw new Error(`${folder} holds ${returns} returns, not ${count}: empty it and run again`);
  return { dir: folder, returns, trustRows: count * trusts };
}

async function main(): Promise<void> {
  const [dir, ...counts] = process.argv.slice(2);
  if (!dir || counts.length === 0 || counts.some((c) => !/^\d+(x\d+)?$/.test(c))) throw new Error("usage: report-returns.ts DIR N[xTRUSTS]...");
  const out: Record<string, unknown> = {};
  for (const set of counts) out[set] = await folderOf(dir, set);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
