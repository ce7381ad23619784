/** The row rules table of spec section 6 (with the section 5 placeholder warning), in the order issues on one cell are listed. */
import { CONSISTENCY_RULES } from "./consistency";
import { FUNDING_RULES } from "./funding";
import { PLACEHOLDER_RULES, REQUIRED_RULES } from "./required";
import type { RowRule } from "./types";

export const ROW_RULES: readonly RowRule[] = [...REQUIRED_RULES, ...PLACEHOLDER_RULES, ...CONSISTENCY_RULES, ...FUNDING_RULES];
