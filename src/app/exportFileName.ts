/** The names of exported files: `North ICS EPR return 2023-11-15.csv`, safe for every file system. */
import type { IsoDate } from "../core/dates";
import type { IcsDetails } from "../core/schema";

const FORBIDDEN_IN_FILE_NAMES = '\\/:*?"<>|';

/** A file name from a base name: characters that file systems reject become "_"; a blank base becomes "return". */
export function fileNameFor(base: string, extension: string): string {
  const safe = [...base].map((ch) => (ch.charCodeAt(0) < 32 || FORBIDDEN_IN_FILE_NAMES.includes(ch) ? "_" : ch)).join("").trim() || "return";
  return `${safe}.${extension}`;
}

export interface ExportNameParts {
  /** The ICS sheet's details, when the workbook has an ICS sheet. */
  readonly ics: Pick<IcsDetails, "icsName" | "submissionDate"> | null | undefined;
  /** The trust sheet's name: the name when the ICS sheet gives none. */
  readonly sheet: string;
  /** The date when the ICS sheet gives no submission date. */
  readonly today: IsoDate;
}

/** `<ICS name> EPR return <submission date>.<extension>`, else the sheet's name and today's date. */
export function exportFileName({ ics, sheet, today }: ExportNameParts, extension: string): string {
  const name = ics?.icsName?.trim() || sheet;
  const date = ics?.submissionDate ?? today;
  return fileNameFor(`${name} EPR return ${date}`, extension);
}
