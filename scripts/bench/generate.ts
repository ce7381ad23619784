/**
 * Realistic return workbooks of any size for benchmarks: a template with N trust rows drawn from
 * the shapes real returns take (every status and plan, aliases and text dates in a tenth of rows).
 */
import type ExcelJS from "exceljs";
import { existsSync } from "node:fs";
import type { CellValue, SheetData } from "../../src/core/cells";
import { COLUMNS } from "../../src/core/columns";
import { PLANS, STATUSES, SUPPLIERS, TRUST_TYPES } from "../../src/core/enums";
import { templateWorkbook } from "../../src/files/writeTemplate";
import { writeIcsDetails, writeTrustsTable } from "../../src/files/writeRows";

/** A small deterministic generator (mulberry32), so every run benchmarks the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALIASES = ["Cerner", "Lorenzo", "SystmOne", "RiO", "EpicCare"];

export function trustRows(count: number, seed = 42): CellValue[][] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const date = (from: number, to: number): Date => new Date(Date.UTC(from + Math.floor(next() * (to - from)), Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
  const rows: CellValue[][] = [];
  for (let i = 0; i < count; i++) {
    const code = `${i % 2 ? "R" : "T"}${(i % 1296).toString(36).toUpperCase().padStart(2, "0")}`;
    const status = pick(STATUSES);
    const live = status === "Live" || status === "Implementing";
    const plan = live ? pick(PLANS) : pick(["Single ICS EPR", "Converge", "New EPR"] as const);
    const changes = plan === "Single ICS EPR" || plan === "Converge" || plan === "New EPR";
    const messy = next() < 0.1;
    const total = changes ? Math.round(next() * 30) * 1_000_000 : null;
    rows.push([
      code, `Example Trust ${i + 1}`, pick(TRUST_TYPES), status,
      live ? (messy ? pick(ALIASES) : pick(SUPPLIERS)) : null, live ? "Product" : null,
      live ? (messy ? "Q3 2019/20" : date(2005, 2024)) : null, live ? date(2025, 2035) : null,
      plan, changes ? pick(SUPPLIERS) : null, changes ? date(2024, 2029) : null, changes ? "OBC" : null,
      changes ? date(2022, 2024) : null, changes ? date(2024, 2026) : null, changes ? "Matched 50/50" : "None",
      total === null ? null : messy ? `£${total / 1_000_000}m` : total, total === null ? null : total / 2, total === null ? null : total / 2,
      Math.floor(next() * 1500), messy ? "TBC" : null,
    ]);
  }
  return rows;
}

export function returnWorkbook(count: number, seed = 42): ExcelJS.Workbook {
  const wb = templateWorkbook();
  writeIcsDetails(wb, { icsName: "Benchmark ICS", icbCode: "QZ9", contactName: null, contactEmail: null, submissionDate: "2023-11-15", targetProfile: "dec-2023" });
  writeTrustsTable(wb, trustRows(count, seed));
  return wb;
}

/** The template's header row over trustRows, as the core's grid (no xlsx): what the core benchmarks read. */
export function returnGrid(count: number, seed = 42): SheetData {
  return { name: "Trusts", firstRow: 1, firstCol: 1, rows: [COLUMNS.map((c) => c.header), ...trustRows(count, seed)] };
}

/** Writes returnWorkbook(count) as .xlsx at path, unless a file of that size and seed is already there. */
export async function writeReturnFile(path: string, count: number, seed = 42): Promise<string> {
  if (existsSync(path)) return path;
  await returnWorkbook(count, seed).xlsx.writeFile(path);
  return path;
}
