/**
 * context.sync() calls and request bytes per task-pane operation, through the fake Excel of
 * test/office/fakeExcel.ts (what the gateway's tests run against): it counts syncs per Excel.run and
 * the bytes of each sync's request, the JSON of its commands as Office.js posts it (context.requestBytes:
 * what Excel on the web's 5 MB limit applies to), of which `cellBytes` are cell data (values, formulas,
 * number formats, table rows, conditional-format addresses). A read's response size is given as the
 * JSON of the values read. Prints one JSON array on stdout for scripts/bench.js.
 */
import type { CellValue } from "../../src/core/cells";
import { scoreReturn } from "../../src/core/calc";
import { createStamp, stampToRows } from "../../src/core/stamp";
import { buildTemplate } from "../../src/core/template/build";
import { validateSheet } from "../../src/core/validate";
import { createOfficeGateway } from "../../src/office/officeGateway";
import type { CellMark, CellWrite, FiguresSheet } from "../../src/app/gateway";
import { fakeHost, FakeWorkbook, type FakeHost } from "../../test/office/fakeExcel";
import { returnGrid } from "./generate";

export interface OfficeFigure {
  operation: string;
  rows: number;
  /** What the operation handled: cells read, marks, writes. */
  items: number;
  syncs: number;
  runs: number;
  requestBytes: number;
  cellBytes: number;
  responseBytes?: number;
}

type Scalar = string | number | boolean | null;

/** Office.js hands dates over as serials; the fake workbook holds plain values. */
function scalar(cell: CellValue): Scalar {
  if (cell instanceof Date) return Math.round(cell.getTime() / 86_400_000) + 25_569;
  if (cell !== null && typeof cell === "object") return cell.code;
  return cell;
}

function workbookWithReturn(rows: number): { host: FakeHost; grid: ReturnType<typeof returnGrid> } {
  const book = new FakeWorkbook();
  const grid = returnGrid(rows);
  book.addSheet("Trusts").seed(grid.rows.map((r) => r.map(scalar)));
  return { host: fakeHost(book), grid };
}

/** Syncs and bytes of every Excel.run since `from`. */
function tally(host: FakeHost, from: number): { syncs: number; runs: number; requestBytes: number; cellBytes: number } {
  const contexts = host.contexts.slice(from);
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  return {
    syncs: contexts.reduce((n, c) => n + c.syncCount, 0),
    runs: contexts.length,
    requestBytes: contexts.reduce((n, c) => n + sum(c.requestBytes), 0),
    cellBytes: contexts.reduce((n, c) => n + sum(c.payloads), 0),
  };
}

async function measure(host: FakeHost, operation: string, rows: number, items: number, work: () => Promise<unknown>): Promise<OfficeFigure> {
  const from = host.contexts.length;
  await work();
  return { operation, rows, items, ...tally(host, from) };
}

function figuresOf(rows: number): FiguresSheet {
  const { trusts } = validateSheet(returnGrid(rows), { submitted: "2023-11-15" });
  const score = scoreReturn(trusts, { profile: "dec-2023" });
  const table: Scalar[][] = [["Figure", "Value"]];
  const add = (prefix: string, value: object): void => {
    for (const [key, v] of Object.entries(value)) {
      if (v !== null && typeof v === "object") add(`${prefix}${key}.`, v);
      else table.push([`${prefix}${key}`, v as Scalar]);
    }
  };
  add("", score);
  return { name: "EPR Scores", rows: table };
}

export async function measureOffice(rows: number): Promise<OfficeFigure[]> {
  const { host, grid } = workbookWithReturn(rows);
  const gateway = createOfficeGateway(host);
  const figures: OfficeFigure[] = [];

  let read: Awaited<ReturnType<typeof gateway.readSheet>> | null = null;
  const readFigure = await measure(host, "read sheet", rows, grid.rows.length * 20, async () => {
    read = await gateway.readSheet("Trusts");
  });
  figures.push({ ...readFigure, responseBytes: JSON.stringify(read === null ? [] : (read as { rows: unknown }).rows).length });

  const result = validateSheet(grid, { submitted: "2023-11-15" });
  const marks: CellMark[] = result.issues.map((i) => ({ address: i.cell, severity: i.severity }));
  figures.push(await measure(host, "mark cells", rows, marks.length, () => gateway.markCells("Trusts", marks)));
  figures.push(await measure(host, "clear marks", rows, marks.length, () => gateway.clearMarks("Trusts")));

  const fixes: CellWrite[] = result.issues.flatMap((i) => (i.replacement === undefined || typeof i.replacement === "object" ? [] : [{ address: i.cell, value: i.replacement }]));
  figures.push(await measure(host, "write fixes", rows, fixes.length, () => gateway.writeCells("Trusts", fixes)));

  const spec = buildTemplate();
  let plan: Awaited<ReturnType<typeof gateway.planTemplate>> | null = null;
  figures.push(await measure(host, "insert template", rows, spec.sheets.length, async () => {
    plan = await gateway.planTemplate(spec);
    await gateway.insertTemplate(spec, plan);
  }));

  // Merge: the return's trust rows added to the inserted template's table, each with its source.
  const table = (plan as { sheets: { templateName: string; name: string }[] } | null)?.sheets.find((s) => s.templateName === "Trusts")?.name ?? "Trusts";
  const trustRows = grid.rows.slice(1);
  figures.push(await measure(host, "merge rows", rows, trustRows.length, () => gateway.appendTrustRows(table, trustRows, { sources: trustRows.map((_, i) => `north.xlsx › Trusts › row ${i + 2}`) })));

  const sheet = figuresOf(rows);
  figures.push(await measure(host, "write figures", rows, sheet.rows.length, () => gateway.writeFigures(sheet)));

  const stamp = await createStamp({ sheet: "Trusts", ics: null, trusts: result.trusts, warnings: 0, stampedAt: new Date("2023-11-15T09:30:00Z") });
  const stampRows = stampToRows(stamp);
  figures.push(await measure(host, "write stamp", rows, stampRows.length, () => gateway.writeStampSheet(stampRows)));
  return figures;
}

if (require.main === module) {
  (async () => {
    const all: OfficeFigure[] = [];
    for (const rows of [10, 1_000, 10_000]) all.push(...(await measureOffice(rows)));
    process.stdout.write(`${JSON.stringify(all)}\n`);
  })().catch((error: unknown) => {
    process.stderr.write(`office.ts: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
