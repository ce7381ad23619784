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
