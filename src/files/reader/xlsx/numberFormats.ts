/**
 * The styles part's cell formats (cellXfs): which of them show a number as a date. A format is a
 * date by isDateNumberFormat (../../../core/sheet/numberFormats.ts) on its code, so escapes,
 * quoted text and locale tags are read the same whichever format made the cell a date, and a
 * time of day alone is not a date (spec section 5).
 */
import { isDateNumberFormat } from "../../../core/sheet/numberFormats";
import type { ZipArchive, ZipEntry } from "../zip";
import { wholeNumber } from "./attributes";
import type { ReadBudget } from "./budget";
import { parseXmlPart } from "./xmlStream";

/**
 * The codes of the built-in formats that show dates or times (ECMA-376 Part 1, 18.8.30): ids 14-22
 * and 45-47 as listed there; 27-36 and 50-58 are East Asian formats whose codes depend on the
 * locale, given here as Excel shows them in the zh-TW locale (dates with an era year "e", or times).
 * A custom <numFmt> with the same id overrides the built-in one.
 */
const BUILT_IN_DATE_AND_TIME_FORMATS: ReadonlyMap<number, string> = new Map([
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, "m/d/yy h:mm"],
  [27, '[$-404]e/m/d'],
  [28, '[$-404]e"年"m"月"d"日"'],
  [29, '[$-404]e"年"m"月"d"日"'],
  [30, "m/d/yy"],
  [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"時"mm"分"'],
  [33, 'h"時"mm"分"ss"秒"'],
  [34, '上午/下午h"時"mm"分"'],
  [35, '上午/下午h"時"mm"分"ss"秒"'],
  [36, "[$-404]e/m/d"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [50, "[$-404]e/m/d"],
  [51, '[$-404]e"年"m"月"d"日"'],
  [52, '上午/下午h"時"mm"分"'],
  [53, '上午/下午h"時"mm"分"ss"秒"'],
  [54, '[$-404]e"年"m"月"d"日"'],
  [55, '上午/下午h"時"mm"分"'],
  [56, '上午/下午h"時"mm"分"ss"秒"'],
  [57, "[$-404]e/m/d"],
  [58, '[$-404]e"年"m"月"d"日"'],
]);

export interface CellFormats {
  /** 1 where cell format (the s attribute) n shows a date; formats past the end are not dates. */
  readonly dateStyles: Uint8Array;
  /** How many cell formats the workbook defines (more than the default one: "cell formatting"). */
  readonly count: number;
}

export const NO_CELL_FORMATS: CellFormats = { dateStyles: new Uint8Array(0), count: 0 };

export function readCellFormats(archive: ZipArchive, entry: ZipEntry, budget: ReadBudget): CellFormats {
  const maxStyles = budget.limits.maxStyles;
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  const countStyle = (): void => {
    if (++budget.styles > maxStyles) budget.tooBig("cell formats and number formats", maxStyles);
  };
  parseXmlPart(archive, entry, {
    open(name, attributes) {
      if (name === "numFmts") inNumFmts = true;
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "numFmt" && inNumFmts) {
        // <numFmt> also sits in differential formats (<dxf>), which no cell's s attribute points to.
        countStyle();
        const id = wholeNumber(attributes.get("numFmtId"));
        const code = attributes.get("formatCode");
        if (id !== undefined && code !== undefined) custom.set(id, code);
      } else if (name === "xf" && inCellXfs) {
        countStyle();
        formatIds.push(wholeNumber(attributes.get("numFmtId")) ?? 0);
      }
    },
    close(name) {
      if (name === "numFmts") inNumFmts = false;
      else if (name === "cellXfs") inCellXfs = false;
    },
  });
  const dateById = new Map<number, boolean>();
  const isDate = (id: number): boolean => {
    let known = dateById.get(id);
    if (known === undefined) {
      known = isDateNumberFormat(custom.get(id) ?? BUILT_IN_DATE_AND_TIME_FORMATS.get(id));
      dateById.set(id, known);
    }
    return known;
  };
  const dateStyles = new Uint8Array(formatIds.length);
  for (let i = 0; i < formatIds.length; i++) dateStyles[i] = isDate(formatIds[i] as number) ? 1 : 0;
  return { dateStyles, count: formatIds.length };
}
