/** The `ICS` sheet (spec section 4): labels in column A, values in column B; the optional Region last (docs/national.md). */
import { DEFAULT_PROFILE } from "../profiles";
import { ICS_LABELS, ICS_REGION_LABEL, type IcsDetails } from "../schema";
import type { TemplateCell, TemplateSheet } from "./types";
import { DATE_FORMAT, DATE_MAX, DATE_MIN, SHEET } from "./layout";
import { listSource } from "./lists";

/** A row of the ICS sheet: one of the details, or the region. */
export type IcsField = keyof IcsDetails | "region";

/** In row order; the region comes after the details, so their cells (B6: the target profile) never move. */
const ICS_FIELDS: readonly IcsField[] = [...(Object.keys(ICS_LABELS) as (keyof IcsDetails)[]), "region"];

function labelOf(field: IcsField): string {
  return field === "region" ? ICS_REGION_LABEL : ICS_LABELS[field];
}

/** The value cell of an ICS field, e.g. `targetProfile` → `B6`, `region` → `B7`. */
export function icsValueCell(key: IcsField): string {
  return `B${ICS_FIELDS.indexOf(key) + 1}`;
}

export function buildIcsSheet(): TemplateSheet {
  const cells: TemplateCell[] = ICS_FIELDS.map((key, i) => ({ address: `A${i + 1}`, value: labelOf(key), bold: true }));
  cells.push({ address: icsValueCell("submissionDate"), numFmt: DATE_FORMAT });
  cells.push({ address: icsValueCell("targetProfile"), value: DEFAULT_PROFILE });
  return {
    name: SHEET.ics,
    visibility: "visible",
    cells,
    columnWidths: { 1: 20, 2: 40 },
    validations: [
      { kind: "list", range: icsValueCell("targetProfile"), source: listSource("targetProfile"), prompt: "dec-2023: 90% installed and the rest implementing by 31/12/2023. mar-2026: every trust installed or implementing by 31/03/2026." },
      { kind: "date", range: icsValueCell("submissionDate"), min: DATE_MIN, max: DATE_MAX, prompt: "The date the return is sent, dd/mm/yyyy." },
      { kind: "list", range: icsValueCell("region"), source: listSource("region"), prompt: "The NHS England region the ICS belongs to (optional): national reports group the returns by it." },
    ],
  };
}
