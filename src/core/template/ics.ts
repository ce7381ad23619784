/** The `ICS` sheet (spec section 4): labels in column A, values in column B. */
import { DEFAULT_PROFILE } from "../profiles";
import { ICS_LABELS, type IcsDetails } from "../schema";
import type { TemplateCell, TemplateSheet } from "./types";
import { DATE_FORMAT, DATE_MAX, DATE_MIN, SHEET } from "./layout";
import { listSource } from "./lists";

const ICS_KEYS = Object.keys(ICS_LABELS) as (keyof IcsDetails)[];

/** The value cell of an ICS field, e.g. `targetProfile` → `B6`. */
export function icsValueCell(key: keyof IcsDetails): string {
  return `B${ICS_KEYS.indexOf(key) + 1}`;
}

export function buildIcsSheet(): TemplateSheet {
  const cells: TemplateCell[] = ICS_KEYS.map((key) => ({ address: `A${ICS_KEYS.indexOf(key) + 1}`, value: ICS_LABELS[key], bold: true }));
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
    ],
  };
}
