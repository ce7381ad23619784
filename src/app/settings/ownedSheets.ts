/**
 * Which sheets the add-in made (the figures sheets Scores → Write Summary and Export write), decided the same way in
 * every host. Pure: the gateways read and write the marker and the record.
 *
 * The marker. Every such sheet carries a sheet-scoped defined name OWNER_NAME (`_epr_owner`) whose formula is a text
 * constant naming the add-in and the sheet's role, e.g. `="EPR Return figures: EPR Scores"`. A sheet-scoped name
 * travels with its sheet: renaming, moving, saving and reopening the workbook keep it, in every version of Excel. The
 * worksheet id, which the add-in used before, does not: it changes between sessions, and the first sheet of every new
 * workbook in Excel on the web has the same one (OfficeDev/office-js-docs#297, OfficeDev/office-js#1390, #552), so a
 * user's sheet could inherit the stored id and be cleared. A user's sheet has the marker only if the user copied the
 * add-in's sheet (Excel copies a sheet's sheet-scoped names with it) or typed it in.
 *
 * The rule (ownFiguresSheet): the add-in's sheet for a figures name is the one sheet whose marker names that role
 * (followed through renames); when several do (copies), only the one the record names (FIGURES_SETTING: figures name
 * → the sheet's name when last written), and when none of them has that name, none is the add-in's and a new sheet
 * is made. A sheet without the marker is never cleared, whatever the record says. docs/decisions.md, "The add-in's own
 * sheets", gives the reasons.
 */

/** The sheet-scoped defined name that marks a sheet the add-in made (Worksheet.names, ExcelApi 1.4). */
export const OWNER_NAME = "_epr_owner";

/** The comment the marker name carries in Excel's Name Manager. */
export const OWNER_COMMENT = "EPR Return: this sheet was written by the add-in, which replaces it when it writes the figures again.";

/** Workbook setting: figures name asked for → the sheet the add-in last wrote them to. */
export const FIGURES_SETTING = "eprReturn.figuresSheets";

/** The marker's text for a figures sheet. */
export function figuresMarker(figuresName: string): string {
  return `EPR Return figures: ${figuresName}`;
}

/** The marker name's formula: the text as an Excel text constant (quotes doubled). */
export function markerFormula(marker: string): string {
  return `="${marker.replace(/"/g, '""')}"`;
}

/** The text of a marker name's formula or value (`="…"`, `"…"` or the computed text), or null for anything else. */
export function markerText(formulaOrValue: unknown): string | null {
  if (typeof formulaOrValue !== "string") return null;
  const quoted = /^=?"((?:[^"]|"")*)"$/.exec(formulaOrValue.trim());
  if (quoted) return (quoted[1] ?? "").replace(/""/g, '"');
  return formulaOrValue.startsWith("=") ? null : formulaOrValue;
}

export interface FiguresRecordEntry {
  /** The sheet's name when the add-in last wrote it. */
  readonly name: string;
}

export type FiguresRecord = Readonly<Record<string, FiguresRecordEntry>>;

/**
 * The stored record's well-formed entries (null-prototype, so any figures name is a plain key). Entries of earlier
 * versions are read as far as they go: `{ name, id }` (the exceljs gateway's) keeps its name; a bare worksheet id (the
 * Office gateway's) names no sheet and is dropped.
 */
export function figuresRecord(value: unknown): FiguresRecord {
  const record = Object.create(null) as Record<string, FiguresRecordEntry>;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return record;
  for (const [figures, entry] of Object.entries(value as Record<string, unknown>)) {
    const name: unknown = typeof entry === "object" && entry !== null ? Reflect.get(entry, "name") : undefined;
    if (typeof name === "string" && name !== "") record[figures] = { name };
  }
  return record;
}

/** The record with the figures name's sheet set (a copy). */
export function withFiguresSheet(record: FiguresRecord, figuresName: string, sheet: string): FiguresRecord {
  const next = Object.create(null) as Record<string, FiguresRecordEntry>;
  Object.assign(next, record);
  next[figuresName] = { name: sheet };
  return next;
}

/** A sheet as the gateways see it here: its name and its marker's text (null: no marker). */
export interface MarkedSheet {
  readonly name: string;
  readonly marker: string | null;
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The name of the add-in's own sheet for these figures, or null when no sheet is surely its own (see the file's comment). */
export function ownFiguresSheet(sheets: readonly MarkedSheet[], figuresName: string, record: FiguresRecord): string | null {
  const marker = figuresMarker(figuresName);
  const marked = sheets.filter((s) => s.marker === marker);
  if (marked.length === 1) return marked[0]?.name ?? null;
  const recorded = record[figuresName]?.name;
  if (recorded === undefined) return null;
  return marked.find((s) => sameName(s.name, recorded))?.name ?? null;
}
