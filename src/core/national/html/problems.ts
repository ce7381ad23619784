/** The problems of the report: trust codes in more than one return, returns not read, returns with errors. */
import { plural } from "../../plural";
import type { NationalReport } from "../types";
import { escapeHtml, fileName } from "./escape";

function list(heading: string, items: readonly string[]): string {
  if (items.length === 0) return "";
  return `<h3>${escapeHtml(heading)} (${items.length})</h3>\n<ul class="problems">${items.map((i) => `<li>${i}</li>`).join("\n")}</ul>`;
}

/** Each item is built from escaped parts: the file names and reasons come from outside. */
export function problemsSection(report: NationalReport): string {
  const { duplicateTrusts, unreadable, withErrors } = report.problems;
  const file = (path: string): string => `<span class="file" title="${escapeHtml(path)}">${escapeHtml(fileName(path))}</span>`;
  const body = [
    list("Trust codes in more than one return", duplicateTrusts.map((d) => `<strong>${escapeHtml(d.trustCode)}</strong> is in ${d.places.length} returns: ${d.places.map((p) => `${file(p.file)} (row ${p.row})`).join(", ")}. Both rows are counted.`)),
    list("Returns that could not be read", unreadable.map((u) => `${file(u.file)}: ${escapeHtml(u.reason)}`)),
    list("Returns with errors", withErrors.map((e) => `${file(e.file)}${e.icsName ? ` (${escapeHtml(e.icsName)})` : ""}: ${escapeHtml(plural(e.errors, "error"))} and ${escapeHtml(plural(e.warnings, "warning"))}. Its figures are counted; <code>epr-return validate</code> lists them.`)),
  ].filter((b) => b !== "");
  return `<section aria-labelledby="problems-heading">
<h2 id="problems-heading">Problems</h2>
${body.length === 0 ? "<p>None: every return was read, no trust code is in two returns and no return has errors.</p>" : body.join("\n")}
</section>`;
}
