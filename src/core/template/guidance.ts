/** The `Guidance` sheet: how to fill the return in, and one short paragraph per Trusts column. */
import { COLUMNS, type ColumnDef, type ColumnKey, type Requirement } from "../columns";
import type { TemplateCell, TemplateSheet } from "./types";
import { DATA_ROW_CAPACITY, FIRST_DATA_ROW, LAST_DATA_ROW, SHEET } from "./layout";

const ABOUT: Record<ColumnKey, string> = {
  trustCode: "The trust's ODS code: R or T followed by two letters or digits, e.g. RYJ, R1H or TAJ. Each trust once.",
  trustName: "The trust's name as registered, at most 200 characters.",
  trustType: "The kind of trust. Pick from the list.",
  eprStatus: "Live: an EPR is installed and in use. Implementing: a contract is signed and deployment is under way. Procuring, Business case, No EPR: no EPR yet.",
  supplier: "The supplier of the EPR the trust uses or is implementing. Pick from the list; use In-house or Other for anything not listed and name it under EPR product.",
  product: "The product's name, e.g. Millennium or Lorenzo. Needed to tell In-house and Other systems apart (at most 200 characters).",
  goLiveDate: "When the EPR went live, or is planned to go live when Implementing. A date, dd/mm/yyyy.",
  contractEndDate: "When the current EPR contract ends. Must not be before the go-live date.",
  plan: "Keep the current EPR; move onto a Single ICS EPR; Converge onto a supplier already used in the ICS; Interoperate (keep the EPR, invest in interoperability); or procure a New EPR.",
  targetSupplier: "The supplier the trust will move to. For Single ICS EPR every trust should name the same one; for Converge one already used by another trust in the ICS.",
  targetGoLiveDate: "When the trust is planned to go live on its target EPR.",
  businessCaseStage: "How far the business case has got: Not started, SOC, OBC, FBC, Approved, or Not needed.",
  procurementStartDate: "When procurement started or will start.",
  contractAwardDate: "When the contract was or will be awarded. Must not be before the procurement start; more than 24 months after it is flagged.",
  fundingModel: "Matched 50/50 (national money matching local money), Tailored (packages for trusts with no EPR), Local only, or None.",
  totalCost: "The whole cost of the plan in pounds, a number of 0 or more.",
  localFunding: "The trust's or ICS's own contribution in pounds. Blank counts as 0.",
  nationalFunding: "The national funding requested in pounds. Blank counts as 0. Under Matched 50/50 it should not exceed local funding; total − local − national should be 0.",
  beds: "The number of beds, a whole number of 0 or more (used to weight convergence by beds).",
  notes: "Anything the reviewer should know, at most 2000 characters.",
};

const WHEN_REQUIRED: Record<Requirement, string> = {
  always: "Required.",
  whenLiveOrImplementing: "Required when the EPR status is Live or Implementing.",
  whenPlanChangesSystem: "Required when the plan is Single ICS EPR, Converge or New EPR.",
  never: "Optional.",
};

const HOW_TO = [
  "EPR return: how to fill it in",
  "1. On the ICS sheet, fill in the ICS details and its NHS England region; the target profile (dec-2023 or mar-2026) decides the target date on the Summary sheet.",
  `2. On the Trusts sheet, enter one row per trust, starting in row ${FIRST_DATA_ROW}. Leave no blank rows between trusts.`,
  "3. Pick values from the dropdowns where there are some: the Summary only counts exact list spellings. Enter dates as dates (dd/mm/yyyy) and money as plain numbers.",
  `4. The Summary sheet calculates the headline figures by itself, for up to ${DATA_ROW_CAPACITY} trusts (rows ${FIRST_DATA_ROW} to ${LAST_DATA_ROW} of Trusts): rows below that are not counted.`,
  "5. Placeholders such as TBC or Unknown count as blank. Check the return with the EPR Return add-in or command line before sending it.",
];

function columnParagraph(column: ColumnDef): string {
  return `${ABOUT[column.key]} ${WHEN_REQUIRED[column.required]}`;
}

export function buildGuidanceSheet(): TemplateSheet {
  const cells: TemplateCell[] = HOW_TO.map((text, i) => ({ address: `A${i + 1}`, value: text, bold: i === 0 }));
  const headerRow = HOW_TO.length + 2;
  cells.push({ address: `A${headerRow}`, value: "Column", bold: true }, { address: `B${headerRow}`, value: "What to enter", bold: true });
  COLUMNS.forEach((column, i) => {
    const row = headerRow + 1 + i;
    cells.push({ address: `A${row}`, value: column.header, bold: true }, { address: `B${row}`, value: columnParagraph(column), wrap: true });
  });
  return { name: SHEET.guidance, visibility: "visible", cells, columnWidths: { 1: 30, 2: 100 } };
}
