/** The rules that look across rows (spec sections 5 and 6): duplicate trust codes, Converge and Single ICS EPR. */
import { DEFAULT_SEVERITY, ruleMessages as m } from "../catalogue";
import type { Supplier } from "../enums";
import type { PlacedRow, RowFinding, SheetContext } from "./types";

/** A trust code on two or more rows: a `duplicate` error on every occurrence. */
export function duplicateTrustCodes(rows: readonly PlacedRow[], ctx: SheetContext): RowFinding[] {
  const byCode = new Map<string, PlacedRow[]>();
  for (const row of rows) {
    const code = row.trust.trustCode;
    if (code === null) continue;
    const same = byCode.get(code);
    if (same) same.push(row);
    else byCode.set(code, [row]);
  }
  const found: RowFinding[] = [];
  for (const [code, same] of byCode) {
    if (same.length < 2) continue;
    // One message for the group: every occurrence names the same rows.
    const message = m.duplicateTrust(ctx.header("trustCode"), code, same.map((r) => r.row));
    for (const row of same) found.push({ row, column: "trustCode", code: "duplicate", severity: DEFAULT_SEVERITY.duplicate, message });
  }
  return found;
}

/** Plan Converge means moving to a supplier already used in the ICS: some other row must have it as supplier or target. */
export function convergeOnUnusedSupplier(rows: readonly PlacedRow[], ctx: SheetContext): RowFinding[] {
  const converging = rows.filter(({ trust: t }) => t.plan === "Converge" && t.targetSupplier !== null);
  if (converging.length === 0) return [];
  // Rows naming each supplier (as supplier or target, counted once per row): a converging row
  // names its own target, so another row uses it when the count is 2 or more. One pass, not one per row.
  const naming = new Map<string, number>();
  const count = (supplier: string | null): void => {
    if (supplier !== null) naming.set(supplier, (naming.get(supplier) ?? 0) + 1);
  };
  for (const { trust: t } of rows) {
    count(t.supplier);
    if (t.targetSupplier !== t.supplier) count(t.targetSupplier);
  }
  return converging
    .filter((row) => (naming.get(row.trust.targetSupplier ?? "") ?? 0) < 2)
    .map((row) => ({
      row, column: "targetSupplier" as const, code: "inconsistent" as const, severity: "warning" as const,
      message: m.convergeOnUnusedSupplier(ctx.header("targetSupplier"), ctx.header("plan"), row.trust.targetSupplier ?? ""),
    }));
}

/** The Single ICS EPR rows must agree on one target supplier; when they do not, every such row that names one is flagged. */
export function singleIcsSplit(rows: readonly PlacedRow[], ctx: SheetContext): RowFinding[] {
  const naming = rows.filter(({ trust: t }) => t.plan === "Single ICS EPR" && t.targetSupplier !== null);
  const suppliers = [...new Set(naming.map(({ trust: t }) => t.targetSupplier))].filter((s): s is Supplier => s !== null);
  if (suppliers.length < 2) return [];
  return naming.map((row) => ({
    row, column: "targetSupplier" as const, code: "inconsistent" as const, severity: "warning" as const,
    message: m.singleIcsSplit(ctx.header("targetSupplier"), suppliers),
  }));
}

export const SHEET_RULES: readonly ((rows: readonly PlacedRow[], ctx: SheetContext) => RowFinding[])[] = [
  duplicateTrustCodes,
  convergeOnUnusedSupplier,
  singleIcsSplit,
];
