/**
 * OUT.html: the national report as one self-contained page (docs/national.md, "The HTML page"). Pure string
 * building from the NationalReport that `--json` prints: no scripts, no external requests (inline CSS and SVG, system
 * fonts), landmarks and headings in order, every chart an image with a text alternative and its figures in a table
 * beside it, and every text that comes from the returns escaped (./escape.ts).
 */
import { plural } from "../../plural";
import type { NationalReport } from "../types";
import { coverageSection } from "./coverageChart";
import { escapeHtml } from "./escape";
import { shortDate } from "./format";
import { fundingSection } from "./fundingChart";
import { headlineSection } from "./headline";
import { PREVIOUS_HEADING, previousSection } from "./previousSection";
import { problemsSection } from "./problems";
import { STYLES } from "./styles";
import { suppliersSection } from "./suppliersChart";

const PROFILE_FROM = { given: "as asked", returns: "the one most returns name", default: "the default" } as const;

const CONTENTS: readonly (readonly [string, string])[] = [
  ["headline-heading", "Headline figures"], ["coverage-heading", "Coverage by ICS"], ["suppliers-heading", "Suppliers"],
  ["funding-heading", "Funding by ICS"], ["problems-heading", "Problems"],
];

export function reportPage(report: NationalReport): string {
  const contents = report.previous === undefined ? CONTENTS : [...CONTENTS.slice(0, -1), ["previous-heading", PREVIOUS_HEADING] as const, ...CONTENTS.slice(-1)];
  const title = `National EPR report: target date ${shortDate(report.asOf)}`;
  const read = `${plural(report.icss.length, "return")} read, ${report.problems.unreadable.length} not read`;
  // A strict Content-Security-Policy: the page can fetch nothing, run nothing, and submit nowhere even if it were edited.
  const csp = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the figures</a>
<header>
<h1>National EPR report</h1>
<p class="meta">${escapeHtml(`${read}; profile ${report.profile} (${PROFILE_FROM[report.profileFrom]}); target date ${shortDate(report.asOf)}`)}</p>
<nav aria-label="Contents"><ul>${contents.map(([id, text]) => `<li><a href="#${id}">${escapeHtml(text)}</a></li>`).join("")}</ul></nav>
</header>
<main id="main">
${headlineSection(report)}
${coverageSection(report)}
${suppliersSection(report)}
${fundingSection(report)}
${previousSection(report)}
${problemsSection(report)}
</main>
<footer><p>Made by <code>epr-return report</code> from the returns listed in the workbook beside this page (sheet <code>ICSs</code>). Figures as spec section 7 defines them; shares of trusts; money in pounds (£52.1m is £52,100,000).</p></footer>
</body>
</html>
`;
}
