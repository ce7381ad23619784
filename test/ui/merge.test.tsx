import { openWorkbookBytes } from "../../src/files/openLazily";
import { paneAdapters } from "./paneAdapters";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { TextDecoder as NodeTextDecoder } from "node:util";
import type { CellValue } from "../../src/core/cells";
import type { CellWrite } from "../../src/app/gateway";
import { App } from "../../src/ui/App";
import { MergeView } from "../../src/ui/views/MergeView";
import { FakeGateway } from "./fakeGateway";
import { HEADERS, ICS_ROWS, cleanReturn, trustRow } from "./fixtures";
import { renderInFluent } from "./render";

jest.setTimeout(30_000);

const live = (code: string, name: string) =>
  trustRow({ trustCode: code, trustName: name, trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "2020-03-31", plan: "Keep" });

/** north: R1H (already in the workbook) and RGT; south: RGT (also in north) and RJZ. */
const FILES: Record<string, FakeGateway> = {
  "north.xlsx": new FakeGateway().addSheet("Trusts", [HEADERS, live("R1H", "Barts Health (north)"), live("RGT", "Cambridge (north)")]),
  "south.xlsx": new FakeGateway().addSheet("Providers", [["South ICS return"], HEADERS, live("RGT", "Cambridge (south)"), live("RJZ", "King's")]),
  "east.xlsx": new FakeGateway().addSheet("Trusts", [HEADERS.map((h) => (h === "EPR status" ? "Colour" : h)), live("RJ1", "Guy's")]),
  "notes.xlsx": new FakeGateway().addSheet("Notes", [["nothing", "to", "see"]]),
};

const openFake = async (_bytes: ArrayBuffer, name: string) => {
  const gateway = FILES[name];
  if (!gateway) throw new Error(`not a workbook the test knows: ${name}`);
  return gateway;
};

function workbook(): FakeGateway {
  return new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn());
}

async function pick(...names: string[]): Promise<void> {
  const input = await screen.findByLabelText("Add workbook files");
  await userEvent.upload(input, names.map((n) => new File(["x"], n)));
}

function renderMerge(gateway: FakeGateway) {
  return renderInFluent(<MergeView gateway={gateway} openFile={openFake} today="2023-11-15" />);
}

async function previewStatus(): Promise<string> {
  const preview = await screen.findByRole("region", { name: "Merge preview" });
  return within(preview).getByRole("status").textContent ?? "";
}

function appendCall(gateway: FakeGateway): { sheet: string; rows: CellValue[][]; sources: string[] } {
  const [sheet, rows, options] = gateway.callsTo("appendTrustRows")[0] ?? [];
  return { sheet: sheet as string, rows: rows as CellValue[][], sources: (options as { sources: string[] }).sources };
}

describe("Merge view", () => {
  it("shows each picked file's header row and columns, previews, and appends with sources (keep both)", async () => {
    const gateway = workbook();
    renderMerge(gateway);
    await pick("north.xlsx", "south.xlsx");
    const south = await screen.findByRole("group", { name: "south.xlsx › Providers" });
    expect(within(south).getByText(/Headers in row 2; 20 columns mapped; 2 trust rows; Ready to send/)).toBeInTheDocument();
    // The full column list is behind a disclosure.
    await userEvent.click(within(south).getByText("Show the 20 mapped columns"));
    expect(within(south).getByRole("list", { name: "Columns of south.xlsx › Providers" }).children).toHaveLength(20);

    await userEvent.click(await screen.findByRole("radio", { name: /^Keep both: 2 codes then appear more than once/ }));
    expect(await previewStatus()).toBe("4 rows will be added to Trusts; 0 rows of Trusts will be replaced in place.");
    expect(screen.getByText(/R1H, RGT will appear more than once/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Merge into Trusts" }));
    await screen.findByText(/Added 4 rows to Trusts \(rows 5–8\); replaced 0 in place; added the Source column/);

    const call = appendCall(gateway);
    expect(call.sheet).toBe("Trusts");
    expect(call.rows.map((r) => r[0])).toEqual(["R1H", "RGT", "RGT", "RJZ"]);
    // Dates go in as dates; values are canonical.
    expect(call.rows[0]?.[6]).toEqual(new Date("2020-03-31T00:00:00Z"));
    expect(call.sources).toEqual(["north.xlsx › Trusts › row 2", "north.xlsx › Trusts › row 3", "south.xlsx › Providers › row 3", "south.xlsx › Providers › row 4"]);
    expect(gateway.cell("Trusts", "U8")).toBe("south.xlsx › Providers › row 4");
    expect(gateway.callsTo("writeCells")).toEqual([]);
  });

  it("offers a styled button for the file picker and shows only what needs a decision, the columns behind a disclosure", async () => {
    renderMerge(workbook());
    const input = await screen.findByLabelText("Add workbook files");
    expect(input).toHaveAttribute("accept", ".xlsx,.xlsm,.xls,.ods,.csv");
    expect(input).toHaveAttribute("multiple");
    const opened = jest.spyOn(input as HTMLInputElement, "click");
    await userEvent.click(screen.getByRole("button", { name: "Add workbooks…" }));
    expect(opened).toHaveBeenCalledTimes(1);

    await pick("east.xlsx");
    const east = await screen.findByRole("group", { name: "east.xlsx › Trusts" });
    expect(within(east).getByText(/19 columns mapped/)).toBeInTheDocument();
    expect(within(east).getByText("Required columns missing: EPR status.")).toBeInTheDocument();
    expect(within(east).getByText("Headers that match no column (left out): Colour.")).toBeInTheDocument();
    const disclosure = within(east).getByText("Show the 19 mapped columns").closest("details");
    expect(disclosure).not.toHaveAttribute("open");
    await userEvent.click(within(east).getByText("Show the 19 mapped columns"));
    expect(disclosure).toHaveAttribute("open");
    expect(within(east).getByRole("list", { name: "Columns of east.xlsx › Trusts" }).children).toHaveLength(19);
    // A clean source has nothing to decide.
    await pick("north.xlsx");
    const north = await screen.findByRole("group", { name: "north.xlsx › Trusts" });
    expect(within(north).queryByText(/Required columns missing|match no column/)).not.toBeInTheDocument();
  });

  it("keeps the existing rows and skips the later duplicates by default, saying how many rows each choice concerns", async () => {
    const gateway = workbook();
    renderMerge(gateway);
    await pick("north.xlsx", "south.xlsx");
    // R1H (north) is in the workbook; RGT (south) was taken by north.
    const keep = await screen.findByRole("radio", { name: "Keep the existing row: leave out the 2 new rows" });
    expect(keep).toBeChecked();
    expect(screen.getByRole("radio", { name: "Replace the existing row with the new one (2 rows)" })).not.toBeChecked();
    expect(screen.getByRole("radiogroup")).toHaveAccessibleDescription("2 rows of the sources have a trust code already in this workbook or in an earlier source: R1H, RGT.");
    expect(await previewStatus()).toBe("2 rows will be added to Trusts; 0 rows of Trusts will be replaced in place.");
    expect(screen.getByRole("list", { name: "Left out: already in this workbook" })).toHaveTextContent("north.xlsx › Trusts row 2 (R1H): already in Trusts");
    expect(screen.getByRole("list", { name: "Duplicates between sources" })).toHaveTextContent("south.xlsx › Providers row 3 (RGT): skipped, already taken from north.xlsx › Trusts");
    await userEvent.click(screen.getByRole("button", { name: "Merge into Trusts" }));
    await waitFor(() => expect(gateway.callsTo("appendTrustRows")).toHaveLength(1));
    const call = appendCall(gateway);
    expect(call.rows.map((r) => [r[0], r[1]])).toEqual([["RGT", "Cambridge (north)"], ["RJZ", "King's"]]);
    expect(gateway.callsTo("writeCells")).toEqual([]);
  });

  it("replaces the workbook's row in place under replace, and appends the rest", async () => {
    const gateway = workbook();
    renderMerge(gateway);
    await pick("north.xlsx", "south.xlsx");
    await userEvent.click(await screen.findByRole("radio", { name: /Replace the existing row/ }));
    expect(await previewStatus()).toBe("2 rows will be added to Trusts; 1 row of Trusts will be replaced in place.");
    expect(screen.getByRole("list", { name: "Rows replaced in place" })).toHaveTextContent("Trusts row 3 (R1H) by north.xlsx › Trusts › row 2");
    await userEvent.click(screen.getByRole("button", { name: "Merge into Trusts" }));
    await waitFor(() => expect(gateway.callsTo("writeCells")).toHaveLength(1));

    expect(appendCall(gateway).rows.map((r) => [r[0], r[1]])).toEqual([["RGT", "Cambridge (south)"], ["RJZ", "King's"]]);
    const [sheet, writes] = gateway.callsTo("writeCells")[0] ?? [];
    expect(sheet).toBe("Trusts");
    const byAddress = new Map((writes as CellWrite[]).map((w) => [w.address, w.value]));
    expect(byAddress.get("A3")).toBe("R1H");
    expect(byAddress.get("B3")).toBe("Barts Health (north)");
    // The go-live date as its serial: the cell keeps its date format.
    expect(byAddress.get("G3")).toBe(43921);
    expect(byAddress.get("U3")).toBe("north.xlsx › Trusts › row 2");
    expect(gateway.cell("Trusts", "B3")).toBe("Barts Health (north)");
    expect(gateway.cell("Trusts", "A2")).toBe("RYJ");
  });

  it("lets the user skip a source, and cannot include one without headers", async () => {
    const gateway = workbook();
    renderMerge(gateway);
    await pick("north.xlsx", "notes.xlsx");
    expect(await screen.findByText(/notes\.xlsx has no sheet of trust rows/)).toBeInTheDocument();
    await previewStatus();
    await userEvent.click(within(screen.getByRole("group", { name: "north.xlsx › Trusts" })).getByRole("checkbox", { name: "Include in the merge" }));
    expect(screen.queryByRole("region", { name: "Merge preview" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Merge into Trusts" })).toBeDisabled();
  });

  it("offers no duplicate choice when no trust code is taken", async () => {
    renderMerge(workbook());
    await pick("east.xlsx");
    await previewStatus();
    expect(screen.getByText("No trust code is taken twice: nothing to decide about duplicates.")).toBeInTheDocument();
    expect(screen.queryByRole("radio")).not.toBeInTheDocument();
  });

  it("merges another sheet of this workbook", async () => {
    const gateway = workbook().addSheet("Old", [HEADERS, live("RJZ", "King's")]);
    renderMerge(gateway);
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Or a sheet of this workbook" }), "Old");
    await userEvent.click(screen.getByRole("button", { name: "Add sheet" }));
    expect(await previewStatus()).toMatch(/^1 row will be added/);
    await userEvent.click(screen.getByRole("button", { name: "Merge into Trusts" }));
    await waitFor(() => expect(gateway.callsTo("appendTrustRows")).toHaveLength(1));
    expect(appendCall(gateway).sources).toEqual(["This workbook › Old › row 2"]);
  });

  it("shows a MessageBar when the rows cannot be written", async () => {
    const gateway = workbook().failWith("appendTrustRows", "The sheet is protected.");
    renderMerge(gateway);
    await pick("north.xlsx");
    await previewStatus();
    await userEvent.click(screen.getByRole("button", { name: "Merge into Trusts" }));
    expect(await screen.findByText("Could not merge the rows")).toBeInTheDocument();
    expect(screen.getByText(/The sheet is protected\./)).toBeInTheDocument();
    // Nothing was lost: the sources are still there to try again.
    expect(screen.getByRole("group", { name: "north.xlsx › Trusts" })).toBeInTheDocument();
  });

  it("offers the Template tab when the workbook has no Trusts sheet", async () => {
    render(<App {...paneAdapters} gateway={new FakeGateway().addSheet("Sheet1", [["hello"]])} initialView="merge" />);
    expect(await screen.findByText(/This workbook has no Trusts sheet yet/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Open the Template tab" }));
    expect(await screen.findByRole("heading", { name: "Template", level: 2 })).toBeInTheDocument();
  });

  it("opens a real .xlsx file with the exceljs gateway, loaded on demand", async () => {
    // Browsers and Office's webviews have TextDecoder (the .xlsx guard uses it); jsdom leaves it out.
    if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder: NodeTextDecoder });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Trusts");
    for (const r of [HEADERS, live("RJZ", "King's")]) ws.addRow([...r]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const gateway = workbook();
    renderInFluent(<MergeView gateway={gateway} openFile={openWorkbookBytes} today="2023-11-15" />);
    await userEvent.upload(await screen.findByLabelText("Add workbook files"), new File([bytes], "real.xlsx"));
    expect(await screen.findByRole("group", { name: "real.xlsx › Trusts" }, { timeout: 20_000 })).toBeInTheDocument();
    expect(await previewStatus()).toMatch(/^1 row will be added/);
  });
});
