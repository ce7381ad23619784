/** The rules that look across rows (spec sections 5 and 6): duplicate trust codes, Converge and Single ICS EPR. */
import { DEFAULT_SEVERITY, ruleMessages as m } from "../catalogue";
import type { Supplier } from "../enums";
import type { ReadRow, RowFinding, SheetContext } from "./types";

/** A trust code on two or more rows: a `duplicate` error on every occurrence. */
export function duplicateTrustCodes(rows: readonly ReadRow[], ctx: SheetContext): RowFinding[] {
  const byCode = new Map<string, ReadRow[]>();
  for (const row of rows) {
    const code = row.trust.trustCode;
    if (code !== null) byCode.set(code, [...(byCode.get(code) ?? []), row]);
  }
  return [...byCode.entries()]
    .filter(([, same]) => same.length > 1)
    .flatMap(([code, same]) =>
      same.map((row) => ({
        row, column: "trustCode" as const, code: "duplicate" as const, severity: DEFAULT_SEVERITY.duplicate,
        message: m.duplicateTrust(ctx.header("trustCode"), code, same.map((r) => r.row)),
      })),
    );
}

/** Plan Converge means moving to a supplier already used in the ICS: some other row must have it as supplier or target. */
export function convergeOnUnusedSupplier(rows: readonly ReadRow[], ctx: SheetContext): RowFinding[] {
  return rows
    .filter(({ trust: t }) => t.plan === "Converge" && t.targetSupplier !== null)
    .filter((row) => !rows.some((other) => other !== row && (other.trust.supplier === row.trust.targetSupplier || other.trust.targetSupplier === row.trust.targetSupplier)))
    .map((row) => ({
      row, column: "targetSupplier" as const, code: "inconsistent" as const, severity: "warning" as const,
      message: m.convergeOnUnusedSupplier(ctx.header("targetSupplier"), ctx.header("plan"), row.trust.targetSupplier ?? ""),
    }));
}

/** The Single ICS EPR rows must agree on one target supplier; when they do not, every such row that names one is flagged. */
export function singleIcsSplit(rows: readonly ReadRow[], ctx: SheetContext): RowFinding[] {
  const naming = rows.filter(({ trust: t }) => t.plan === "Single ICS EPR" && t.targetSupplier !== null);
  const suppliers = [...new Set(naming.map(({ trust: t }) => t.targetSupplier))].filter((s): s is Supplier => s !== null);
  if (suppliers.length < 2) return [];
  return naming.map((row) => ({
    row, column: "targetSupplier" as const, code: "inconsistent" as const, severity: "warning" as const,
    message: m.singleIcsSplit(ctx.header("targetSupplier"), suppliers),
  }));
}

export const SHEET_RULES: readonly ((rows: readonly ReadRow[], ctx: SheetContext) => RowFinding[])[] = [
  duplicateTrustCodes,
  convergeOnUnusedSupplier,
  singleIcsSplit,
];
