/**
 * The `ICS` sheet (spec section 4): labels in column A, values in column B, all optional. Besides the details of
 * ICS_LABELS it may name the NHS England region (`Region`, docs/national.md), which national reports group by.
 */
import { cellAddress, cellAt, lastRow, type CellValue, type SheetData } from "./cells";
import { icsMessages, placeholderMessage, readingMessage } from "./catalogue";
import type { IsoDate } from "./dates";
import { headerText, normalizeHeader } from "./headers";
import type { Issue } from "./issues";
import { readIcbCode } from "./read/code";
import { readDate } from "./read/date";
import { issueValueOf } from "./read/display";
import { choiceOf, readChoice, readEnumValue } from "./read/enum";
import { makeNote, type ReadResult } from "./read/note";
import { readText } from "./read/text";
import type { IcsReadResult } from "./results";
import { REGIONS, type Region } from "./enums";
import { ICS_LABELS, ICS_REGION_LABEL, ICS_REGION_LABEL_ALIASES, PROFILE_NAMES, type IcsDetails } from "./schema";

/** A label of the ICS sheet: one of the details, or the region. */
type IcsKey = keyof IcsDetails | "region";

const LABEL_LOOKUP: ReadonlyMap<string, IcsKey> = new Map([
  ...(Object.keys(ICS_LABELS) as (keyof IcsDetails)[]).map((key) => [normalizeHeader(ICS_LABELS[key]), key] as const),
  ...[ICS_REGION_LABEL, ...ICS_REGION_LABEL_ALIASES].map((label) => [normalizeHeader(label), "region"] as const),
]);

/** "North East & Yorkshire" is how the region is often written; the loose match already ignores case and spaces. */
const REGION_CHOICE = choiceOf(REGIONS, [["North East & Yorkshire", "North East and Yorkshire"], ["NE and Yorkshire", "North East and Yorkshire"]]);

/** What the ICS sheet says: the details, the region (null when not given or not a region) and the issues. */
export interface IcsSheetReading extends IcsReadResult {
  readonly region: Region | null;
}

/** Deliberately loose: something@something.something, no spaces. A wrong form is a warning, never a block. */
const EMAIL_FORM = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Located {
  readonly row: number;
  readonly label: string;
  readonly cell: CellValue;
}

/** The first row carrying each label (ignoring case, spaces and punctuation); other rows, e.g. guidance text, are ignored. */
function locateLabels(sheet: SheetData): Map<IcsKey, Located> {
  const found = new Map<IcsKey, Located>();
  for (let row = sheet.firstRow; row <= lastRow(sheet); row += 1) {
    const label = headerText(cellAt(sheet, row, 1));
    const key = LABEL_LOOKUP.get(normalizeHeader(label));
    if (key !== undefined && !found.has(key)) found.set(key, { row, label, cell: cellAt(sheet, row, 2) });
  }
  return found;
}

/**
 * A region read as the other lists are (exact, or loosely with non_canonical), except that an unknown one is a
 * warning, not an error: the region only groups a national report's figures (icsMessages.unknownRegion).
 */
function readRegion(cell: CellValue): ReadResult<Region> {
  const result = readChoice(cell, REGION_CHOICE);
  if (!result.notes.some((note) => note.code === "invalid_enum")) return result;
  return { ...result, notes: result.notes.map((note) => (note.code === "invalid_enum" ? makeNote("invalid_enum", "warning", { allowed: REGIONS }) : note)) };
}

export function readIcsSheet(sheet: SheetData): IcsSheetReading {
  const found = locateLabels(sheet);
  const issues: Issue[] = [];
  const at = (row: number) => ({ sheet: sheet.name, cell: cellAddress(row, 2), row, column: null });

  function read<T>(key: IcsKey, reader: (cell: CellValue) => ReadResult<T>): T | null {
    const place = found.get(key);
    if (!place) return null;
    const result = reader(place.cell);
    const value = issueValueOf(place.cell);
    for (const note of result.notes) {
      const message = key === "region" && note.code === "invalid_enum" ? icsMessages.unknownRegion(place.label, place.cell, REGIONS) : readingMessage(note, place.label, place.cell);
      const issue: Issue = { ...at(place.row), code: note.code, severity: note.severity, message, value };
      issues.push(note.code === "non_canonical" ? { ...issue, replacement: note.detail.canonical } : issue);
    }
    if (result.state === "placeholder") {
      issues.push({ ...at(place.row), code: "placeholder", severity: "warning", message: placeholderMessage(place.label, place.cell), value });
    }
    return result.value;
  }

  const text = (cell: CellValue) => readText(cell, undefined);
  const details: IcsDetails = {
    icsName: read("icsName", text),
    icbCode: read("icbCode", readIcbCode),
    contactName: read("contactName", text),
    contactEmail: read("contactEmail", text),
    submissionDate: read("submissionDate", readDate),
    targetProfile: read("targetProfile", (cell) => readEnumValue(cell, PROFILE_NAMES)),
  };
  const email = found.get("contactEmail");
  if (email && details.contactEmail !== null && !EMAIL_FORM.test(details.contactEmail)) {
    issues.push({
      ...at(email.row), code: "inconsistent", severity: "warning",
      message: icsMessages.invalidEmail(email.label, details.contactEmail), value: issueValueOf(email.cell),
    });
  }
  const region = read("region", readRegion);
  return { details, region, issues: [...issues].sort((a, b) => a.row - b.row) };
}

/** The submission date of spec section 4, first found: the ICS sheet's, the command line's --submitted, today. */
export function submissionDateFor(ics: IcsDetails | null, cli: IsoDate | undefined, today: IsoDate): IsoDate {
  return ics?.submissionDate ?? cli ?? today;
}
