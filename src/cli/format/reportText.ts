/** The national report in the terminal, and as `--json` (the figures as they are: core/national's NationalReport). */
import type { AreaFigures, NationalReport } from "../../core/national";
import { plural } from "../../core/plural";
import { boundedText } from "../../core/quote";
import { formatPounds, formatUkDate } from "../../core/read";

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
const oneDecimal = (n: number): string => n.toFixed(1);

const PROFILE_FROM = { given: "as asked", returns: "the one most returns name", default: "the default" } as const;

const COLUMNS = [
  ["ICSs", 6], ["Trusts", 8], ["Installed", 11], ["Covered", 9], ["Met", 5], ["Score now", 11], ["Score target", 14], ["National funding", 18],
] as const;

function areaLine(label: string, f: AreaFigures): string {
  const cells = [String(f.icss), String(f.trusts), percent(f.installedShare), percent(f.coveredShare), f.met ? "yes" : "no", oneDecimal(f.scoreNow), oneDecimal(f.scoreTarget), formatPounds(f.nationalFunding)];
  return `  ${label.padEnd(26)}${cells.map((c, i) => c.padStart(COLUMNS[i]?.[1] ?? 8)).join("")}`;
}

function problemLines(report: NationalReport): string[] {
  const { duplicateTrusts, unreadable, withErrors } = report.problems;
  const lines = [
    ...duplicateTrusts.map((d) => `  error  ${boundedText(d.trustCode)} is in ${d.places.length} returns: ${d.places.map((p) => `${boundedText(p.file)} (row ${p.row})`).join(", ")}; both rows are counted`),
    ...unreadable.map((u) => `  error  ${boundedText(u.file)} could not be read: ${u.reason}`),
    ...withErrors.map((e) => `  error  ${boundedText(e.file)} has ${plural(e.errors, "error")} (its figures are counted; \`epr-return validate\` lists them)`),
  ];
  return lines.length === 0 ? ["Problems: none"] : [`Problems (${lines.length})`, ...lines];
}

/** With `--previous`, one line: how many ICSs were matched, the slips among them and the change in funding asked. */
function previousLine(report: NationalReport): string[] {
  if (report.previous === undefined) return [];
  const changes = report.icss.flatMap((i) => (i.sincePrevious !== undefined && i.sincePrevious.previousFile !== null ? [i.sincePrevious] : []));
  const slipped = changes.reduce((sum, c) => sum + c.targetDatesSlipped, 0);
  const slippingIcss = changes.filter((c) => c.targetDatesSlipped > 0).length;
  const funding = changes.reduce((sum, c) => sum + c.nationalFundingChange, 0);
  const fundingText = funding === 0 ? "unchanged" : `${funding > 0 ? "up" : "down"} ${formatPounds(Math.abs(funding))}`;
  return [
    `Since the previous returns: ${report.previous.matched} of ${plural(report.icss.length, "ICS", "ICSs")} matched; `
      + `target go-live dates slipped for ${plural(slipped, "trust")} in ${plural(slippingIcss, "ICS", "ICSs")}; national funding asked ${fundingText} (the matched ICSs)`,
  ];
}

export function reportText(report: NationalReport, written: string): string {
  const n = report.national;
  const offTrack = report.icss.filter((i) => !i.met).length;
  const s = report.suppliers;
  const lines = [
    `National report: ${plural(n.icss, "return")} read, ${report.problems.unreadable.length} not read; profile ${report.profile} (${PROFILE_FROM[report.profileFrom]}), target date ${formatUkDate(report.asOf)}`,
    `  ${"".padEnd(26)}${COLUMNS.map(([h, w]) => h.padStart(w)).join("")}`,
    areaLine("England", n),
    ...report.regions.map((r) => areaLine(r.region ?? "Region not given", r)),
    `Funding: total cost ${formatPounds(n.totalCost)}, local ${formatPounds(n.localFunding)}, national requested ${formatPounds(n.nationalFunding)}, gap ${formatPounds(n.gap)}`,
    `Off track: ${offTrack} of ${plural(report.icss.length, "ICS", "ICSs")} do not meet the target`,
    `Suppliers (share of trusts, now → target; HHI ${s.hhiNow.toFixed(4)} → ${s.hhiTarget.toFixed(4)})`,
    ...s.rows.map((r) => `  ${r.supplier.padEnd(20)} ${percent(r.shareNow).padStart(6)} → ${percent(r.shareTarget).padStart(6)}`),
    ...previousLine(report),
    ...problemLines(report),
    `wrote ${written}`,
  ];
  return `${lines.join("\n")}\n`;
}

/** `--json`: the workbook written, then every figure with the spec's field names (section 8). */
export function reportJson(report: NationalReport, written: string): object {
  return { workbook: written, ...report };
}
