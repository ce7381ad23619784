/** Supplier shares now (Live trusts) and after the plans (target systems), with the market's concentration (HHI). */
import type { NationalReport } from "../types";
import { chartSection } from "./chartSection";
import { escapeHtml } from "./escape";
import { count, percent } from "./format";
import { niceScale } from "./scale";
import { dataTable } from "./table";

export function suppliersSection(report: NationalReport): string {
  const s = report.suppliers;
  const largest = Math.max(0, ...s.rows.flatMap((r) => [r.shareNow, r.shareTarget]));
  const scale = niceScale(largest);
  const leader = s.rows[0];
  return chartSection({
    id: "suppliers",
    heading: "Supplier shares now and after the plans",
    lead: `The share of trusts on each supplier's EPR: now (${count(s.trustsNow)} trusts live on a supplier's system) and after the plans (${count(s.trustsTarget)} trusts with a target system). In-house and Other are one row each.`,
    chart: {
      id: "suppliers-chart",
      title: "Supplier share of trusts, now and at target",
      description: leader === undefined
        ? "No trust names a supplier now or at target."
        : `${s.rows.length} suppliers; the largest is ${leader.supplier}, ${percent(leader.shareNow)} of trusts now and ${percent(leader.shareTarget)} after the plans. HHI ${s.hhiNow.toFixed(4)} now, ${s.hhiTarget.toFixed(4)} at target.`,
      labels: s.rows.map((r) => r.supplier),
      series: [
        { name: "Now", colour: "series-now", values: s.rows.map((r) => r.shareNow) },
        { name: "After the plans", colour: "series-target", values: s.rows.map((r) => r.shareTarget) },
      ],
      ...scale,
      valueText: percent,
    },
    table: dataTable({
      caption: "Supplier market by trusts",
      columns: [{ header: "Supplier" }, { header: "Trusts now", numeric: true }, { header: "Share now", numeric: true }, { header: "Trusts at target", numeric: true }, { header: "Share at target", numeric: true }],
      rows: s.rows.map((r) => [r.supplier, count(r.trustsNow), percent(r.shareNow), count(r.trustsTarget), percent(r.shareTarget)]),
    }),
    after: `<p class="hhi">Market concentration (HHI, Σ share²): <strong>${escapeHtml(s.hhiNow.toFixed(4))}</strong> now, <strong>${escapeHtml(s.hhiTarget.toFixed(4))}</strong> after the plans; by beds ${escapeHtml(s.bedHhiNow.toFixed(4))} now, ${escapeHtml(s.bedHhiTarget.toFixed(4))} after.</p>`,
  });
}
