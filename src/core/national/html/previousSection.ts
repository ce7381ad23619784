/** With `--previous`: a table of each ICS's changes since its previous return (days, score changes, £). */
import { plural } from "../../plural";
import type { IcsFigures, NationalReport, PreviousSummary } from "../types";
import { escapeHtml, fileName, icsLabel } from "./escape";
import { count, formatPounds, oneDecimal } from "./format";
import { dataTable } from "./table";

export const PREVIOUS_HEADING = "Since the previous returns";

/** A change with its sign, so that a fall reads as one: +1.5, −0.3, 0.0; "–" for none. */
function signed(value: number | null, text: (magnitude: number) => string): string {
  if (value === null) return "–";
  const shown = text(Math.abs(value));
  if (shown === text(0)) return shown;
  return `${value > 0 ? "+" : "−"}${shown}`;
}

function row(ics: IcsFigures): string[] {
  const since = ics.sincePrevious;
  if (since === undefined || since.previousFile === null) return [icsLabel(ics), "no previous return", "", "", "", "", ""];
  return [
    icsLabel(ics), fileName(since.previousFile), count(since.targetDatesSlipped), since.medianSlipDays === null ? "–" : count(since.medianSlipDays),
    signed(since.scoreNowChange, oneDecimal), signed(since.scoreTargetChange, oneDecimal), signed(since.nationalFundingChange, formatPounds),
  ];
}

function summaryText(p: PreviousSummary): string {
  return `${p.matched} of ${plural(p.matched + p.withoutPrevious, "return")} matched to a previous return (by ICB code, else ICS name, else file name); `
    + `${plural(p.returns, "previous return")} read, ${p.unreadable} not read, ${p.previousNotMatched} not matched.`;
}

export function previousSection(report: NationalReport): string {
  if (report.previous === undefined) return "";
  return `<section aria-labelledby="previous-heading">
<h2 id="previous-heading">${escapeHtml(PREVIOUS_HEADING)}</h2>
<p>${escapeHtml(summaryText(report.previous))} A slip is a target go-live date moved later; score and funding changes are now minus then.</p>
${dataTable({
    caption: "Changes per ICS since its previous return",
    columns: [
      { header: "ICS" }, { header: "Previous return" }, { header: "Target dates slipped", numeric: true }, { header: "Median slip (days)", numeric: true },
      { header: "Score change (now)", numeric: true }, { header: "Score change (target)", numeric: true }, { header: "National funding change", numeric: true },
    ],
    rows: report.icss.map(row),
  })}
</section>`;
}
