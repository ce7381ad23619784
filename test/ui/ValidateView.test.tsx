import { paneAdapters } from "./paneAdapters";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/ui/App";
import type { CellMark, CellWrite } from "../../src/app/gateway";
import { FakeGateway } from "./fakeGateway";
import { ICS_ROWS, cleanReturn, returnWithIssues, trustRow, HEADERS } from "./fixtures";
import { SUBMISSION_DATE_SETTING } from "../../src/app/settings/submissionDate";
import { todayIso } from "../../src/core/dates";
import { formatUkDate } from "../../src/ui/format";
import type { Row } from "../../src/core/cells";
import { checkReturn } from "../../src/app/checkReturn";
import { createStamp, STAMP_SHEET, stampToRows } from "../../src/core/stamp";

function renderValidate(gateway: FakeGateway) {
  return render(<App {...paneAdapters} gateway={gateway} initialView="validate" />);
}

function gatewayWithIssues(): FakeGateway {
  return new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", returnWithIssues());
}

/** Whether a check is running (its spinner shows). */
function checkRunning(): boolean {
  return screen.queryByText("Checking the return…") !== null;
}

/** Picks the trust sheet in the sheet picker: a hidden sheet is never chosen by itself, but may be picked. */
async function pickSheet(name: string): Promise<void> {
  const picker = screen.getByRole("combobox", { name: "Sheet with the trust rows" });
  await waitFor(() => expect(within(picker).getByRole("option", { name: new RegExp(`^${name}`) })).toBeInTheDocument());
  await userEvent.selectOptions(picker, name);
}

async function verdictText(): Promise<string> {
  const status = await screen.findByText(/trust rows?, submission date/);
  return status.textContent ?? "";
}

describe("Validate view", () => {
  it("says a clean return is ready to send, using the ICS sheet's submission date", async () => {
    renderValidate(new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn()));
    expect(await verdictText()).toBe("Ready to send (3 trust rows, submission date 30 Jun 2024)");
    // Where the date comes from, and no box to give another: the ICS sheet's date is the one.
    expect(screen.getByText("The submission date is the ICS sheet's; change it there.")).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Submission date" })).not.toBeInTheDocument();
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
    await pickSheet("Trusts");
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
    await pickSheet("Trusts");
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
    await pickSheet("Trusts");
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
    expect(button).toHaveAttribute("aria-disabled", "true"); // inert but focusable while busy (BusyButton)
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

  it("checks live by default: the switch starts on and an edit re-checks at once; unmounting unsubscribes", async () => {
    const gateway = gatewayWithIssues();
    const { unmount } = renderValidate(gateway);
    expect(await verdictText()).toMatch(/^1 error/);
    expect(screen.getByRole("switch", { name: "Re-validate when the sheet changes" })).toBeChecked();
    await waitFor(() => expect(gateway.listenerCount("Trusts")).toBe(1));
    // The ICS sheet's issues are in the list too: its edits re-check as well.
    await waitFor(() => expect(gateway.listenerCount("ICS")).toBe(1));

    // A status that is allowed, but does not go with the plan Keep: D3's issue goes, I3's comes.
    act(() => gateway.edit("Trusts", "D3", "Procuring"));
    await waitFor(() => expect(screen.queryByRole("button", { name: /D3: "Bogus"/ })).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: /I3: "Keep"/ })).toBeInTheDocument();
    expect(screen.queryByText(/The sheet changed since this check/)).not.toBeInTheDocument();

    unmount();
    expect(gateway.listenerCount("Trusts")).toBe(0);
    expect(gateway.listenerCount("ICS")).toBe(0);
  });

  it("with live checking off, an edit makes the list say it is out of date; switching it on re-checks at once", async () => {
    const gateway = gatewayWithIssues();
    renderValidate(gateway);
    await verdictText();
    const live = screen.getByRole("switch", { name: "Re-validate when the sheet changes" });
    await userEvent.click(live);
    expect(live).not.toBeChecked();
    // Still listening: the list must know it is out of date.
    expect(gateway.listenerCount("Trusts")).toBe(1);
    const reads = gateway.callsTo("readSheet").length;
    await userEvent.click(screen.getByRole("button", { name: "Fix E2" }));
    const apply = within(screen.getByRole("region", { name: "Changes to apply" })).getByRole("button", { name: "Apply" });
    expect(apply).toBeEnabled();

    act(() => gateway.edit("Trusts", "D3", "Live"));
    expect(await screen.findByText("The sheet changed since this check. Re-validate to update the list.")).toBeInTheDocument();
    expect(gateway.callsTo("readSheet")).toHaveLength(reads);
    expect(screen.getByRole("button", { name: /D3: "Bogus"/ })).toBeInTheDocument();
    // A fix now would write over the edit: it waits for a check.
    expect(screen.getByRole("button", { name: "Fix E2" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Fix all (1)" })).toBeDisabled();
    expect(apply).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(apply);
    expect(gateway.callsTo("writeCells")).toHaveLength(0);

    await userEvent.click(live);
    await waitFor(() => expect(screen.queryByRole("button", { name: /D3: "Bogus"/ })).not.toBeInTheDocument());
    expect(screen.queryByText(/The sheet changed since this check/)).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Fix E2" })).toBeEnabled();
    // E2 is as it was: its fix still applies.
    await waitFor(() => expect(apply).not.toHaveAttribute("aria-disabled"));
  });

  it("once marked, the marks follow each check: a corrected cell loses its mark, a sheet with no issues left is cleared, Clear marks ends it", async () => {
    const gateway = gatewayWithIssues();
    // Row 3 gets what a live trust needs, so that correcting its status leaves no issue on it.
    gateway.edit("Trusts", "E3", "Epic");
    gateway.edit("Trusts", "G3", "2021-05-01");
    renderValidate(gateway);
    await verdictText();
    await userEvent.click(screen.getByRole("button", { name: "Mark" }));
    await waitFor(() => expect(gateway.marks.get("Trusts")).toEqual([{ address: "E2", severity: "warning" }, { address: "D3", severity: "error" }]));
    expect(screen.getByText("The marks follow each check until you clear them.")).toBeInTheDocument();

    // D3 corrected: one markCells for the sheet, without D3.
    act(() => gateway.edit("Trusts", "D3", "Live"));
    await waitFor(() => expect(gateway.marks.get("Trusts")).toEqual([{ address: "E2", severity: "warning" }]));
    expect(gateway.callsTo("markCells")).toHaveLength(2);

    // An edit that changes no issue costs no marking call.
    const trustReads = () => gateway.callsTo("readSheet").filter(([name]) => name === "Trusts").length;
    const before = trustReads();
    act(() => gateway.edit("Trusts", "T2", "a note"));
    await waitFor(() => expect(trustReads()).toBe(before + 1));
    await waitFor(() => expect(checkRunning()).toBe(false));
    expect(gateway.callsTo("markCells")).toHaveLength(2);

    // E2 corrected too: nothing left on the sheet, so its marks are cleared.
    act(() => gateway.edit("Trusts", "E2", "Oracle Health"));
    await waitFor(() => expect(gateway.callsTo("clearMarks")).toEqual([["Trusts"]]));
    expect(gateway.marks.has("Trusts")).toBe(false);
    expect(await verdictText()).toMatch(/^Ready to send \(3 trust rows/);

    await userEvent.click(screen.getByRole("button", { name: "Clear marks" }));
    await waitFor(() => expect(screen.queryByText(/The marks follow each check/)).not.toBeInTheDocument());
    act(() => gateway.edit("Trusts", "E2", "Cerner"));
    await waitFor(() => expect(screen.getByRole("button", { name: /E2: "Cerner"/ })).toBeInTheDocument());
    expect(gateway.callsTo("markCells")).toHaveLength(2);
    expect(gateway.marks.has("Trusts")).toBe(false);
  });

  it("after a reload, keeps up to date the marks the workbook's record says are there", async () => {
    const gateway = gatewayWithIssues();
    await gateway.markCells("Trusts", [{ address: "D3", severity: "error" }, { address: "B4", severity: "error" }]);
    renderValidate(gateway);
    await verdictText();
    await waitFor(() => expect(gateway.marks.get("Trusts")).toEqual([{ address: "E2", severity: "warning" }, { address: "D3", severity: "error" }]));
    expect(screen.getByText("The marks follow each check until you clear them.")).toBeInTheDocument();
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

/** A trust implementing an EPR that was to go live on 1 Jan 2024: a warning when the return is sent after that day. */
function implementingRows(): Row[] {
  return [
    HEADERS,
    trustRow({ trustCode: "RYJ", trustName: "Imperial College Healthcare", trustType: "Acute", eprStatus: "Implementing", supplier: "Epic", goLiveDate: "2024-01-01", plan: "Keep", beds: 1000 }),
  ];
}

describe("Validate view: the submission date", () => {
  const today = formatUkDate(todayIso());

  it("without an ICS sheet, measures from today until the user gives the date, which is saved with the return", async () => {
    const gateway = new FakeGateway().addSheet("EPR position", implementingRows());
    renderValidate(gateway);
    expect(await verdictText()).toBe(`Ready to send (1 warning) (1 trust row, submission date ${today})`);
    expect(screen.getByText(/^There is no ICS sheet, so the date rules use today's date\./)).toBeInTheDocument();

    const box = screen.getByRole("textbox", { name: "Submission date" });
    await userEvent.type(box, "31122023");
    expect(screen.getByText("Read as 31 Dec 2023.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save date" }));
    await waitFor(() => expect(screen.getByText(/trust rows?, submission date/).textContent).toBe("Ready to send (1 trust row, submission date 31 Dec 2023)"));
    expect(screen.getByText("Saved: the rules measure from 31 Dec 2023.")).toBeInTheDocument();
    await expect(gateway.loadSetting(SUBMISSION_DATE_SETTING)).resolves.toBe("2023-12-31");
    expect(box).toHaveValue("31/12/2023");
    expect(screen.getByText("Saved with the return. Empty the box and save to use today's date.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save date" })).toBeDisabled();

    // Emptied and saved: the stored date goes, and the rules use today again.
    await userEvent.clear(box);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByText(/trust rows?, submission date/).textContent).toBe(`Ready to send (1 warning) (1 trust row, submission date ${today})`));
    await expect(gateway.loadSetting(SUBMISSION_DATE_SETTING)).resolves.toBeUndefined();
    expect(screen.getByText("Removed the saved date: the rules use today's date.")).toBeInTheDocument();
  });

  it("says when it cannot read the date typed, and saves nothing", async () => {
    const gateway = new FakeGateway().addSheet("EPR position", implementingRows());
    renderValidate(gateway);
    await verdictText();
    const box = screen.getByRole("textbox", { name: "Submission date" });
    await userEvent.type(box, "12/31/2023{Enter}");
    expect(await screen.findByText("Put the day first: did you mean 31/12/2023?")).toBeInTheDocument();
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("button", { name: "Save date" })).toBeDisabled();
    await userEvent.clear(box);
    await userEvent.type(box, "someday");
    await userEvent.tab();
    expect(await screen.findByText("Could not read “someday” as a date. Use a date like 31/03/2025.")).toBeInTheDocument();
    expect(gateway.callsTo("saveSetting").filter(([key]) => key === SUBMISSION_DATE_SETTING)).toEqual([]);
  });

  it("reads the date saved in the workbook; the ICS sheet's own date wins over it", async () => {
    const saved = new FakeGateway().addSheet("EPR position", implementingRows());
    await saved.saveSetting(SUBMISSION_DATE_SETTING, "2023-12-31");
    const { unmount } = renderValidate(saved);
    expect(await verdictText()).toBe("Ready to send (1 trust row, submission date 31 Dec 2023)");
    expect(screen.getByRole("textbox", { name: "Submission date" })).toHaveValue("31/12/2023");
    unmount();

    const withIcs = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", implementingRows());
    await withIcs.saveSetting(SUBMISSION_DATE_SETTING, "2023-12-31");
    renderValidate(withIcs);
    expect(await verdictText()).toBe("Ready to send (1 warning) (1 trust row, submission date 30 Jun 2024)");
    expect(screen.getByText("The submission date is the ICS sheet's; change it there.")).toBeInTheDocument();
  });

  it("offers the box when the ICS sheet's Submission date is blank, saying a date there would replace it", async () => {
    const ics = ICS_ROWS.map((row) => (row[0] === "Submission date" ? [row[0], null] : row));
    const gateway = new FakeGateway().addSheet("ICS", ics).addSheet("Trusts", implementingRows());
    renderValidate(gateway);
    await verdictText();
    expect(screen.getByText(/^The ICS sheet gives none, so the date rules use today's date\./)).toBeInTheDocument();
    await userEvent.type(screen.getByRole("textbox", { name: "Submission date" }), "31/12/2023{Enter}");
    expect(await screen.findByText("Saved with the return. A date on the ICS sheet would replace it. Empty the box and save to use today's date.")).toBeInTheDocument();
  });

  it("shows the gateway's message when the date cannot be saved", async () => {
    const gateway = new FakeGateway().addSheet("EPR position", implementingRows()).failWith("saveSetting", "The workbook is protected.");
    renderValidate(gateway);
    await verdictText();
    await userEvent.type(screen.getByRole("textbox", { name: "Submission date" }), "31/12/2023{Enter}");
    expect(await screen.findByText("Could not save the submission date")).toBeInTheDocument();
    expect(screen.getByText(/The workbook is protected\./)).toBeInTheDocument();
  });
});

describe("the validation stamp's state on Validate", () => {
  it("says the return changed since it was stamped, and again when the user edits it", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn());
    const checked = await checkReturn(gateway, { today: "2024-06-30" });
    const stamp = await createStamp({ sheet: "Trusts", ics: checked.ics?.details ?? null, trusts: checked.result.trusts, warnings: checked.warnings, stampedAt: new Date("2024-06-30T09:30:00Z") });
    gateway.addSheet(STAMP_SHEET, stampToRows(stamp), false);
    renderValidate(gateway);
    expect(await screen.findByText(/^Stamped on 30 Jun 2024, \d\d:\d\d: the data still matches its stamp\.$/)).toBeInTheDocument();
    gateway.edit("Trusts", "B3", "Barts Health NHS Trust");
    expect(await screen.findByText(/^Changed since it was stamped on 30 Jun 2024, \d\d:\d\d \(1 change, listed on the Stamp tab\): stamp it again before sending\.$/)).toBeInTheDocument();
  });
});
