import { paneAdapters } from "./paneAdapters";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/ui/App";
import type { FiguresSheet } from "../../src/app/gateway";
import { FakeGateway } from "./fakeGateway";
import { ICS_ROWS, cleanReturn, trustRow } from "./fixtures";

/** The labels of the template's Summary sheet (spec section 2). */
const SUMMARY_LABELS = [
  "Trusts", "Distinct systems (now)", "HHI (now)", "Effective systems (now)", "Convergence score (now)",
  "Distinct systems (target)", "HHI (target)", "Effective systems (target)", "Convergence score (target)",
  "Target date", "Installed by target date", "Implementing at target date", "Installed share", "Covered share",
  "Target met", "Total cost (£)", "Local funding (£)", "National funding requested (£)", "Funding gap (£)",
];

function figure(label: string): string {
  const row = screen.getByRole("row", { name: new RegExp(`^${label.replace(/[()£]/g, "\\$&")} `) });
  return within(row).getByRole("cell").textContent ?? "";
}

/** A figures table's rows as label → shown value. */
function figuresOf(table: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    within(table).getAllByRole("row").map((row) => [within(row).getByRole("rowheader").textContent ?? "", within(row).getByRole("cell").textContent ?? ""]),
  );
}

/** cleanReturn with Royal Free live only in June 2024: the dec-2023 target is not met, every later date meets it. */
function liveAfterDec2023() {
  const rows = cleanReturn();
  rows[3] = trustRow({ trustCode: "RAL", trustName: "Royal Free London", trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "2024-06-01", plan: "Keep", beds: 900 });
  return rows;
}

/** A written date cell as YYYY-MM-DD, whether written as a Date or as text. */
function writtenDay(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

function renderScores(gateway: FakeGateway) {
  return render(<App {...paneAdapters} gateway={gateway} initialView="scores" />);
}

describe("Scores view", () => {
  it("shows convergence, coverage and funding for a small return", async () => {
    // Two trusts on Epic, one on Oracle Health: HHI = (2/3)² + (1/3)² = 5/9, effective 1.8, score 60.
    renderScores(new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn()));
    await screen.findByRole("table", { name: "Convergence" });
    expect(figure("Trusts")).toBe("3");
    expect(figure("Distinct systems (now)")).toBe("2");
    expect(figure("HHI (now)")).toBe("0.556");
    expect(figure("Effective systems (now)")).toBe("1.8");
    expect(figure("Convergence score (now)")).toBe("60.0");
    // The ICS sheet names mar-2026.
    expect(screen.getByRole("table", { name: "Coverage (mar-2026)" })).toBeInTheDocument();
    expect(figure("Target date")).toBe("31/03/2026");
    expect(figure("Installed share")).toMatch(/^\d+(\.\d)?%$/);
    expect(figure("Total cost (£)")).toMatch(/^£\d{1,3}(,\d{3})*$/);
    expect(figure("Installed by target date")).toBe("3");
    expect(figure("Target met")).toBe("Yes");
    expect(screen.getByRole("img", { name: /Supplier shares now and at target/ })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /Share of trusts installed over time/ })).toBeInTheDocument();
  });

  it("recalculates for another profile", async () => {
    renderScores(new FakeGateway().addSheet("Trusts", cleanReturn()));
    await screen.findByRole("table", { name: "Coverage (dec-2023)" });
    expect(figure("Target date")).toBe("31/12/2023");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Target profile" }), "mar-2026");
    expect(screen.getByRole("table", { name: "Coverage (mar-2026)" })).toBeInTheDocument();
    expect(figure("Target date")).toBe("31/03/2026");
  });

  it("shows an as-of date as a what-if of its own, leaving the profile's target as it is", async () => {
    // dec-2023 asks for 90% installed by 31/12/2023, and two of three were.
    renderScores(new FakeGateway().addSheet("Trusts", liveAfterDec2023()));
    const target = await screen.findByRole("table", { name: "Coverage (dec-2023)" });
    const before = figuresOf(target);
    expect(before).toMatchObject({ "Target date": "31/12/2023", "Installed by target date": "2", "Target met": "No" });
    await userEvent.type(screen.getByLabelText("As-of date (optional)"), "31/12/2030");
    const whatIf = await screen.findByRole("table", { name: "What if: as of 31/12/2030" });
    // By 2030 all three are installed: the thresholds are met then, but the 2023 target still reads as not met.
    expect(figuresOf(whatIf)).toEqual({
      "Installed by then": "3", "Implementing then": "0", "Installed share": "100%", "Covered share": "100%", "dec-2023 thresholds met then": "Yes",
    });
    expect(figuresOf(target)).toEqual(before);
    expect(screen.getByText(/A what-if, not the target: the dec-2023 target is measured on 31 Dec 2023 \(above\); this holds its thresholds against 31 Dec 2030\./)).toBeInTheDocument();

    // mar-2026 asks only that every trust is installed or implementing: Live trusts not yet live count as implementing.
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Target profile" }), "mar-2026");
    const box = screen.getByLabelText("As-of date (optional)");
    await userEvent.clear(box);
    await userEvent.type(box, "31/12/2020");
    const earlier = await screen.findByRole("table", { name: "What if: as of 31/12/2020" });
    expect(figuresOf(earlier)).toMatchObject({ "Installed by then": "0", "Implementing then": "3", "mar-2026 thresholds met then": "Yes" });
    // The target is still judged on its own date: by 31/03/2026 all three were installed.
    expect(figuresOf(screen.getByRole("table", { name: "Coverage (mar-2026)" }))).toMatchObject({ "Target date": "31/03/2026", "Installed by target date": "3" });

    await userEvent.clear(box);
    await waitFor(() => expect(screen.queryByRole("table", { name: /^What if/ })).not.toBeInTheDocument());
  });

  it("reads the as-of date the UK way and says what it read", async () => {
    renderScores(new FakeGateway().addSheet("Trusts", cleanReturn()));
    await screen.findByRole("table", { name: "Convergence" });
    const box = screen.getByLabelText("As-of date (optional)");
    expect(screen.getByText("For a what-if, e.g. 31/03/2025.")).toBeInTheDocument();
    await userEvent.type(box, "31032025");
    expect(await screen.findByRole("table", { name: "What if: as of 31/03/2025" })).toBeInTheDocument();
    expect(screen.getByText("Read as 31 Mar 2025.")).toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.type(box, "30 Jun 2024");
    expect(await screen.findByRole("table", { name: "What if: as of 30/06/2024" })).toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.type(box, "31-12-2022");
    expect(await screen.findByRole("table", { name: "What if: as of 31/12/2022" })).toBeInTheDocument();
  });

  it("says when it cannot read the as-of date, keeping the last date it read", async () => {
    renderScores(new FakeGateway().addSheet("Trusts", cleanReturn()));
    await screen.findByRole("table", { name: "Convergence" });
    const box = screen.getByLabelText("As-of date (optional)");
    await userEvent.type(box, "31/12/2022");
    await screen.findByRole("table", { name: "What if: as of 31/12/2022" });
    await userEvent.type(box, " or so");
    // Nothing is said while the user is still typing; leaving the box says it.
    expect(screen.queryByText(/Could not read/)).not.toBeInTheDocument();
    await userEvent.tab();
    expect(await screen.findByText("Could not read “31/12/2022 or so” as a date. Use a date like 31/03/2025.")).toBeInTheDocument();
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("table", { name: "What if: as of 31/12/2022" })).toBeInTheDocument();
    // The what-if is not written, so an unfinished one does not hold Write Summary back.
    expect(screen.getByRole("button", { name: "Write Summary" })).toBeEnabled();

    await userEvent.clear(box);
    await userEvent.type(box, "12/31/2022{Enter}");
    expect(await screen.findByText("Put the day first: did you mean 31/12/2022?")).toBeInTheDocument();
    await userEvent.clear(box);
    expect(screen.queryByText(/Put the day first/)).not.toBeInTheDocument();
  });

  it("weights by beds, saying how many trusts were left out", async () => {
    const rows = cleanReturn();
    rows[3] = rows[3]?.map((v, i) => (i === 18 ? null : v)) ?? []; // Royal Free (Epic): blank beds
    renderScores(new FakeGateway().addSheet("Trusts", rows));
    await screen.findByRole("table", { name: "Convergence" });
    await userEvent.click(screen.getByRole("checkbox", { name: "Weight by beds" }));
    // Oracle Health 1000 beds, Epic 1500 beds: HHI = 0.4² + 0.6² = 0.52.
    await waitFor(() => expect(figure("HHI (now)")).toBe("0.520"));
    expect(figure("Left out for blank beds (now)")).toBe("1");
  });

  it("writes the figures with the Summary's labels, at the profile's target date whatever the what-if", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", liveAfterDec2023());
    renderScores(gateway);
    await screen.findByRole("table", { name: "Convergence" });
    await userEvent.type(screen.getByLabelText("As-of date (optional)"), "31/12/2030");
    await screen.findByRole("table", { name: "What if: as of 31/12/2030" });
    await userEvent.click(screen.getByRole("button", { name: "Write Summary" }));
    expect(await screen.findByText('Figures written to the sheet "EPR Scores".')).toBeInTheDocument();

    const [figures] = gateway.callsTo("writeFigures")[0] ?? [];
    const sheet = figures as FiguresSheet;
    expect(sheet.name).toBe("EPR Scores");
    const labels = sheet.rows.map((r) => r[0]);
    expect(labels.slice(0, SUMMARY_LABELS.length)).toEqual(SUMMARY_LABELS);
    expect(sheet.rows).toContainEqual(["Trusts", 3]);
    expect(sheet.rows).toContainEqual(["Convergence score (now)", 60]);
    const row = (label: string) => sheet.rows.find((r) => r[0] === label)?.[1];
    expect(writtenDay(row("Target date"))).toBe("2023-12-31");
    expect([false, "No"]).toContain(row("Target met"));
  });

  it("shows the gateway's message when writing fails", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", cleanReturn()).failWith("writeFigures", "The sheet EPR Scores is protected.");
    renderScores(gateway);
    await screen.findByRole("table", { name: "Convergence" });
    await userEvent.click(screen.getByRole("button", { name: "Write Summary" }));
    expect(await screen.findByText("Could not write the Summary")).toBeInTheDocument();
    expect(screen.getByText(/The sheet EPR Scores is protected\./)).toBeInTheDocument();
  });

  it("shows the gateway's message when the return cannot be read", async () => {
    renderScores(new FakeGateway().addSheet("Trusts", cleanReturn()).failWith("readSheet", "Excel is busy."));
    expect(await screen.findByText("Could not read the return")).toBeInTheDocument();
    expect(screen.getByText(/Excel is busy\./)).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: "Convergence" })).not.toBeInTheDocument();
  });
});
