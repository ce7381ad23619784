/**
 * The shared strings part: each <si> is one string, a plain <t> or rich text runs (<r><t>)
 * joined; phonetic guides (<rPh>, Japanese furigana) are not part of the text. Escapes are
 * decoded once here, so cells share the decoded string. Counted against the budgets for shared
 * strings and their characters in total.
 */
import type { ZipArchive, ZipEntry } from "../zip";
import type { ReadBudget } from "./budget";
import { decodeExcelEscapes } from "./escapes";
import { parseXmlPart } from "./xmlStream";

/** Index → string; an empty string is null (a blank cell, ../../../core/cells.ts). */
export type SharedStrings = readonly (string | null)[];

export function readSharedStrings(archive: ZipArchive, entry: ZipEntry, budget: ReadBudget): SharedStrings {
  const { maxSharedStrings } = budget.limits;
  const strings: (string | null)[] = [];
  let inItem = false;
  let phoneticDepth = 0;
  let inText = false;
  let text = "";
  parseXmlPart(archive, entry, {
    open(name) {
      if (name === "si") {
        if (++budget.sharedStrings > maxSharedStrings) budget.tooBig("shared strings", maxSharedStrings);
        inItem = true;
        text = "";
      } else if (name === "rPh") {
        phoneticDepth++;
      } else if (name === "t" && inItem && phoneticDepth === 0) {
        inText = true;
      }
    },
    wantsText: () => inText,
    text(piece) {
      if (!inText) return;
      budget.countText(piece.length);
      text += piece;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phoneticDepth--;
      else if (name === "si") {
        inItem = false;
        strings.push(text === "" ? null : decodeExcelEscapes(text));
      }
    },
  });
  return strings;
}
