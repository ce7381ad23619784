/**
 * Fixes whose right value the message already names. The core attaches the replacement to `non_canonical` issues
 * only; for a month-first date (`12/31/2019`, "write 31/12/2019") and for a number typed as text (`£18m`, "enter
 * the number 18000000") it works the value out while reading but does not put it on the issue, so it is worked
 * out here again from the cell's value with the core's own readers (the same answer the message gives). Pure.
 */
import { columnDef } from "../../core/columns";
import type { IsoDate } from "../../core/dates";
import type { Issue } from "../../core/issues";
import { readDate, readMoney, readWholeNumber } from "../../core/read";

export type Replacement = string | number | boolean;

/** 2019-12-31 → "31/12/2019", the form the message tells the user to write (and the one the core reads). */
function dayFirst(iso: IsoDate): string {
  const [y = "", m = "", d = ""] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function dateSuggestion(issue: Issue): Replacement | null {
  for (const note of readDate(issue.value).notes) if (note.code === "invalid_date" && note.detail.suggestion !== undefined) return dayFirst(note.detail.suggestion);
  return null;
}

function numberSuggestion(issue: Issue): Replacement | null {
  const read = issue.column !== null && columnDef(issue.column).type === "whole" ? readWholeNumber : readMoney;
  for (const note of read(issue.value).notes) if (note.code === "number_as_text") return note.detail.amount;
  return null;
}

/** What a Fix writes into the issue's cell, or null when the right value is not known. */
export function suggestedReplacement(issue: Issue): Replacement | null {
  switch (issue.code) {
    case "non_canonical": {
      const r = issue.replacement;
      return typeof r === "string" || typeof r === "number" || typeof r === "boolean" ? r : null;
    }
    case "invalid_date":
      return dateSuggestion(issue);
    case "number_as_text":
      return numberSuggestion(issue);
    default:
      return null;
  }
}

/** The issues, each that has a known right value carrying it as `replacement` (the others as they were). */
export function withSuggestedFixes(issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => {
    if (issue.replacement !== undefined) return issue;
    const replacement = suggestedReplacement(issue);
    return replacement === null ? issue : { ...issue, replacement };
  });
}
