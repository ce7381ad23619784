import { paneAdapters } from "./paneAdapters";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CellMark } from "../../src/app/gateway";
import { MARKS_SETTING } from "../../src/app/marks";
import { App } from "../../src/ui/App";
import { FakeGateway } from "./fakeGateway";
import { HEADERS, ICS_ROWS, cleanReturn, trustRow } from "./fixtures";

jest.setTimeout(30_000);

/**
 * This workbook: cleanReturn's three live trusts (RYJ, R1H, RAL in rows 2–4) and RKE added in row 5.
 * The earlier version: RYJ with another supplier (Epic → Oracle Health now), R1H the same, RAL's go-live date later
 * now, and RQM, removed since.
 */
function current({ misspelt = false } = {}): FakeGateway {
  const rows = cleanReturn();
  // misspelt: "acute" reads as Acute (the same value) with a non_canonical warning, for Validate to mark.
  rows.push(trustRow({ trustCode: "RKE", trustName: "Whittington Health", trustType: misspelt ? "acute" : "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "2022-01-31", plan: "Keep" }));
  return new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", rows);
}

function earlier(): FakeGateway {
  const [header, ryj, r1h, ral] = cleanReturn();
  const changed = (row: typeof ryj, column: string, value: string) => (row ?? []).map((cell, i) => (HEADERS[i] === column ? value : cell));
  return new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", [
    header ?? HEADERS,
    changed(ryj, "EPR supplier", "Epic"),
    r1h ?? [],
    changed(ral, "Go-live date", "2021-02-01"),
    trustRow({ trustCode: "RQM", trustName: "Chelsea and Westminster", trustType: "Acute", eprStatus: "Live", supplier: "Oracle Health", goLiveDate: "2019-05-01", plan: "Keep" }),
  ]);
}

const FILES: Record<string, () => FakeGateway> = { "last-quarter.xlsx": earlier, "same.xlsx": current };
const openFake = async (_bytes: ArrayBuffer, name: string) => {
  const make = FILES[name];
  if (!make) throw new Error(`${name} is not a workbook this test knows.`);
  return make();
};

function renderCompare(gateway: FakeGateway) {
  return render(<App {...paneAdapters} openFile={openFake} gateway={gateway} initialView="compare" />);
}

async function pick(name: string): Promise<void> {
  await userEvent.upload(await screen.findByLabelText("Earlier version of the return"), new File(["x"], name));
}

describe("Compare view", () => {
  it("shows the changes grouped by trust, the summary and the headline figures before and now", async () => {
    renderCompare(current());
    await pick("last-quarter.xlsx");
    expect(await screen.findByText("Earlier version: last-quarter.xlsx, sheet \"Trusts\", 4 trust rows.")).toBeInTheDocument();
    const summary = screen.getAllByRole("status").find((s) => s.textContent?.startsWith("2 trusts changed"));
    expect(summary?.textContent).toBe("2 trusts changed, 1 added, 1 removed; 1 of 3 trusts' go-live dates slipped, 89 days.");
    const byTrust = screen.getByRole("list", { name: "Changes by trust" });
    const headings = within(byTrust).getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["Imperial College Healthcare (RYJ), row 2", "Royal Free London (RAL), row 4", "Whittington Health (RKE), row 5 added"]);
    expect(within(byTrust).getByRole("button", { name: "EPR supplier: Epic → Oracle Health" })).toBeInTheDocument();
    expect(within(byTrust).getByRole("button", { name: "Go-live date: 1 Feb 2021 → 1 May 2021 (slipped 89 days)" })).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Removed trusts" })).getByText("Chelsea and Westminster (RQM), row 5 of the earlier version")).toBeInTheDocument();
    const table = screen.getByRole("table");
    expect(within(table).getByRole("row", { name: "Trusts 4 4" })).toBeInTheDocument();
    expect(within(table).getByText("Headline figures (mar-2026, as of 31 Mar 2026)")).toBeInTheDocument();
  });

  it("goes to a change's cell, marks the changed cells in blue and clears them", async () => {
    const gateway = current();
    renderCompare(gateway);
    await pick("last-quarter.xlsx");
    await userEvent.click(await screen.findByRole("button", { name: /^EPR supplier: Epic/ }));
    await waitFor(() => expect(gateway.selection).toEqual({ sheet: "Trusts", address: "E2" }));
    await userEvent.click(screen.getByRole("button", { name: "Go to row 5" }));
    await waitFor(() => expect(gateway.selection).toEqual({ sheet: "Trusts", address: "A5" }));

    await userEvent.click(screen.getByRole("button", { name: "Mark changed cells" }));
    await screen.findByText(/^Marked \d+ cells in blue on Trusts\.$/);
    const [sheet, marks] = gateway.callsTo("markCells")[0] ?? [];
    expect(sheet).toBe("Trusts");
    const cells = (marks as CellMark[]).map((m) => m.address);
    // RYJ's supplier, RAL's go-live date, and every mapped cell of the added RKE row.
    expect(cells.slice(0, 2)).toEqual(["E2", "G4"]);
    expect(cells).toContain("A5");
    expect(cells).toContain("T5");
    expect((marks as CellMark[]).every((m) => m.severity === "changed")).toBe(true);
    expect(await gateway.loadSetting(MARKS_SETTING)).toEqual({ Trusts: { error: [], warning: [], changed: ["E2", "G4:G5", "A5:F5", "H5:T5"] } });

    await userEvent.click(screen.getByRole("button", { name: "Clear marks" }));
    await waitFor(() => expect(gateway.callsTo("clearMarks")).toEqual([["Trusts"]]));
    expect(await gateway.loadSetting(MARKS_SETTING)).toEqual({});
  });

  it("takes the sheet's marks over from Validate: its following marks are cleared first, so no check puts them back", async () => {
    const gateway = current({ misspelt: true });
    // Marked by Validate in an earlier session: the record makes the pane keep those marks in step with each check.
    await gateway.saveSetting(MARKS_SETTING, { Trusts: { error: [], warning: ["C5"] } });
    renderCompare(gateway);
    await pick("last-quarter.xlsx");
    // Validate's following marks re-marked the warning after the check.
    await waitFor(() => expect(gateway.callsTo("markCells")).toEqual([["Trusts", [{ address: "C5", severity: "warning" }]]]));
    await userEvent.click(await screen.findByRole("button", { name: "Mark changed cells" }));
    await screen.findByText(/^Marked \d+ cells in blue on Trusts\.$/);
    const order = gateway.calls.filter((c) => c.method === "clearMarks" || c.method === "markCells").map((c) => [c.method, c.args[0]]);
    expect(order.at(-2)).toEqual(["clearMarks", "Trusts"]);
    expect(order.at(-1)).toEqual(["markCells", "Trusts"]);
    expect(await gateway.loadSetting(MARKS_SETTING)).toEqual({ Trusts: { error: [], warning: [], changed: ["E2", "G4:G5", "A5:F5", "H5:T5"] } });
  });

  it("says so when nothing changed, and offers nothing to mark", async () => {
    renderCompare(current());
    await pick("same.xlsx");
    expect(await screen.findByText("No changes: the same 4 trusts, with the same values.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Mark changed cells" })).toBeNull();
    expect(screen.queryByRole("list", { name: "Changes by trust" })).toBeNull();
  });

  it("reports a file it cannot read, naming it", async () => {
    renderCompare(current());
    await pick("notes.xlsx");
    expect(await screen.findByText(/notes\.xlsx is not a workbook this test knows\./)).toBeInTheDocument();
    expect(screen.getByText("Could not read the file")).toBeInTheDocument();
  });
});
