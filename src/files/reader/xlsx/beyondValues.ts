/**
 * What a workbook holds beyond cell values, named for users (../types.ts WorkbookData.beyondValues):
 * told cheaply from the package's part names, the workbook and styles parts, and the elements met
 * while streaming the sheets that were read (a sheet left unread is not looked into).
 */
export type BeyondValue =
  | "formulas"
  | "cellFormatting"
  | "mergedCells"
  | "dataValidation"
  | "conditionalFormatting"
  | "hyperlinks"
  | "tables"
  | "charts"
  | "images"
  | "comments"
  | "pivotTables"
  | "macros"
  | "externalLinks"
  | "definedNames"
  | "valuesFarRight";

/** In the order they are listed. */
const WORDS: ReadonlyArray<readonly [BeyondValue, string]> = [
  ["formulas", "formulas"],
  ["cellFormatting", "cell formatting"],
  ["mergedCells", "merged cells"],
  ["dataValidation", "data validation"],
  ["conditionalFormatting", "conditional formatting"],
  ["hyperlinks", "hyperlinks"],
  ["tables", "tables"],
  ["charts", "charts"],
  ["images", "images"],
  ["comments", "comments"],
  ["pivotTables", "pivot tables"],
  ["macros", "macros"],
  ["externalLinks", "external links"],
  ["definedNames", "defined names"],
  ["valuesFarRight", "values beyond column AMJ (not read)"],
];

/** Part names that say what the package holds (lower case, no leading "/"). */
const PART_PATTERNS: ReadonlyArray<readonly [RegExp, BeyondValue]> = [
  [/(^|\/)calcchain\.xml$/, "formulas"],
  [/(^|\/)tables\/[^/]+\.xml$/, "tables"],
  [/(^|\/)(charts|chartsheets)\/[^/]+\.xml$/, "charts"],
  [/(^|\/)media\//, "images"],
  [/(^|\/)(comments[^/]*\.xml$|threadedcomments\/)/, "comments"],
  [/(^|\/)(pivottables|pivotcache)\//, "pivotTables"],
  [/(^|\/)vbaproject\.bin$/, "macros"],
  [/(^|\/)externallinks\/[^/]+\.xml$/, "externalLinks"],
];

/** The worksheet elements that mean something beyond values (by local name). */
export const SHEET_ELEMENTS: ReadonlyMap<string, BeyondValue> = new Map([
  ["mergeCell", "mergedCells"],
  ["dataValidation", "dataValidation"],
  ["conditionalFormatting", "conditionalFormatting"],
  ["hyperlink", "hyperlinks"],
]);

export class BeyondValues {
  private readonly found = new Set<BeyondValue>();

  note(kind: BeyondValue): void {
    this.found.add(kind);
  }

  has(kind: BeyondValue): boolean {
    return this.found.has(kind);
  }

  notePartNames(names: Iterable<string>): void {
    for (const raw of names) {
      const name = raw.toLowerCase();
      for (const [pattern, kind] of PART_PATTERNS) if (pattern.test(name)) this.found.add(kind);
    }
  }

  list(): string[] {
    return WORDS.filter(([kind]) => this.found.has(kind)).map(([, word]) => word);
  }
}
