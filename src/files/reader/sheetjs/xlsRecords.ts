/**
 * A look at an .xls's records before SheetJS parses it. SheetJS builds every cell as an object in memory, so the
 * cells are counted first, from the record headers of the "Workbook" stream (BIFF8; "Book" in BIFF5), and a file
 * over the budget is refused before anything is built. The same walk tells what the file holds beyond values
 * (SheetJS is asked not to decompile formulas, which costs more than the rest of the parse), and the compound
 * file's directory tells whether it carries macros.
 */
import * as XLSX from "@e965/xlsx";
import { WorkbookReadError } from "../../errors";
import { overLimit } from "../csv/budget";

/** Records that each make one cell SheetJS keeps (blank cells, BLANK and MULBLANK, are skipped by it). */
const ONE_CELL = new Set([
  0x0006, // FORMULA
  0x00d6, // RSTRING
  0x00fd, // LABELSST
  0x0203, // NUMBER
  0x0204, // LABEL
  0x0205, // BOOLERR
  0x027e, // RK
]);
const MULRK = 0x00bd;
/** Records that mean something a values-only copy would lose, as ../types.ts names them for users. */
const FEATURES: ReadonlyMap<number, string> = new Map([
  [0x0006, "formulas"],
  [0x001c, "comments"], // NOTE
  [0x01b8, "hyperlinks"], // HLINK
  [0x01be, "data validation"], // DV
  [0x01b1, "conditional formatting"], // CF
]);

export interface XlsFacts {
  readonly cells: number;
  readonly beyondValues: ReadonlySet<string>;
}

function damaged(detail: string): WorkbookReadError {
  return new WorkbookReadError(`damaged .xls file (${detail})`);
}

/** SheetJS's own compound-file reader, typed `any` by SheetJS: the two calls used here, with unknown results. */
interface CfbApi {
  read(data: Uint8Array, options: { type: "array" }): unknown;
  find(container: unknown, path: string): unknown;
}
const CFB: CfbApi = XLSX.CFB;

/** A stream's bytes: a Uint8Array (a Buffer in Node), or a plain array in browsers without typed-array support. */
function contentOf(entry: unknown): ArrayLike<number> | null {
  if (typeof entry !== "object" || entry === null) return null;
  const content = (entry as { content?: unknown }).content;
  return content instanceof Uint8Array || Array.isArray(content) ? (content as ArrayLike<number>) : null;
}

function readContainer(bytes: Uint8Array): unknown {
  try {
    return CFB.read(bytes, { type: "array" });
  } catch (err) {
    throw damaged(`its compound file cannot be read: ${err instanceof Error ? err.message : String(err)}`.slice(0, 240));
  }
}

/** `scope` says whose limit maxCells is, for the message (../csv/budget.ts overLimit). */
export function scanXlsRecords(bytes: Uint8Array, maxCells: number, scope?: string): XlsFacts {
  const cfb = readContainer(bytes);
  const stream = contentOf(CFB.find(cfb, "Workbook")) ?? contentOf(CFB.find(cfb, "Book"));
  if (stream === null) throw damaged("it holds no workbook stream");
  const beyondValues = new Set<string>();
  // Excel keeps a workbook's macros in this storage.
  if (CFB.find(cfb, "_VBA_PROJECT_CUR")) beyondValues.add("macros");
  let cells = 0;
  // Each record: a 2-byte type, a 2-byte length, then that many bytes. A length past the end ends the walk.
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = (stream[at] as number) | ((stream[at + 1] as number) << 8);
    const length = (stream[at + 2] as number) | ((stream[at + 3] as number) << 8);
    if (ONE_CELL.has(type)) cells++;
    else if (type === MULRK && length >= 6) cells += Math.floor((length - 6) / 6);
    const feature = FEATURES.get(type);
    if (feature) beyondValues.add(feature);
    if (cells > maxCells) throw overLimit("cells", maxCells, scope);
    at += 4 + length;
  }
  return { cells, beyondValues };
}
