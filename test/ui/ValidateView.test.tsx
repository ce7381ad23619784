import { paneAdapters } from "./paneAdapters";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/ui/App";
import type { CellMark, CellWrite } from "../../src/app/gateway";
import { FakeGateway } from "./fakeGateway";
import { ICS_ROWS, cleanReturn, returnWithIssues, trustRow, HEADERS } from "./fixtures";

function renderValidate(gateway: FakeGateway) {
  return render(<App {...paneAdapters} gateway={gateway} initialView="validate" />);
}

function gatewayWithIssues(): FakeGateway {
  return new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", returnWithIssues());
}

async function verdictText(): Promise<string> {
  const status = await screen.findByText(/trust rows, submission date/);
  return status.textContent ?? "";
}

describe("Validate view", () => {
  it("says a clean return is ready to send, using the ICS sheet's submission date", async () => {
    renderValidate(new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn()));
    expect(await verdictText()).toBe("Ready to send (3 trust rows, submission date 2024-06-30)");
  });

  it("counts errors and warnings and groups the issues by trust", async () => {
    renderValidate(gatewayWithIssues());
    expect(await verdictText()).toMatch(/^1 error, 1 warning \(3 trust rows/);
    const imperial = screen.getByRole("group", { name: "Row 2: Imperial College Healthcare (RYJ)" });
    expect(within(imperial).getByRole("button", { name: /E2: "Cerner"/ })).toBeInTheDocument();
    const barts = screen.getByRole("group", { name: "Row 3: Barts Health (R1H)" });
    expect(within(barts).getByRole("button", { name: /Error.*D3: "Bogus"/ })).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: /Royal Free/ })).not.toBeInTheDocument();
  });

  it("selects an issue's cell on click and on Enter", async () => {
    const gateway = gatewayWithIssues();
    renderValidate(gateway);
    await userEvent.click(await screen.findByRole("button", { name: /D3: "Bogus"/ }));
    await waitFor(() => expect(gateway.callsTo("selectCell")).toEqual([["Trusts", "D3"]]));

    screen.getByRole("button", { name: /E2: "Cerner"/ }).focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(gateway.callsTo("selectCell")).toEqual([["Trusts", "D3"], ["Trusts", "E2"]]));
  });

  it("an issue on a hidden sheet: says so and offers to unhide the sheet and go there, unhiding it only on that click", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", returnWithIssues(), false);
    renderValidate(gateway);
    await userEvent.click(await screen.findByRole("button", { name: /D3: "Bogus"/ }));
    const unhide = await screen.findByRole("button", { name: "Unhide the sheet and go there" });
    expect(screen.getByText('The sheet "Trusts" is hidden')).toBeInTheDocument();
    expect(gateway.callsTo("selectCell")).toEqual([["Trusts", "D3"]]);
    expect((await gateway.listSheets()).find((s) => s.name === "Trusts")?.visible).toBe(false);
    expect(gateway.selection).toBeNull();

    await userEvent.click(unhide);
    await waitFor(() => expect(gateway.selection).toEqual({ sheet: "Trusts", address: "D3" }));
    expect(gateway.callsTo("selectCell")).toEqual([["Trusts", "D3"], ["Trusts", "D3", { unhide: true }]]);
    expect((await gateway.listSheets()).find((s) => s.name === "Trusts")?.visible).toBe(true);
    expect(screen.queryByRole("button", { name: "Unhide the sheet and go there" })).not.toBeInTheDocument();
    expect(screen.queryByText(/Could not select the cell/)).not.toBeInTheDocument();
  });

  it("an issue on a hidden sheet: Dismiss leaves the sheet hidden", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", returnWithIssues(), false);
    renderValidate(gateway);
    await userEvent.click(await screen.findByRole("button", { name: /D3: "Bogus"/ }));
    await screen.findByRole("button", { name: "Unhide the sheet and go there" });
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("button", { name: "Unhide the sheet and go there" })).not.toBeInTheDocument();
    expect(gateway.callsTo("selectCell")).toEqual([["Trusts", "D3"]]);
    expect((await gateway.listSheets()).find((s) => s.name === "Trusts")?.visible).toBe(false);
  });

  it("an issue on a very hidden sheet: says why it cannot go there, and offers no unhiding", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", returnWithIssues(), "veryHidden");
    renderValidate(gateway);
    await userEvent.click(await screen.findByRole("button", { name: /D3: "Bogus"/ }));
    expect(await screen.findByText(/"Trusts" is very hidden/)).toBeInTheDocument();
    expect(screen.getByText("Could not select the cell")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Unhide the sheet and go there" })).not.toBeInTheDocument();
    expect(gateway.callsTo("selectCell")).toEqual([["Trusts", "D3"]]);
  });

  it("marks the issue cells and clears the marks", async () => {
    const gateway = gatewayWithIssues();
    renderValidate(gateway);
    await verdictText();
    await userEvent.click(screen.getByRole("button", { name: "Mark" }));
    await waitFor(() => expect(gateway.callsTo("markCells")).toHaveLength(1));
    const [sheet, marks] = gateway.callsTo("markCells")[0] ?? [];
    expect(sheet).toBe("Trusts");
    expect(marks as CellMark[]).toEqual([
      { address: "E2", severity: "warning" },
      { address: "D3", severity: "error" },
    ]);

    await userEvent.click(screen.getByRole("button", { name: "Clear marks" }));
    await waitFor(() => expect(gateway.callsTo("clearMarks")).toEqual([["Trusts"]]));
    expect(gateway.marks.has("Trusts")).toBe(false);
  });

  it("shows what a fix will change before writing the replacement", async () => {
    const gateway = gatewayWithIssues();
    renderValidate(gateway);
    await userEvent.click(await screen.findByRole("button", { name: "Fix E2" }));

    const preview = screen.getByRole("region", { name: "Changes to apply" });
    expect(within(preview).getByText("Trusts!E2: Cerner → Oracle Health")).toBeInTheDocument();
    expect(gateway.callsTo("writeCells")).toHaveLength(0);

    await userEvent.click(within(preview).getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(gateway.callsTo("writeCells")).toHaveLength(1));
    expect(gateway.callsTo("writeCells")[0]).toEqual(["Trusts", [{ address: "E2", value: "Oracle Health" } satisfies CellWrite]]);
    expect(gateway.cell("Trusts", "E2")).toBe("Oracle Health");
    // Re-validated after the fix: only the error is left.
    await waitFor(() => expect(screen.getByText(/^1 error, 0 warnings/)).toBeInTheDocument());
    expect(screen.queryByRole("region", { name: "Changes to apply" })).not.toBeInTheDocument();
  });

  it("fixes all non-canonical spellings after one preview", async () => {
    const rows = [...returnWithIssues(), trustRow({ trustCode: "rf4", trustName: "Queen's", trustType: "acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "2020-01-01", plan: "Keep" })];
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", rows);
    renderValidate(gateway);
    await userEvent.click(await screen.findByRole("button", { name: "Fix all (3)" }));
    const preview = screen.getByRole("region", { name: "Changes to apply" });
    expect(within(preview).getByText("These 3 cells will change:")).toBeInTheDocument();
    expect(within(preview).getByText("Trusts!A5: rf4 → RF4")).toBeInTheDocument();
    expect(within(preview).getByText("Trusts!C5: acute → Acute")).toBeInTheDocument();

    await userEvent.click(within(preview).getByRole("button", { name: "Cancel" }));
    expect(gateway.callsTo("writeCells")).toHaveLength(0);

    await userEvent.click(screen.getByRole("button", { name: "Fix all (3)" }));
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(gateway.callsTo("writeCells")).toHaveLength(1));
    const writes = gateway.callsTo("writeCells")[0]?.[1] as CellWrite[];
    expect(writes.map((w) => `${w.address}=${String(w.value)}`).sort()).toEqual(["A5=RF4", "C5=Acute", "E2=Oracle Health"]);
  });

  it("disables Re-validate while it runs", async () => {
    const gateway = gatewayWithIssues();
    renderValidate(gateway);
    await verdictText();
    const reads = gateway.callsTo("readSheet").length;
    const release = gateway.hold("readSheet");
    const button = screen.getByRole("button", { name: /Re-validate/ });
    await userEvent.click(button);
    expect(button).toBeDisabled();
    await userEvent.click(button);
    release();
    await waitFor(() => expect(button).toBeEnabled());
    // One check: the ICS sheet and the trust sheet, read once each.
    expect(gateway.callsTo("readSheet").length - reads).toBe(2);
  });

  it("shows the gateway's message when the sheet cannot be read", async () => {
    const gateway = gatewayWithIssues().failWith("readSheet", "The sheet Trusts is locked by another user.");
    renderValidate(gateway);
    expect(await screen.findByText("Could not check the return")).toBeInTheDocument();
    expect(screen.getByText(/locked by another user/)).toBeInTheDocument();
  });

  it("shows the gateway's message when marking fails", async () => {
    const gateway = gatewayWithIssues().failWith("markCells", "The sheet is protected.");
    renderValidate(gateway);
    await verdictText();
    await userEvent.click(screen.getByRole("button", { name: "Mark" }));
    expect(await screen.findByText("Could not mark the cells")).toBeInTheDocument();
    expect(screen.getByText(/The sheet is protected\./)).toBeInTheDocument();
  });

  it("re-validates when the sheet changes while the option is on, and unsubscribes when off", async () => {
    const gateway = gatewayWithIssues();
    renderValidate(gateway);
    expect(await verdictText()).toMatch(/^1 error/);
    await userEvent.click(screen.getByRole("switch", { name: "Re-validate when the sheet changes" }));
    await waitFor(() => expect(gateway.listenerCount("Trusts")).toBe(1));

    act(() => gateway.edit("Trusts", "D3", "Live"));
    await waitFor(() => expect(screen.queryByRole("button", { name: /D3: "Bogus"/ })).not.toBeInTheDocument());

    await userEvent.click(screen.getByRole("switch", { name: "Re-validate when the sheet changes" }));
    await waitFor(() => expect(gateway.listenerCount("Trusts")).toBe(0));
  });

  it("shows the first rows' issues and more on request", async () => {
    // Each row lacks only its trust type: one issue per row.
    const bad = Array.from({ length: 60 }, (_, i) =>
      trustRow({ trustCode: `R${String(i).padStart(2, "0")}`, trustName: `Trust ${i}`, eprStatus: "No EPR", plan: "New EPR", targetSupplier: "Epic", targetGoLiveDate: "2030-01-01", businessCaseStage: "SOC", fundingModel: "Tailored", totalCost: 10, localFunding: 5, nationalFunding: 5 }),
    );
    renderValidate(new FakeGateway().addSheet("Trusts", [HEADERS, ...bad]));
    // Text queries: role queries over a thousand nodes are slow in jsdom.
    const more = await screen.findByText("Show more (10 more rows)", {}, { timeout: 5000 });
    expect(screen.getAllByText(/^Row \d+: Trust/)).toHaveLength(50);
    await userEvent.click(more);
    expect(screen.getAllByText(/^Row \d+: Trust/)).toHaveLength(60);
    expect(screen.queryByText(/Show more/)).not.toBeInTheDocument();
  });
});
