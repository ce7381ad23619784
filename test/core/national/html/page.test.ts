/**
 * @jest-environment jsdom
 *
 * OUT.html (src/core/national/html) from the 22 generated returns' figures: every headline figure against the
 * independent computation, in UK presentation; the charts' bars and target lines against the figures; text from the
 * returns (hostile ICS names, file names, reasons) inert; nothing fetched; the structure an assistive technology needs.
 */
import { REGIONS } from "../../../../src/core/enums";
import { nationalReport, type NationalReport, type ReturnSummary } from "../../../../src/core/national";
import { reportPage } from "../../../../src/core/national/html";
import { nationalReturnsData, type GeneratedReturn } from "../../../helpers/nationalReturns";
import { area, market, regionGroups, TARGETS, type Area } from "../independent";

const HOSTILE_NAME = "<script>alert('name')</script>";
const HOSTILE_ATTRIBUTE = '"><img src=x onerror="alert(1)">';
const HOSTILE_FILE = "returns/<b onmouseover=alert(2)>.xlsx";
const HOSTILE_REASON = "not a workbook: <iframe src=javascript:alert(3)>";

const { returns: generated } = nationalReturnsData();
/** Two ICS names replaced by hostile ones: the figures are the same, only the names change. */
const named: GeneratedReturn[] = generated.map((g, i) => (i === 0 ? { ...g, icsName: HOSTILE_NAME } : i === 1 ? { ...g, icsName: HOSTILE_ATTRIBUTE } : g));

function summaryOf(g: GeneratedReturn): ReturnSummary {
  return {
    file: g.file, icsName: g.icsName, icbCode: g.icbCode, region: g.region, targetProfile: g.targetProfile, submissionDate: g.submissionDate,
    trusts: g.trusts, errors: g.hasErrors ? 2 : 0, warnings: 0, stamp: g.stamp,
  };
}

const report: NationalReport = nationalReport(named.map(summaryOf), [{ file: HOSTILE_FILE, reason: HOSTILE_REASON }], { profile: "dec-2023" });
const html = reportPage(report);
const doc = new DOMParser().parseFromString(html, "text/html");

// The test's own presentation, written from docs/national.md's rules, not from the page's code.
const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;
const millions = (amount: number): string => (Math.abs(amount) < 1_000_000
  ? `${amount < 0 ? "-" : ""}£${Math.round(Math.abs(amount)).toLocaleString("en-GB")}`
  : `${amount < 0 ? "-" : ""}£${(Math.abs(amount) / 1_000_000).toFixed(1)}m`);
const ukDate = (iso: string | null): string => (iso === null ? "–" : iso.split("-").reverse().join("/"));

function expectedTexts(a: Area): Record<string, string> {
  return {
    ICSs: String(a.icss), Trusts: String(a.trusts), Installed: String(a.installed), Implementing: String(a.implementing),
    "Installed share": pct(a.installedShare), "Covered share": pct(a.coveredShare), "Target met": a.met ? "Yes" : "No",
    "Date 90% installed": ukDate(a.date90), "Distinct systems (now)": String(a.systemsNow), "Distinct systems (target)": String(a.systemsTarget),
    "Effective systems (now)": a.effectiveNow.toFixed(2), "Effective systems (target)": a.effectiveTarget.toFixed(2),
    "Convergence score (now)": a.scoreNow.toFixed(1), "Convergence score (target)": a.scoreTarget.toFixed(1),
    "Total cost": millions(a.totalCost), "Local funding": millions(a.localFunding), "National funding requested": millions(a.nationalFunding),
    "Funding gap": millions(a.gap),
  };
}

/** A table as { column header → { row header → text } }. */
function tableByCaption(caption: string): Map<string, Map<string, string>> {
  const table = [...doc.querySelectorAll("table")].find((t) => t.caption?.textContent === caption);
  if (!table) throw new Error(`no table captioned ${caption}`);
  const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
  const columns = new Map(headers.map((h) => [h, new Map<string, string>()]));
  for (const tr of table.querySelectorAll("tbody tr")) {
    const cells = [...tr.children].map((c) => c.textContent ?? "");
    cells.forEach((text, i) => columns.get(headers[i] ?? "")?.set(cells[0] ?? "", text));
  }
  return columns;
}

const shortened = (name: string): string => (name.length > 30 ? `${name.slice(0, 29)}…` : name);
const bars = (chart: string, series: string): number[] =>
  [...doc.querySelectorAll(`#${chart} rect.bar[data-series="${series}"]`)].map((r) => Number(r.getAttribute("width")));
/** The plot's width in the chart's units (barChart.ts): a bar's width over it is its value over the axis's end. */
const PLOT_WIDTH = 440;

describe("the national report page", () => {
  it("gives every headline figure for England and each region, against the independent computation, in UK presentation", () => {
    const dec = TARGETS["dec-2023"];
    const areas = tableByCaption("Headline figures for England and each region");
    const groups = regionGroups(named, REGIONS);
    expect([...areas.keys()]).toEqual(["Figure", "England", ...groups.map((g) => g ?? "Region not given")]);
    const check = (label: string, want: Area) => {
      const column = areas.get(label);
      for (const [figure, text] of Object.entries(expectedTexts(want))) expect([label, figure, column?.get(figure)]).toEqual([label, figure, text]);
    };
    check("England", area(named, dec));
    for (const region of groups) check(region ?? "Region not given", area(named.filter((g) => g.region === region), dec));
    expect(doc.querySelector("header .meta")?.textContent).toBe("22 returns read, 1 not read; profile dec-2023 (as asked); target date 31/12/2023");
  });

  it("draws the coverage chart from each ICS's shares, with the profile's minimums as target lines, and the same figures beside it", () => {
    const dec = TARGETS["dec-2023"];
    const own = named.map((g) => area([g], dec));
    const installed = bars("coverage-figure", "installed-share");
    const covered = bars("coverage-figure", "covered-share");
    expect([installed.length, covered.length]).toEqual([22, 22]);
    own.forEach((a, i) => {
      expect(Math.abs((installed[i] ?? -1) - a.installedShare * PLOT_WIDTH)).toBeLessThanOrEqual(0.05);
      expect(Math.abs((covered[i] ?? -1) - a.coveredShare * PLOT_WIDTH)).toBeLessThanOrEqual(0.05);
    });
    const lines = [...doc.querySelectorAll("#coverage-figure line.target-at")].map((l) => Number(l.getAttribute("x1")));
    expect(lines).toEqual([210 + 0.9 * PLOT_WIDTH, 210 + PLOT_WIDTH]);
    const table = tableByCaption("Coverage by ICS");
    const names = named.map((g) => g.icsName ?? g.file.split("/").pop());
    expect([...(table.get("Installed share")?.values() ?? [])]).toEqual(own.map((a) => pct(a.installedShare)));
    expect([...(table.get("ICS")?.keys() ?? [])]).toEqual(names);
    expect([...(table.get("Target met")?.values() ?? [])]).toEqual(own.map((a) => (a.met ? "Yes" : "No")));
  });

  it("draws supplier shares now and after the plans, and national funding by ICS, with their tables", () => {
    const m = market(named);
    const suppliers = report.suppliers.rows.map((r) => r.supplier);
    expect(suppliers.slice().sort()).toEqual([...m.bySupplier.keys()].sort());
    const now = bars("suppliers-figure", "now");
    const later = bars("suppliers-figure", "after-the-plans");
    expect([now.length, later.length]).toEqual([suppliers.length, suppliers.length]);
    // Proportional: each bar over the largest is its share over the largest share.
    const largest = Math.max(...[...m.bySupplier.values()].flatMap((l) => [l.shareNow, l.shareTarget]));
    const widest = Math.max(...now, ...later);
    suppliers.forEach((s, i) => {
      const line = m.bySupplier.get(s);
      expect(Math.abs((now[i] ?? -1) / widest - (line?.shareNow ?? -1) / largest)).toBeLessThan(0.001);
      expect(Math.abs((later[i] ?? -1) / widest - (line?.shareTarget ?? -1) / largest)).toBeLessThan(0.001);
    });
    const supplierTable = tableByCaption("Supplier market by trusts");
    expect([...(supplierTable.get("Share at target")?.entries() ?? [])]).toEqual(suppliers.map((s) => [s, pct(m.bySupplier.get(s)?.shareTarget ?? -1)]));
    expect(doc.querySelector(".hhi")?.textContent).toContain(`${m.hhiNow.toFixed(4)} now, ${m.hhiTarget.toFixed(4)} after the plans`);

    const funding = named.map((g) => area([g], TARGETS["dec-2023"]).nationalFunding);
    const fundingBars = bars("funding-figure", "national-funding-requested");
    expect(fundingBars).toHaveLength(22);
    const most = Math.max(...funding);
    funding.forEach((f, i) => expect(Math.abs((fundingBars[i] ?? -1) / Math.max(...fundingBars) - f / most)).toBeLessThan(0.001));
    const fundingTable = tableByCaption("National funding requested by ICS");
    expect([...(fundingTable.get("National funding requested")?.values() ?? [])]).toEqual(funding.map((f) => `£${f.toLocaleString("en-GB")}`));
  });

  it("lists the problems: the duplicate trust code with both places, the unreadable file with its reason, the returns with errors", () => {
    const items = [...doc.querySelectorAll("#problems-heading ~ ul li")].map((li) => li.textContent ?? "");
    const duplicate = report.problems.duplicateTrusts[0];
    expect(items[0]).toMatch(new RegExp(`^${duplicate?.trustCode} is in 2 returns: ics-09\\.xlsx \\(row \\d+\\), ics-10\\.xlsx \\(row \\d+\\)\\. Both rows are counted\\.$`));
    expect(items[1]).toBe(`<b onmouseover=alert(2)>.xlsx: ${HOSTILE_REASON}`);
    expect(items.slice(2)).toEqual(named.filter((g) => g.hasErrors).map((g) => expect.stringMatching(new RegExp(`^${g.file.split("/").pop()?.replace(".", "\\.")} \\(.*\\): 2 errors and 0 warnings\\.`))));
  });

  it("shows hostile ICS names, file names and reasons as text: no element, attribute or script comes from them", () => {
    expect(doc.querySelectorAll("script, img, iframe, b, object, embed, base, form, link, meta[http-equiv=refresh]")).toHaveLength(0);
    const handlers = [...doc.querySelectorAll("*")].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith("on")));
    expect(handlers).toEqual([]);
    const text = doc.body.textContent ?? "";
    for (const hostile of [HOSTILE_NAME, HOSTILE_ATTRIBUTE, "<b onmouseover=alert(2)>.xlsx", HOSTILE_REASON]) expect(text).toContain(hostile);
    // In the charts too (SVG text), where a name is shortened to 30 characters.
    expect([...doc.querySelectorAll("#coverage-figure text.label")].map((t) => t.textContent).slice(0, 2)).toEqual([HOSTILE_NAME, HOSTILE_ATTRIBUTE].map(shortened));
    expect(html).not.toMatch(/<script|<img|<iframe|<b /i);
  });

  it("fetches nothing: no script, no external URL, no stylesheet link or font, a Content-Security-Policy that forbids them", () => {
    const urls = html.match(/(?:https?:)?\/\/[^\s"'<>)]+/g) ?? [];
    expect(urls.filter((u) => u !== "http://www.w3.org/2000/svg")).toEqual([]);
    expect(html).not.toMatch(/<[^>]*\ssrc=|@import|url\(|<link/i);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
  });

  it("is built for assistive technology: landmarks, headings in order, captioned tables with scoped headers, charts as images with text", () => {
    expect(doc.documentElement.lang).toBe("en-GB");
    expect(["header", "nav", "main", "footer"].map((tag) => doc.querySelectorAll(tag).length)).toEqual([1, 1, 1, 1]);
    const levels = [...doc.querySelectorAll("h1, h2, h3")].map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    for (const table of doc.querySelectorAll("table")) {
      expect(table.caption?.textContent).toMatch(/./);
      expect([...table.querySelectorAll("thead th")].every((th) => th.getAttribute("scope") === "col")).toBe(true);
      expect([...table.querySelectorAll("tbody th")].every((th) => th.getAttribute("scope") === "row")).toBe(true);
    }
    const charts = [...doc.querySelectorAll("svg")];
    expect(charts).toHaveLength(3);
    for (const svg of charts) {
      expect(svg.getAttribute("role")).toBe("img");
      const [titleId, descId] = (svg.getAttribute("aria-labelledby") ?? "").split(" ");
      expect([doc.getElementById(titleId ?? "")?.tagName, doc.getElementById(descId ?? "")?.textContent]).toEqual(["title", expect.stringMatching(/.{20,}/)]);
      // Each chart's figures are in a table beside it.
      expect(svg.closest(".chart-and-table")?.querySelector("table")).not.toBeNull();
    }
  });
});
