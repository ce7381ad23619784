/** The workbench grid over a real exceljs gateway: cells, marks, "go to cell", edits. */
import "./textCodecs";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { WorkbookPanel } from "../../src/workbench/components/WorkbookPanel";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";

// jsdom has no layout: scrolling into view is the browser's job (the e2e tests check it).
beforeAll(() => {
  Element.prototype.scrollIntoView = jest.fn();
});

function twoSheets(): XlsxGateway {
  const workbook = new ExcelJS.Workbook();
  const trusts = workbook.addWorksheet("Trusts");
  trusts.addRow(["Trust ODS code", "Trust name"]);
  trusts.addRow(["rz2", "Dale Valley"]);
  workbook.addWorksheet("Notes").getCell("B3").value = "a note";
  return new XlsxGateway(workbook);
}

function renderPanel(gateway: XlsxGateway) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookPanel gateway={gateway} />
    </FluentProvider>,
  );
}

function cell(address: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`td[data-address="${address}"]`);
  if (!found) throw new Error(`no cell ${address} in the grid`);
  return found;
}

test("shows the first sheet's cells from A1, with the sheets as tabs", async () => {
  renderPanel(twoSheets());
  await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
  expect(cell("B1")).toHaveTextContent("Trust name");
  const tabs = within(screen.getByRole("tablist", { name: "Sheets" })).getAllByRole("tab");
  expect(tabs.map((t) => t.getAttribute("value"))).toEqual(["Trusts", "Notes"]);
});

test("marks show on the cells, and go away when cleared", async () => {
  const gateway = twoSheets();
  renderPanel(gateway);
  await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
  await act(() => gateway.markCells("Trusts", [{ address: "A2", severity: "warning" }, { address: "B2", severity: "error" }]));
  await waitFor(() => expect(cell("A2")).toHaveAttribute("data-mark", "warning"));
  expect(cell("B2")).toHaveAttribute("data-mark", "error");
  expect(cell("B2")).toHaveTextContent("(marked as an error)");
  await act(() => gateway.clearMarks("Trusts"));
  await waitFor(() => expect(cell("A2")).not.toHaveAttribute("data-mark"));
});

test("the task pane's go to cell switches to that sheet and selects the cell", async () => {
  const gateway = twoSheets();
  renderPanel(gateway);
  await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
  await act(() => gateway.selectCell("Notes", "B3"));
  await waitFor(() => expect(cell("B3")).toHaveTextContent("a note"));
  expect(cell("B3")).toHaveAttribute("data-selected", "true");
  expect(screen.getByTestId("selection")).toHaveTextContent("Selected: Notes!B3");
  expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
});

test("editing a cell writes through the gateway, which tells the sheet's listeners", async () => {
  const gateway = twoSheets();
  const changed = jest.fn();
  await gateway.onSheetChanged("Trusts", changed);
  renderPanel(gateway);
  await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
  fireEvent.doubleClick(cell("A2"));
  const input = screen.getByRole("textbox", { name: "Edit A2" });
  fireEvent.change(input, { target: { value: "RZ2" } });
  fireEvent.keyDown(input, { key: "Enter" });
  await waitFor(() => expect(cell("A2")).toHaveTextContent("RZ2"));
  expect(gateway.workbook.getWorksheet("Trusts")?.getCell("A2").value).toBe("RZ2");
  // Enter, then the blur of the removed input, write once.
  expect(changed).toHaveBeenCalledTimes(1);
});

test("the add-in's own writes redraw the grid, but do not tell the sheet's listeners (in Excel only a user's edit does)", async () => {
  const gateway = twoSheets();
  const changed = jest.fn();
  await gateway.onSheetChanged("Trusts", changed);
  renderPanel(gateway);
  await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
  await act(() => gateway.writeCells("Trusts", [{ address: "A2", value: "RZ2" }]));
  await waitFor(() => expect(cell("A2")).toHaveTextContent("RZ2"));
  await act(() => gateway.writeFigures({ name: "EPR Scores", rows: [["Figure", "Value"]] }));
  await waitFor(() => expect(within(screen.getByRole("tablist", { name: "Sheets" })).getAllByRole("tab").map((t) => t.getAttribute("value"))).toEqual(["Trusts", "Notes", "EPR Scores"]));
  expect(changed).not.toHaveBeenCalled();
});

/** The cell that has focus, by address ("" when focus is elsewhere). */
function focusedAddress(): string {
  return document.activeElement?.getAttribute("data-address") ?? "";
}

/** Types a cell's text from the keyboard: the first character starts the edit (on the cell), the rest go to the editor. */
function typeInto(address: string, text: string): HTMLElement {
  fireEvent.keyDown(cell(address), { key: text.charAt(0) });
  const input = screen.getByRole("textbox", { name: `Edit ${address}` });
  expect(input).toHaveValue(text.charAt(0));
  fireEvent.change(input, { target: { value: text } });
  return input;
}

describe("the keyboard, as in Excel", () => {
  test("the grid is an ARIA grid with one Tab stop, the active cell; arrows move it and focus follows", async () => {
    renderPanel(twoSheets());
    await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
    expect(screen.getByRole("grid", { name: "Cells of Trusts" })).toBeInTheDocument();
    expect(document.querySelectorAll('td[tabindex="0"]')).toHaveLength(1);
    expect(cell("A1")).toHaveAttribute("tabindex", "0");

    fireEvent.click(cell("A2"));
    cell("A2").focus();
    fireEvent.keyDown(cell("A2"), { key: "ArrowRight" });
    await waitFor(() => expect(focusedAddress()).toBe("B2"));
    expect(cell("B2")).toHaveAttribute("aria-selected", "true");
    expect(cell("B2")).toHaveAttribute("tabindex", "0");
    expect(cell("A2")).toHaveAttribute("tabindex", "-1");
    expect(screen.getByTestId("selection")).toHaveTextContent("Selected: Trusts!B2");
    fireEvent.keyDown(cell("B2"), { key: "Home", ctrlKey: true });
    await waitFor(() => expect(focusedAddress()).toBe("A1"));
  });

  test("typing replaces a cell; Tab keeps it and moves across; Enter goes down to the column the row started in", async () => {
    const gateway = twoSheets();
    const changed = jest.fn();
    await gateway.onSheetChanged("Trusts", changed);
    renderPanel(gateway);
    await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
    // Row 3 is below the used range: a blank row to type a new trust into.
    fireEvent.click(cell("A3"));
    fireEvent.keyDown(typeInto("A3", "RX1"), { key: "Tab" });
    await waitFor(() => expect(focusedAddress()).toBe("B3"));
    fireEvent.keyDown(typeInto("B3", "Fell View"), { key: "Enter" });
    await waitFor(() => expect(focusedAddress()).toBe("A4"));
    const ws = gateway.workbook.getWorksheet("Trusts");
    expect(ws?.getCell("A3").value).toBe("RX1");
    expect(ws?.getCell("B3").value).toBe("Fell View");
    await waitFor(() => expect(cell("B3")).toHaveTextContent("Fell View"));
    // Each edit is the user's, which the task pane's live check hears of.
    expect(changed).toHaveBeenCalledTimes(2);
  });

  test("while typing, an arrow keeps the text and moves; Escape drops it; F2 edits what is there", async () => {
    const gateway = twoSheets();
    renderPanel(gateway);
    await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
    fireEvent.click(cell("A2"));
    fireEvent.keyDown(typeInto("A2", "RZ2"), { key: "ArrowDown" });
    await waitFor(() => expect(focusedAddress()).toBe("A3"));
    expect(gateway.workbook.getWorksheet("Trusts")?.getCell("A2").value).toBe("RZ2");

    fireEvent.keyDown(typeInto("A3", "oops"), { key: "Escape" });
    await waitFor(() => expect(focusedAddress()).toBe("A3"));
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(gateway.workbook.getWorksheet("Trusts")?.getCell("A3").value).toBeNull();

    fireEvent.click(cell("B2"));
    fireEvent.keyDown(cell("B2"), { key: "F2" });
    const input = screen.getByRole("textbox", { name: "Edit B2" });
    expect(input).toHaveValue("Dale Valley");
    // In Edit mode the arrows move the caret, not the cell.
    fireEvent.keyDown(input, { key: "ArrowLeft" });
    expect(screen.getByRole("textbox", { name: "Edit B2" })).toBeInTheDocument();
    fireEvent.change(input, { target: { value: "Dale Valley NHS FT" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(cell("B2")).toHaveTextContent("Dale Valley NHS FT"));
  });

  test("an edit that changes nothing writes nothing; Delete clears the selected cells, a blank cell writes nothing", async () => {
    const gateway = twoSheets();
    const changed = jest.fn();
    await gateway.onSheetChanged("Trusts", changed);
    renderPanel(gateway);
    await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
    fireEvent.click(cell("A2"));
    fireEvent.keyDown(cell("A2"), { key: "F2" });
    fireEvent.keyDown(screen.getByRole("textbox", { name: "Edit A2" }), { key: "Enter" });
    await waitFor(() => expect(focusedAddress()).toBe("A3"));
    fireEvent.keyDown(cell("A3"), { key: "Delete" });
    expect(changed).not.toHaveBeenCalled();

    fireEvent.click(cell("A2"));
    fireEvent.keyDown(cell("A2"), { key: "Delete" });
    await waitFor(() => expect(cell("A2")).toHaveTextContent(/^$/));
    expect(gateway.workbook.getWorksheet("Trusts")?.getCell("A2").value).toBeNull();
    expect(changed).toHaveBeenCalledTimes(1);
  });

  test("Tab at the end of a row leaves the grid rather than trapping focus", async () => {
    renderPanel(twoSheets());
    await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));
    const lastColumn = document.querySelectorAll("thead th").length - 1;
    const last = `${String.fromCharCode(64 + lastColumn)}2`;
    fireEvent.click(cell(last));
    // Not handled (no preventDefault): the browser moves focus on.
    expect(fireEvent.keyDown(cell(last), { key: "Tab" })).toBe(true);
    fireEvent.click(cell("A2"));
    expect(fireEvent.keyDown(cell("A2"), { key: "Tab", shiftKey: true })).toBe(true);
  });
});

describe("dates and numbers typed the UK way, as Excel stores them", () => {
  test("a day typed is stored as a date (dd/mm/yyyy where the cell had no date format) and shown as 31/03/2025; a number is a number; the rest is text", async () => {
    const gateway = twoSheets();
    const ws = gateway.workbook.getWorksheet("Trusts");
    if (!ws) throw new Error("no Trusts sheet");
    // A cell the user formatted as a long date keeps that format.
    ws.getCell("D3").numFmt = "d mmmm yyyy";
    const changed = jest.fn();
    await gateway.onSheetChanged("Trusts", changed);
    renderPanel(gateway);
    await waitFor(() => expect(cell("A2")).toHaveTextContent("rz2"));

    fireEvent.click(cell("A3"));
    fireEvent.keyDown(typeInto("A3", "31/3/25"), { key: "Tab" });
    await waitFor(() => expect(focusedAddress()).toBe("B3"));
    fireEvent.keyDown(typeInto("B3", "£52,100,000"), { key: "Tab" });
    await waitFor(() => expect(focusedAddress()).toBe("C3"));
    fireEvent.keyDown(typeInto("C3", "12/31/2019"), { key: "Tab" });
    await waitFor(() => expect(focusedAddress()).toBe("D3"));
    fireEvent.keyDown(typeInto("D3", "2019-04-01"), { key: "Enter" });
    await waitFor(() => expect(focusedAddress()).toBe("A4"));

    expect(ws.getCell("A3").value).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(ws.getCell("A3").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B3").value).toBe(52_100_000);
    // Month first: text, as UK Excel keeps it, for the core's rules to name.
    expect(ws.getCell("C3").value).toBe("12/31/2019");
    expect(ws.getCell("D3").value).toEqual(new Date(Date.UTC(2019, 3, 1)));
    expect(ws.getCell("D3").numFmt).toBe("d mmmm yyyy");
    // The last edit's cell, once the grid has read it: the others were written before it.
    await waitFor(() => expect(cell("D3")).toHaveTextContent(/^01\/04\/2019$/));
    expect(cell("A3")).toHaveTextContent(/^31\/03\/2025$/);
    expect(cell("B3")).toHaveTextContent(/^52100000$/);
    expect(changed).toHaveBeenCalledTimes(4);

    // F2 starts from the date as shown; Enter with no change writes nothing, a new day is a date again.
    fireEvent.click(cell("A3"));
    fireEvent.keyDown(cell("A3"), { key: "F2" });
    const input = screen.getByRole("textbox", { name: "Edit A3" });
    expect(input).toHaveValue("31/03/2025");
    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(focusedAddress()).toBe("A4"));
    expect(changed).toHaveBeenCalledTimes(4);
    fireEvent.click(cell("A3"));
    fireEvent.keyDown(typeInto("A3", "30-09-2031"), { key: "Enter" });
    await waitFor(() => expect(cell("A3")).toHaveTextContent(/^30\/09\/2031$/));
    expect(ws.getCell("A3").value).toEqual(new Date(Date.UTC(2031, 8, 30)));
  });

  test("a bad address writes nothing and tells no one (all or nothing, as the gateway's writes)", async () => {
    const { writeTypedCells } = await import("../../src/workbench/session");
    const gateway = twoSheets();
    const changed = jest.fn();
    await gateway.onSheetChanged("Trusts", changed);
    expect(() => writeTypedCells(gateway, "Trusts", [{ address: "A5", text: "01/01/2020" }, { address: "A5:B6", text: "1" }])).toThrow("not a single-cell A1 address");
    expect(gateway.workbook.getWorksheet("Trusts")?.getCell("A5").value).toBeNull();
    expect(() => writeTypedCells(gateway, "Missing", [{ address: "A1", text: "1" }])).toThrow('no sheet named "Missing"');
    expect(changed).not.toHaveBeenCalled();
    writeTypedCells(gateway, "trusts", [{ address: "A5", text: "01/01/2020" }, { address: "B5", text: "TRUE" }]);
    expect(gateway.workbook.getWorksheet("Trusts")?.getCell("B5").value).toBe(true);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});

describe("room to type", () => {
  test("a blank sheet shows cells to type into; typing there writes the sheet's first cell", async () => {
    const gateway = XlsxGateway.blank();
    renderPanel(gateway);
    await waitFor(() => expect(cell("J20")).toBeInTheDocument());
    fireEvent.click(cell("A1"));
    fireEvent.keyDown(typeInto("A1", "Trust ODS code"), { key: "Enter" });
    await waitFor(() => expect(cell("A1")).toHaveTextContent("Trust ODS code"));
    expect(gateway.workbook.getWorksheet("Sheet1")?.getCell("A1").value).toBe("Trust ODS code");
  });

  test("Add rows shows ten more blank rows; moving down from the last row shows one more", async () => {
    renderPanel(twoSheets());
    await waitFor(() => expect(cell("A20")).toBeInTheDocument());
    expect(document.querySelector('td[data-address="A21"]')).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Add 10 rows" }));
    await waitFor(() => expect(cell("A30")).toBeInTheDocument());
    expect(document.querySelector('td[data-address="A31"]')).toBeNull();
    fireEvent.click(cell("A30"));
    fireEvent.keyDown(cell("A30"), { key: "ArrowDown" });
    await waitFor(() => expect(focusedAddress()).toBe("A31"));
  });
});

test("a formula with no value yet shows as its formula, said to be worked out in Excel", async () => {
  const gateway = twoSheets();
  const notes = gateway.workbook.getWorksheet("Notes");
  if (!notes) throw new Error("no Notes sheet");
  notes.getCell("A1").value = "Trusts";
  notes.getCell("B1").value = { formula: "COUNTA(Trusts!A2:A1001)" } as ExcelJS.CellFormulaValue;
  renderPanel(gateway);
  fireEvent.click(await screen.findByRole("tab", { name: "Notes" }));
  await waitFor(() => expect(cell("B1")).toHaveTextContent("=COUNTA(Trusts!A2:A1001)"));
  expect(cell("B1")).toHaveAttribute("data-formula", "true");
  expect(cell("B1").getAttribute("title")).toBe("B1: =COUNTA(Trusts!A2:A1001) (a formula: its value is worked out when the workbook is opened in Excel)");
  fireEvent.click(cell("B1"));
  fireEvent.keyDown(cell("B1"), { key: "F2" });
  expect(screen.getByRole("textbox", { name: "Edit B1" })).toHaveValue("=COUNTA(Trusts!A2:A1001)");
});
