/**
 * The `Summary` sheet (spec section 2) and its hidden helper sheet `Calc`.
 *
 * Summary shows the figures of spec section 7 as native formulas, so they show in any
 * spreadsheet program. Only functions that Excel and LibreOffice both compute are used
 * (no LET, LAMBDA, FILTER, UNIQUE, XLOOKUP, no structured references), and text is
 * compared with `=` inside SUMPRODUCT rather than COUNTIF/MATCH, which treat * ? ~ as
 * wildcards. Calc has one row per Trusts data row, with the row's system keys (7.1), how
 * many trusts share each key, its installation date and its coverage flags (7.3).
 */
import type { TemplateCell, TemplateSheet } from "./types";
import { absolute, DATA_ROW_CAPACITY, DATE_FORMAT, FIRST_DATA_ROW, LAST_DATA_ROW, MONEY_FORMAT, SHEET, trustsColumn } from "./layout";
import { LIST_FIRST_ROW, LISTS, listRange, profileFieldRange } from "./lists";
import { icsValueCell } from "./ics";
import { DEFAULT_PROFILE } from "../profiles";
import type { ColumnKey } from "../columns";
import { PLANS_CHANGING_SYSTEM, NON_SYSTEM_SUPPLIERS } from "../enums";

/** The Summary labels of spec section 2, in order; row i + 1 of column A. */
export const SUMMARY_LABELS = [
  "Trusts",
  "Distinct systems (now)",
  "HHI (now)",
  "Effective systems (now)",
  "Convergence score (now)",
  "Distinct systems (target)",
  "HHI (target)",
  "Effective systems (target)",
  "Convergence score (target)",
  "Target date",
  "Installed by target date",
  "Implementing at target date",
  "Installed share",
  "Covered share",
  "Target met",
  "Total cost (£)",
  "Local funding (£)",
  "National funding requested (£)",
  "Funding gap (£)",
] as const;
export type SummaryLabel = (typeof SUMMARY_LABELS)[number];

/** The Summary cell holding a figure, e.g. `Target met` → `B15`. */
export function summaryCell(label: SummaryLabel): string {
  return `B${SUMMARY_LABELS.indexOf(label) + 1}`;
}

// ---- Calc: per-row helper columns -------------------------------------------------------

/** A Trusts cell of the same row, row-relative so each Calc row points at its Trusts row. */
const t = (key: ColumnKey, row: number): string => `${SHEET.trusts}!$${trustsColumn(key)}${row}`;
/** Trimmed text of a Trusts cell; `&""` turns a blank cell into "" rather than 0. */
const text = (key: ColumnKey, row: number): string => `TRIM(${t(key, row)}&"")`;
const anyOf = (expr: string, values: readonly string[]): string => `OR(${values.map((v) => `${expr}="${v}"`).join(",")})`;
const LIVE_OR_IMPLEMENTING = ["Live", "Implementing"];
/**
 * Key of a trust on its own (In-house/Other with no product, and every In-house/Other target):
 * its code, or its row when the code is blank, as the core does; "#" keeps it apart from supplier names.
 * The row comes from ROW() (a Calc row is its Trusts row), not a literal, so every row's formula is the
 * first row's filled down: the Office.js writer sends one formula per column (src/office/templateRender.ts).
 */
const trustKey = (row: number): string => `IF(${text("trustCode", row)}="","row:"&ROW(),"#"&UPPER(${text("trustCode", row)}))`;

interface CalcColumn {
  readonly letter: string;
  readonly header: string;
  readonly formula: (row: number) => string;
  readonly numFmt?: string;
}

const span = (letter: string): string => `$${letter}$${FIRST_DATA_ROW}:$${letter}$${LAST_DATA_ROW}`;
const countOf = (keyLetter: string) => (row: number) => `IF(${keyLetter}${row}="",0,SUMPRODUCT((${span(keyLetter)}=${keyLetter}${row})*1))`;
const shareOf = (countLetter: string) => (row: number) => `IF(${countLetter}${row}=0,0,1/${countLetter}${row})`;

/** Scalars in column O, labelled in column N. */
const SCALARS = {
  profileMatches: 2,
  profileIndex: 3,
  profileName: 4,
  asOf: 5,
  minInstalled: 6,
  minCovered: 7,
  nNow: 8,
  nTarget: 9,
} as const;
const scalar = (name: keyof typeof SCALARS): string => `${SHEET.calc}!$O$${SCALARS[name]}`;
const localScalar = (name: keyof typeof SCALARS): string => `$O$${SCALARS[name]}`;

const CALC_COLUMNS: readonly CalcColumn[] = [
  { letter: "A", header: "Row has content", formula: (r) => `IF(COUNTA(${t("trustCode", r)}:$${trustsColumn("notes")}${r})>0,1,0)` },
  {
    letter: "B",
    header: "Now key",
    formula: (r) =>
      `IF(AND(${text("eprStatus", r)}="Live",${text("supplier", r)}<>""),` +
      `IF(${anyOf(text("supplier", r), NON_SYSTEM_SUPPLIERS)},` +
      `IF(${text("product", r)}="",${trustKey(r)},${text("supplier", r)}&":"&LOWER(${text("product", r)})),` +
      `${text("supplier", r)}),"")`,
  },
  { letter: "C", header: "Now count", formula: countOf("B") },
  { letter: "D", header: "Now share of key", formula: shareOf("C") },
  {
    letter: "E",
    header: "Target supplier",
    formula: (r) =>
      `IF(${anyOf(text("plan", r), PLANS_CHANGING_SYSTEM)},${text("targetSupplier", r)},` +
      `IF(${anyOf(text("eprStatus", r), LIVE_OR_IMPLEMENTING)},${text("supplier", r)},""))`,
  },
  { letter: "F", header: "Target key", formula: (r) => `IF(E${r}="","",IF(${anyOf(`E${r}`, NON_SYSTEM_SUPPLIERS)},${trustKey(r)},E${r}))` },
  { letter: "G", header: "Target count", formula: countOf("F") },
  { letter: "H", header: "Target share of key", formula: shareOf("G") },
  {
    letter: "I",
    header: "Installation date",
    numFmt: DATE_FORMAT,
    formula: (r) =>
      `IF(${anyOf(text("eprStatus", r), LIVE_OR_IMPLEMENTING)},` +
      `IF(${t("goLiveDate", r)}="","",${t("goLiveDate", r)}),` +
      `IF(${t("targetGoLiveDate", r)}="","",${t("targetGoLiveDate", r)}))`,
  },
  // INT drops a time of day, as the core reads dates as whole days.
  { letter: "J", header: "Installed at target date", formula: (r) => `IF(I${r}="",0,IF(ISNUMBER(I${r}),IF(INT(I${r})<=${localScalar("asOf")},1,0),0))` },
  {
    letter: "K",
    header: "Implementing at target date",
    formula: (r) =>
      `IF(J${r}=1,0,IF(${anyOf(text("eprStatus", r), LIVE_OR_IMPLEMENTING)},1,` +
      `IF(ISNUMBER(${t("contractAwardDate", r)}),IF(INT(${t("contractAwardDate", r)})<=${localScalar("asOf")},1,0),0)))`,
  },
];

function calcScalarCells(): TemplateCell[] {
  const profiles = listRange("targetProfile");
  const chosen = `TRIM(${SHEET.ics}!${absolute(icsValueCell("targetProfile"))}&"")`;
  const profileList = LISTS.find((l) => l.key === "targetProfile");
  const defaultIndex = (profileList?.values.indexOf(DEFAULT_PROFILE) ?? 0) + 1;
  const rows: readonly [keyof typeof SCALARS, string, string, string?][] = [
    ["profileMatches", "Profile matches", `SUMPRODUCT((${profiles}=${chosen})*1)`],
    // The profile named on ICS, or the default when it names none.
    ["profileIndex", "Profile index", `IF(${localScalar("profileMatches")}>=1,SUMPRODUCT((${profiles}=${chosen})*(ROW(${profiles})-${LIST_FIRST_ROW}+1)),${defaultIndex})`],
    ["profileName", "Profile", `INDEX(${profiles},${localScalar("profileIndex")})`],
    ["asOf", "Target date", `INDEX(${profileFieldRange("asOf")},${localScalar("profileIndex")})`, DATE_FORMAT],
    ["minInstalled", "Minimum installed share", `INDEX(${profileFieldRange("minInstalledShare")},${localScalar("profileIndex")})`],
    ["minCovered", "Minimum covered share", `INDEX(${profileFieldRange("minCoveredShare")},${localScalar("profileIndex")})`],
    ["nNow", "Trusts with a system now", `COUNTIF(${span("C")},">0")`],
    ["nTarget", "Trusts with a target system", `COUNTIF(${span("G")},">0")`],
  ];
  return rows.flatMap(([name, label, formula, numFmt]) => [
    { address: `N${SCALARS[name]}`, value: label },
    numFmt ? { address: `O${SCALARS[name]}`, formula, numFmt } : { address: `O${SCALARS[name]}`, formula },
  ]);
}

export function buildCalcSheet(): TemplateSheet {
  const cells: TemplateCell[] = [];
  for (const column of CALC_COLUMNS) cells.push({ address: `${column.letter}1`, value: column.header, bold: true });
  cells.push({ address: "N1", value: "Figure", bold: true }, { address: "O1", value: "Value", bold: true });
  for (let row = FIRST_DATA_ROW; row <= LAST_DATA_ROW; row++) {
    for (const column of CALC_COLUMNS) {
      const cell: TemplateCell = column.numFmt
        ? { address: `${column.letter}${row}`, formula: column.formula(row), numFmt: column.numFmt }
        : { address: `${column.letter}${row}`, formula: column.formula(row) };
      cells.push(cell);
    }
  }
  cells.push(...calcScalarCells());
  return { name: SHEET.calc, visibility: "hidden", cells };
}

// ---- Summary -----------------------------------------------------------------------------

const calcSum = (letter: string): string => `SUM(${SHEET.calc}!${span(letter)})`;

type Figure = { readonly formula: string; readonly numFmt?: string };

/** Distinct systems, HHI, effective systems and score (7.2) from a key's count and share columns. */
function convergenceFigures(countLetter: string, shareLetter: string, n: string, hhiLabel: SummaryLabel, effectiveLabel: SummaryLabel): readonly Figure[] {
  const hhi = summaryCell(hhiLabel);
  const effective = summaryCell(effectiveLabel);
  return [
    // Each of a key's c trusts adds 1/c, so the sum is the number of keys; ROUND removes float dust.
    { formula: `ROUND(${calcSum(shareLetter)},0)` },
    // Σ over trusts of c(key) is Σ_k c_k², so this is Σ (c_k / n)².
    { formula: `IF(${n}=0,0,SUM(${SHEET.calc}!${span(countLetter)})/${n}^2)`, numFmt: "0.0000" },
    { formula: `IF(${hhi}=0,0,1/${hhi})`, numFmt: "0.00" },
    { formula: `IF(${n}<=1,100,100*(${n}-${effective})/(${n}-1))`, numFmt: "0.0" },
  ];
}

function summaryFigures(): readonly Figure[] {
  const sumTrusts = (key: ColumnKey): string => `SUM(${SHEET.trusts}!$${trustsColumn(key)}$${FIRST_DATA_ROW}:$${trustsColumn(key)}$${LAST_DATA_ROW})`;
  const trusts = summaryCell("Trusts");
  const installed = summaryCell("Installed by target date");
  const implementing = summaryCell("Implementing at target date");
  // In SUMMARY_LABELS order.
  return [
    { formula: calcSum("A") },
    ...convergenceFigures("C", "D", scalar("nNow"), "HHI (now)", "Effective systems (now)"),
    ...convergenceFigures("G", "H", scalar("nTarget"), "HHI (target)", "Effective systems (target)"),
    { formula: scalar("asOf"), numFmt: DATE_FORMAT },
    { formula: calcSum("J") },
    { formula: calcSum("K") },
    { formula: `IF(${trusts}=0,0,${installed}/${trusts})`, numFmt: "0.0%" },
    { formula: `IF(${trusts}=0,0,(${installed}+${implementing})/${trusts})`, numFmt: "0.0%" },
    // An empty return shows no coverage: not met, as in the core.
    { formula: `AND(${trusts}>0,${summaryCell("Installed share")}>=${scalar("minInstalled")},${summaryCell("Covered share")}>=${scalar("minCovered")})` },
    { formula: sumTrusts("totalCost"), numFmt: MONEY_FORMAT },
    { formula: sumTrusts("localFunding"), numFmt: MONEY_FORMAT },
    { formula: sumTrusts("nationalFunding"), numFmt: MONEY_FORMAT },
    { formula: `${summaryCell("Total cost (£)")}-${summaryCell("Local funding (£)")}-${summaryCell("National funding requested (£)")}`, numFmt: MONEY_FORMAT },
  ];
}

export function buildSummarySheet(): TemplateSheet {
  const figures = summaryFigures();
  if (figures.length !== SUMMARY_LABELS.length) throw new Error("Summary figures and labels out of step");
  const cells: TemplateCell[] = SUMMARY_LABELS.flatMap((label, i) => {
    const figure = figures[i] ?? { formula: "NA()" };
    return [{ address: `A${i + 1}`, value: label, bold: true }, { address: `B${i + 1}`, ...figure }];
  });
  // The profile's name beside its date, so the reader knows which target the figures are for.
  cells.push({ address: `C${SUMMARY_LABELS.indexOf("Target date") + 1}`, formula: scalar("profileName") });
  cells.push({ address: "D1", value: `Counts Trusts rows ${FIRST_DATA_ROW} to ${LAST_DATA_ROW} (${DATA_ROW_CAPACITY} trusts), in the dropdowns' spellings.` });
  return { name: SHEET.summary, visibility: "visible", cells, columnWidths: { 1: 32, 2: 16, 3: 12 } };
}
