/**
 * What SheetJS Community Edition leaves out of an .ods, read from its content.xml in one streaming pass (saxes:
 * no DTD, no entity expansion): which sheets are hidden (a table style with table:display="false") and which
 * rows (table:visibility="collapse" or "filter"), what the file holds beyond values, and how many cells SheetJS
 * will make. That count comes first because SheetJS copies a cell once per repeat (table:number-columns-repeated
 * and number-rows-repeated): a 1 KB cell repeated a billion times would hang it, so such a file is refused here,
 * as is one whose grid would be too wide (a value in column XFD on every row).
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { WorkbookReadError } from "../../errors";
import { overLimit } from "../csv/budget";
import type { SheetState } from "../types";

/** The largest sheet OpenDocument producers make (LibreOffice since 7.4, like Excel): 1,048,576 × 16,384. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;

export interface OdsSheetFacts {
  readonly name: string;
  readonly state: SheetState;
  /** 1-based row numbers hidden, as ranges [first, last]. */
  readonly hiddenRowRanges: readonly (readonly [number, number])[];
}

export interface OdsFacts {
  readonly sheets: readonly OdsSheetFacts[];
  /** Named for users, as ../types.ts WorkbookData.beyondValues. */
  readonly beyondValues: ReadonlySet<string>;
}

export interface OdsBudget {
  readonly maxCells: number;
  /** Whose limit maxCells is, for the message (../csv/budget.ts overLimit). */
  readonly cellScope?: string;
  readonly maxRows: number;
  readonly maxSheets: number;
}

/** Elements whose presence means the file holds more than values. */
const FEATURE_ELEMENTS: Readonly<Record<string, string>> = {
  "office:annotation": "comments",
  "draw:object": "charts",
  "draw:object-ole": "charts",
  "draw:image": "images",
  "table:content-validation": "data validation",
  "calcext:conditional-format": "conditional formatting",
  "table:named-range": "defined names",
  "table:named-expression": "defined names",
  "table:database-range": "filters",
};

function repeat(value: string | undefined): number {
  const count = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(count) && count > 0 ? count : 1;
}

function damaged(detail: string): WorkbookReadError {
  return new WorkbookReadError(`damaged .ods file (${detail})`);
}

interface MutableSheet {
  name: string;
  styleName: string;
  hiddenRowRanges: [number, number][];
}

class OdsScanner {
  readonly hiddenTableStyles = new Set<string>();
  readonly sheets: MutableSheet[] = [];
  readonly beyondValues = new Set<string>();
  private styleName: string | null = null;
  /** Depth of table:table elements (a sheet is depth 1; tables inside shapes or cells are not sheets). */
  private tableDepth = 0;
  private row = 0;
  private rowsRepeated = 1;
  private rowHidden = false;
  private rowElements = 0;
  private column = 0;
  private cellDepth = 0;
  private cellRepeated = 1;
  private cellHasContent = false;
  private cells = 0;
  /** The current row's width up to its last cell with content, and the grid slots of all rows so far. */
  private rowWidth = 0;
  private slots = 0;

  constructor(private readonly budget: OdsBudget) {}

  open(tag: SaxesTagPlain): void {
    const a = tag.attributes;
    const feature = FEATURE_ELEMENTS[tag.name];
    if (feature) this.beyondValues.add(feature);
    if (this.cellDepth > 0) {
      // Anything inside a cell (a paragraph, an annotation, a shape) makes it a cell SheetJS keeps; what is
      // inside is not a sheet's structure, so it is only counted in depth until the cell closes.
      this.cellDepth++;
      this.cellHasContent = true;
      return;
    }
    switch (tag.name) {
      case "style:style":
        this.styleName = a["style:family"] === "table" ? (a["style:name"] ?? null) : null;
        break;
      case "style:table-properties":
        if (this.styleName !== null && a["table:display"] === "false") this.hiddenTableStyles.add(this.styleName);
        break;
      case "table:table":
        this.tableDepth++;
        if (this.tableDepth === 1) this.startSheet(a["table:name"] ?? "", a["table:style-name"] ?? "");
        break;
      case "table:table-row":
        if (this.tableDepth === 1) this.startRow(a);
        break;
      case "table:table-cell":
      case "table:covered-table-cell":
        if (this.tableDepth === 1 && this.cellDepth === 0) this.startCell(a);
        break;
    }
  }

  close(tag: SaxesTagPlain): void {
    if (this.cellDepth > 0) {
      this.cellDepth--;
      if (this.cellDepth === 0) this.endCell();
      return;
    }
    if (tag.name === "style:style") this.styleName = null;
    else if (tag.name === "table:table") this.tableDepth--;
    else if (tag.name === "table:table-row" && this.tableDepth === 1) this.endRow();
  }

  private startSheet(name: string, styleName: string): void {
    if (this.sheets.length >= this.budget.maxSheets) throw overLimit("sheets", this.budget.maxSheets);
    this.sheets.push({ name, styleName, hiddenRowRanges: [] });
    this.row = 0;
  }

  private startRow(a: Record<string, string>): void {
    this.rowElements++;
    if (this.rowElements > this.budget.maxRows) throw overLimit("rows", this.budget.maxRows);
    this.rowsRepeated = repeat(a["table:number-rows-repeated"]);
    const visibility = a["table:visibility"];
    this.rowHidden = visibility === "collapse" || visibility === "filter";
    this.column = 0;
    this.rowWidth = 0;
  }

  private endRow(): void {
    const sheet = this.sheets[this.sheets.length - 1];
    if (this.rowHidden && sheet) sheet.hiddenRowRanges.push([this.row + 1, this.row + this.rowsRepeated]);
    this.row += this.rowsRepeated;
    // The grid makes each row with values as wide as its last value (../sheetjs/grid.ts counts the same): a
    // value far to the right in many rows is refused here, before SheetJS parses anything.
    this.slots += this.rowWidth * this.rowsRepeated;
    if (this.slots > this.budget.maxCells) throw overLimit("cells", this.budget.maxCells, this.budget.cellScope);
  }

  private startCell(a: Record<string, string>): void {
    this.cellDepth = 1;
    this.cellRepeated = repeat(a["table:number-columns-repeated"]);
    this.cellHasContent = a["office:value-type"] !== undefined || a["table:formula"] !== undefined;
    if (a["table:formula"] !== undefined) this.beyondValues.add("formulas");
    if (repeat(a["table:number-columns-spanned"]) > 1 || repeat(a["table:number-rows-spanned"]) > 1) this.beyondValues.add("merged cells");
  }

  private endCell(): void {
    this.column += this.cellRepeated;
    if (!this.cellHasContent) return;
    // SheetJS makes one cell per repeat in each repeated row.
    this.cells += this.cellRepeated * this.rowsRepeated;
    this.rowWidth = this.column;
    if (this.cells > this.budget.maxCells) throw overLimit("cells", this.budget.maxCells, this.budget.cellScope);
    if (this.column > MAX_SHEET_COLUMNS) throw damaged(`a cell lies beyond column ${MAX_SHEET_COLUMNS.toLocaleString("en-GB")}`);
    if (this.row + this.rowsRepeated > MAX_SHEET_ROWS) throw damaged(`a cell lies beyond row ${MAX_SHEET_ROWS.toLocaleString("en-GB")}`);
  }
}

export function scanOdsContent(contentXml: Uint8Array, budget: OdsBudget): OdsFacts {
  const scanner = new OdsScanner(budget);
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag) => scanner.open(tag));
  parser.on("closetag", (tag) => scanner.close(tag));
  try {
    parser.write(new TextDecoder("utf-8").decode(contentXml)).close();
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw damaged(`its content.xml is not well-formed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
  return {
    sheets: scanner.sheets.map((sheet) => ({
      name: sheet.name,
      state: scanner.hiddenTableStyles.has(sheet.styleName) ? "hidden" : "visible",
      hiddenRowRanges: sheet.hiddenRowRanges,
    })),
    beyondValues: scanner.beyondValues,
  };
}
