/** Coverage by ICS: each ICS's installed and covered shares at the target date, against the profile's minimums. */
import { plural } from "../../plural";
import type { NationalReport } from "../types";
import { chartSection } from "./chartSection";
import { icsLabel } from "./escape";
import { percent, shortDate, yesNo } from "./format";
import { SHARE_SCALE } from "./scale";
import { dataTable } from "./table";

export function coverageSection(report: NationalReport): string {
  const met = report.icss.filter((i) => i.met).length;
  const labels = report.icss.map(icsLabel);
  const targets = `at least ${percent(report.minInstalledShare)} of trusts installed and ${percent(report.minCoveredShare)} installed or implementing by ${shortDate(report.asOf)}`;
  return chartSection({
    id: "coverage",
    heading: "Coverage by ICS",
    lead: `The share of each ICS's trusts with an EPR installed, and installed or implementing (covered), at ${shortDate(report.asOf)}. The target (profile ${report.profile}): ${targets}.`,
    chart: {
      id: "coverage-chart",
      title: "Installed and covered share of trusts by ICS",
      description: `${met} of ${plural(report.icss.length, "ICS", "ICSs")} meet the target (${targets}). Each ICS has two bars, installed share and covered share; the dashed lines are the minimums.`,
      labels,
      series: [
        { name: "Installed share", colour: "series-installed", values: report.icss.map((i) => i.installedShare) },
        { name: "Covered share", colour: "series-covered", values: report.icss.map((i) => i.coveredShare) },
      ],
      ...SHARE_SCALE,
      valueText: percent,
      lines: [
        { value: report.minInstalledShare, label: `Minimum installed ${percent(report.minInstalledShare)}` },
        { value: report.minCoveredShare, label: `Minimum covered ${percent(report.minCoveredShare)}` },
      ],
    },
    table: dataTable({
      caption: "Coverage by ICS",
      columns: [{ header: "ICS" }, { header: "Trusts", numeric: true }, { header: "Installed share", numeric: true }, { header: "Covered share", numeric: true }, { header: "Target met" }],
      rows: report.icss.map((i, n) => [labels[n] ?? "", String(i.trusts), percent(i.installedShare), percent(i.coveredShare), yesNo(i.met)]),
    }),
  });
}
