/** The template workbook of spec section 2, as data (rendered by src/files and by the Office.js gateway). */
import type { TemplateSpec } from "./types";
import { buildGuidanceSheet } from "./guidance";
import { buildIcsSheet } from "./ics";
import { buildTrustsSheet } from "./trusts";
import { buildListsSheet } from "./lists";
import { buildCalcSheet, buildSummarySheet } from "./summary";

export const TEMPLATE_VERSION = "1.0.0";

/** Guidance, ICS, Trusts, Lists (hidden), Summary, then the hidden helper sheet Calc. */
export function buildTemplate(): TemplateSpec {
  return {
    version: TEMPLATE_VERSION,
    sheets: [buildGuidanceSheet(), buildIcsSheet(), buildTrustsSheet(), buildListsSheet(), buildSummarySheet(), buildCalcSheet()],
  };
}
