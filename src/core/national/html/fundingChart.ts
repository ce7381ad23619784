/** National funding asked by each ICS: the sum of its trust rows' national funding requested. */
import type { NationalReport } from "../types";
import { chartSection } from "./chartSection";
import { icsLabel } from "./escape";
import { formatPounds, shortPounds } from "./format";
import { niceScale } from "./scale";
import { dataTable } from "./table";

export function fundingSection(report: NationalReport): string {
  const labels = report.icss.map(icsLabel);
  const amounts = report.icss.map((i) => i.nationalFunding);
  const scale = niceScale(Math.max(0, ...amounts));
  const asking = amounts.filter((a) => a > 0).length;
  return chartSection({
    id: "funding",
    heading: "National funding asked by ICS",
    lead: `National funding requested, summed over each ICS's trusts: ${shortPounds(report.national.nationalFunding)} in all.`,
    chart: {
      id: "funding-chart",
      title: "National funding requested by ICS",
      description: `${asking} of ${report.icss.length} ICSs ask for national funding, ${shortPounds(report.national.nationalFunding)} in all. One bar per ICS.`,
      labels,
      series: [{ name: "National funding requested", colour: "series-funding", values: amounts }],
      ...scale,
      valueText: shortPounds,
    },
    table: dataTable({
      caption: "National funding requested by ICS",
      columns: [{ header: "ICS" }, { header: "National funding requested", numeric: true }],
      rows: report.icss.map((i, n) => [labels[n] ?? "", formatPounds(i.nationalFunding)]),
    }),
  });
}
