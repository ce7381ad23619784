/**
 * The `required` row rule (spec section 6) and the `placeholder` warning
 * (section 5), one rule per column, generated from the column table.
 */
import { requiredMessage, requirementReason, placeholderMessage, DEFAULT_SEVERITY } from "../catalogue";
import { COLUMNS, type ColumnDef } from "../columns";
import type { RowContext, RowRule } from "./types";
import { isRequiredFor } from "./requirement";

function because(def: ColumnDef, ctx: RowContext): string | null {
  if (def.required === "whenLiveOrImplementing") return requirementReason(def.required, ctx.header("eprStatus"), ctx.trust.eprStatus ?? "");
  if (def.required === "whenPlanChangesSystem") return requirementReason(def.required, ctx.header("plan"), ctx.trust.plan ?? "");
  return null;
}

/** Blank or a placeholder; a value that failed to read has its own error already. A missing column is reported once, as missing_column. */
function isBlankHere(def: ColumnDef, ctx: RowContext): boolean {
  const state = ctx.fields[def.key].state;
  return ctx.hasColumn(def.key) && (state === "blank" || state === "placeholder");
}

function requiredRule(def: ColumnDef): RowRule {
  return {
    id: `required-${def.key}`,
    code: "required",
    severity: DEFAULT_SEVERITY.required,
    column: def.key,
    applies: (ctx) => isRequiredFor(def.required, ctx.trust) && isBlankHere(def, ctx),
    message: (ctx) => requiredMessage(ctx.header(def.key), ctx.cell(def.key), because(def, ctx)),
  };
}

function placeholderRule(def: ColumnDef): RowRule {
  return {
    id: `placeholder-${def.key}`,
    code: "placeholder",
    severity: DEFAULT_SEVERITY.placeholder,
    column: def.key,
    applies: (ctx) => ctx.fields[def.key].state === "placeholder" && !isRequiredFor(def.required, ctx.trust),
    message: (ctx) => placeholderMessage(ctx.header(def.key), ctx.cell(def.key)),
  };
}

export const REQUIRED_RULES: readonly RowRule[] = COLUMNS.filter((def) => def.required !== "never").map(requiredRule);
export const PLACEHOLDER_RULES: readonly RowRule[] = COLUMNS.map(placeholderRule);
