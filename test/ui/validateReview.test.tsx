/** The Validate view's review of a report: fixes and their preview, counts and filters, Next/Previous, accepted warnings. */
import { paneAdapters } from "./paneAdapters";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/ui/App";
import type { CellWrite } from "../../src/app/gateway";
import { ACCEPTED_WARNINGS_SETTING, type AcceptedWarning } from "../../src/app/review/acceptance";
import type { Row } from "../../src/core/cells";
import { FakeGateway } from "./fakeGateway";
import { HEADERS, ICS_ROWS, trustRow } from "./fixtures";

/**
 * E2 "Cerner" (spelling, warning), G2 "12/31/2019" (month first, error), D3 "Bogus" (status, error),
 * H4 "Q3 2025/26" (a quarter, warning), S4 "900" (beds as text, warning): in that order.
 */
function reviewRows(): Row[] {
  return [
    HEADERS,
    trustRow({ trustCode: "RYJ", trustName: "Imperial College Healthcare", trustType: "Acute", eprStatus: "Live", supplier: "Cerner", goLiveDate: "12/31/2019", plan: "Keep", beds: 1000 }),
    trustRow({ trustCode: "R1H", trustName: "Barts Health", trustType: "Acute", eprStatus: "Bogus", plan: "Keep" }),
    trustRow({ trustCode: "RAL", trustName: "Royal Free London", trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "2021-05-01", contractEndDate: "Q3 2025/26", plan: "Keep", beds: "900" }),
  ];
}

function reviewGateway(): FakeGateway {
  return new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", reviewRows());
}

function renderValidate(gateway: FakeGateway) {
  return render(<App {...paneAdapters} gateway={gateway} initialView="validate" />);
}

async function verdictText(): Promise<string> {
  return (await screen.findByText(/trust rows?, submission date/)).textContent ?? "";
}

/** The cells of the issues listed, in order. */
function listedCells(): string[] {
  return screen.queryAllByRole("button", { name: /^(Error|Warning) [A-Z]+\d+:/ }).map((b) => /([A-Z]+\d+):/.exec(b.textContent ?? "")?.[1] ?? "");
}

describe("Validate view: fixes", () => {
  it("offers a Fix for a month-first date and a number typed as text, and writes the values the messages name", async () => {
    const gateway = reviewGateway();
    renderValidate(gateway);
    await userEvent.click(await screen.findByRole("button", { name: "Fix all (3)" }));
    const preview = screen.getByRole("region", { name: "Changes to apply" });
    expect(within(preview).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Trusts!E2: Cerner → Oracle Health",
      "Trusts!G2: 12/31/2019 → 31/12/2019",
      "Trusts!S4: 900 → 900",
    ]);

    await userEvent.click(within(preview).getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(gateway.callsTo("writeCells")).toHaveLength(1));
    expect(gateway.callsTo("writeCells")[0]?.[1] as CellWrite[]).toEqual([
      { address: "E2", value: "Oracle Health" },
      { address: "G2", value: "31/12/2019" },
      { address: "S4", value: 900 },
    ]);
    expect(await screen.findByText(/^1 error, 1 warning/)).toBeInTheDocument();
    expect(screen.getByText("Fixed 3 cells.")).toBeInTheDocument();
    expect(listedCells()).toEqual(["D3", "H4"]);
  });

  it("opens the preview under its issue with focus on Apply; Escape cancels back to Fix, Apply moves focus to the Issues heading", async () => {
    const gateway = reviewGateway();
    renderValidate(gateway);
    const fix = await screen.findByRole("button", { name: "Fix G2" });
    await userEvent.click(fix);
    const preview = screen.getByRole("region", { name: "Changes to apply" });
    // Next to the issue, not at the top of the pane.
    expect(fix.closest("li")).toContainElement(preview);
    expect(fix).toHaveAttribute("aria-expanded", "true");
    expect(fix).toHaveAttribute("aria-controls", preview.id);
    const apply = within(preview).getByRole("button", { name: "Apply" });
    expect(apply).toHaveFocus();
    expect(apply).toHaveAccessibleDescription("This cell will change: Trusts!G2: 12/31/2019 → 31/12/2019");

    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "Changes to apply" })).not.toBeInTheDocument();
    expect(fix).toHaveFocus();
    expect(gateway.callsTo("writeCells")).toHaveLength(0);

    await userEvent.keyboard("{Enter}");
    expect(within(screen.getByRole("region", { name: "Changes to apply" })).getByRole("button", { name: "Apply" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(gateway.cell("Trusts", "G2")).toBe("31/12/2019"));
    expect(screen.getByRole("heading", { name: "Issues", level: 3 })).toHaveFocus();
    expect(await screen.findByText("Fixed Trusts!G2.")).toBeInTheDocument();
    await waitFor(() => expect(listedCells()).toEqual(["E2", "D3", "H4", "S4"]));
  });

  it("Cancel on Fix all gives focus back to Fix all", async () => {
    renderValidate(reviewGateway());
    const fixAll = await screen.findByRole("button", { name: "Fix all (3)" });
    await userEvent.click(fixAll);
    expect(fixAll).toHaveAttribute("aria-expanded", "true");
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(fixAll).toHaveFocus();
    expect(fixAll).toHaveAttribute("aria-expanded", "false");
  });

  it("closes a preview whose cell the user corrected meanwhile", async () => {
    const gateway = reviewGateway();
    renderValidate(gateway);
    await userEvent.click(await screen.findByRole("button", { name: "Fix G2" }));
    act(() => gateway.edit("Trusts", "G2", "31/12/2019"));
    await waitFor(() => expect(screen.queryByRole("region", { name: "Changes to apply" })).not.toBeInTheDocument());
    expect(screen.getByRole("heading", { name: "Issues", level: 3 })).toHaveFocus();
  });
});

describe("Validate view: counts, filters and Next/Previous", () => {
  it("counts the issues by severity and kind, and filters by severity, kind and column", async () => {
    renderValidate(reviewGateway());
    await verdictText();
    const severity = screen.getByRole("group", { name: "Severity:" });
    expect(within(severity).getAllByRole("button").map((b) => b.textContent)).toEqual(["All (5)", "Errors (2)", "Warnings (3)"]);
    const kinds = screen.getByRole("group", { name: "By type:" });
    expect(within(kinds).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "Not an allowed value (1)", "Unreadable date (1)", "Month, quarter or year only (1)", "Non-standard spelling (1)", "Number typed as text (1)",
    ]);

    await userEvent.click(within(severity).getByRole("button", { name: "Errors (2)" }));
    expect(within(severity).getByRole("button", { name: "Errors (2)" })).toHaveAttribute("aria-pressed", "true");
    expect(listedCells()).toEqual(["G2", "D3"]);
    expect(screen.getByRole("button", { name: "Fix all shown (1)" })).toBeInTheDocument();

    await userEvent.click(within(kinds).getByRole("button", { name: "Non-standard spelling (1)" }));
    expect(listedCells()).toEqual([]);
    expect(screen.getByText("No issues match these filters.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Show every issue" }));
    expect(listedCells()).toEqual(["E2", "G2", "D3", "H4", "S4"]);

    await userEvent.click(screen.getByRole("combobox", { name: "Column" }));
    expect(within(screen.getByRole("listbox")).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "All columns (5)", "EPR status (D) (1)", "EPR supplier (E) (1)", "Go-live date (G) (1)", "Contract end date (H) (1)", "Beds (S) (1)",
    ]);
    await userEvent.click(screen.getByRole("option", { name: "EPR supplier (E) (1)" }));
    expect(listedCells()).toEqual(["E2"]);
  });

  it("Next and Previous issue select each issue's cell in turn, wrapping round, and mark it in the list", async () => {
    const gateway = reviewGateway();
    renderValidate(gateway);
    await verdictText();
    const next = screen.getByRole("button", { name: "Next issue" });
    await userEvent.click(next);
    await waitFor(() => expect(gateway.selection).toEqual({ sheet: "Trusts", address: "E2" }));
    expect(screen.getByText("Issue 1 of 5")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /E2: "Cerner"/ })).toHaveAttribute("aria-current", "true");

    // From the keyboard: focus stays on Next, so Enter steps on.
    expect(next).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(gateway.selection).toEqual({ sheet: "Trusts", address: "G2" }));
    await userEvent.click(screen.getByRole("button", { name: "Previous issue" }));
    await userEvent.click(screen.getByRole("button", { name: "Previous issue" }));
    await waitFor(() => expect(gateway.selection).toEqual({ sheet: "Trusts", address: "S4" }));
    expect(screen.getByText("Issue 5 of 5")).toBeInTheDocument();

    // Clicking an issue makes it the current one: Next goes on from there.
    await userEvent.click(screen.getByRole("button", { name: /D3: "Bogus"/ }));
    await userEvent.click(next);
    await waitFor(() => expect(gateway.selection).toEqual({ sheet: "Trusts", address: "H4" }));
    expect(gateway.callsTo("selectCell").map(([, address]) => address)).toEqual(["E2", "G2", "E2", "S4", "D3", "H4"]);
  });
});

describe("Validate view: accepting a warning", () => {
  it("stores the acceptance in the workbook and takes the warning out of the counts and marks until the value changes; Un-accept undoes it", async () => {
    const gateway = reviewGateway();
    renderValidate(gateway);
    expect(await verdictText()).toMatch(/^2 errors, 3 warnings/);
    expect(screen.queryByRole("button", { name: "Accept the warning in G2" })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Accept the warning in H4" }));
    await waitFor(() => expect(gateway.callsTo("saveSetting")).toHaveLength(1));
    const [key, stored] = gateway.callsTo("saveSetting")[0] ?? [];
    expect(key).toBe(ACCEPTED_WARNINGS_SETTING);
    expect(stored).toEqual([{ sheet: "Trusts", cell: "H4", code: "imprecise_date", value: "Q3 2025/26", at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown }]);
    expect(await screen.findByText("Accepted the warning in Trusts!H4.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Issues", level: 3 })).toHaveFocus();
    expect(await verdictText()).toMatch(/^2 errors, 2 warnings/);
    expect(screen.getByRole("button", { name: "Warnings (2)" })).toBeInTheDocument();
    expect(listedCells()).toEqual(["E2", "G2", "D3", "S4"]);

    // Marks leave it out too.
    await userEvent.click(screen.getByRole("button", { name: "Mark" }));
    await waitFor(() => expect(gateway.marks.get("Trusts")?.map((m) => m.address)).toEqual(["E2", "G2", "D3", "S4"]));

    const shown = screen.getByRole("button", { name: "1 accepted (show)" });
    await userEvent.click(shown);
    expect(shown).toHaveAttribute("aria-expanded", "true");
    const accepted = screen.getByRole("list", { name: "Accepted warnings" });
    expect(accepted).toHaveTextContent(/^Trusts!H4: "Q3 2025\/26" — Month, quarter or year only, accepted on \d{1,2} \w{3} \d{4}/);

    await userEvent.click(within(accepted).getByRole("button", { name: "Un-accept the warning in H4" }));
    await waitFor(() => expect(listedCells()).toEqual(["E2", "G2", "D3", "H4", "S4"]));
    expect(gateway.settings.has(ACCEPTED_WARNINGS_SETTING)).toBe(false);
    await waitFor(() => expect(gateway.marks.get("Trusts")?.map((m) => m.address)).toEqual(["E2", "G2", "D3", "H4", "S4"]));
    expect(screen.getByRole("heading", { name: "Issues", level: 3 })).toHaveFocus();

    // Accepted again, then the cell changes: a new warning, counted again; the old acceptance lapses.
    await userEvent.click(screen.getByRole("button", { name: "Accept the warning in H4" }));
    await screen.findByRole("button", { name: "1 accepted (show)" });
    act(() => gateway.edit("Trusts", "H4", "Q4 2025/26"));
    await waitFor(() => expect(screen.getByRole("button", { name: /H4: "Q4 2025\/26"/ })).toBeInTheDocument());
    expect(screen.queryByRole("button", { name: /accepted \(show\)/ })).not.toBeInTheDocument();
    expect(await verdictText()).toMatch(/^2 errors, 3 warnings/);
  });

  it("reads the acceptances already stored in the workbook", async () => {
    const gateway = reviewGateway();
    const stored: AcceptedWarning[] = [{ sheet: "Trusts", cell: "S4", code: "number_as_text", value: "900", at: "2026-03-12T10:00:00.000Z" }];
    gateway.settings.set(ACCEPTED_WARNINGS_SETTING, stored);
    renderValidate(gateway);
    expect(await screen.findByText(/^2 errors, 2 warnings/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "1 accepted (show)" }));
    expect(screen.getByRole("list", { name: "Accepted warnings" })).toHaveTextContent('Trusts!S4: "900" — Number typed as text, accepted on 12 Mar 2026');
    // An accepted warning is left as it is by Fix all.
    expect(screen.getByRole("button", { name: "Fix all (2)" })).toBeInTheDocument();
  });
});
