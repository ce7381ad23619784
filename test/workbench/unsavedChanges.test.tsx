/**
 * Unsaved changes are not lost without asking (issue 12 item 10): after an edit in the grid, New, Open and an example
 * first ask Save / Don't save / Cancel, and leaving the page makes the browser ask. A save makes the workbook saved
 * again. The page is the real one (Workbench, over the exceljs gateway and the real task pane); the reader's result is
 * given here.
 */
import "./textCodecs";
import "./blobBytes";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReadOptions, WorkbookData } from "../../src/files/reader/types";
import { Workbench } from "../../src/workbench/Workbench";
import { readSheet, workbookData } from "./workbookData";

// webpack rewrites the examples' URLs (import.meta.url), which jest's CommonJS cannot hold; no example opens here.
jest.mock("../../src/workbench/exampleUrls", () => ({ EXAMPLE_URLS: {} }));

const mockRead = jest.fn<Promise<WorkbookData>, [Uint8Array, ReadOptions?]>();
jest.mock("../../src/files/reader", () => ({
  ...jest.requireActual<object>("../../src/files/reader"),
  readWorkbookBytes: (bytes: Uint8Array, options?: ReadOptions) => mockRead(bytes, options),
}));

let downloads: string[] = [];

beforeAll(() => {
  Element.prototype.scrollIntoView = jest.fn();
});

beforeEach(() => {
  downloads = [];
  mockRead.mockReset();
  URL.createObjectURL = jest.fn(() => "blob:test/0");
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});

afterEach(() => jest.restoreAllMocks());

const TRUSTS = workbookData([readSheet("Trusts", [["Trust ODS code", "Trust name"], ["RZ2", "Dale Valley"]])], { format: "csv" });

function cell(address: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`td[data-address="${address}"]`);
  if (!found) throw new Error(`no cell ${address} in the grid`);
  return found;
}

async function openFile(name: string): Promise<void> {
  mockRead.mockResolvedValueOnce(TRUSTS);
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File([new Uint8Array([1])], name)] } });
  await screen.findByText(name, { selector: '[data-testid="file-name"]' });
  await waitFor(() => expect(cell("A2")).toHaveTextContent("RZ2"));
}

async function typeInGrid(address: string, text: string): Promise<void> {
  fireEvent.click(await waitFor(() => cell(address)));
  fireEvent.keyDown(cell(address), { key: text.charAt(0) });
  const input = screen.getByRole("textbox", { name: `Edit ${address}` });
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: "Enter" });
  await waitFor(() => expect(cell(address)).toHaveTextContent(text));
}

/** Whether leaving the page now would make the browser ask (a beforeunload listener cancels the event). */
function leavingAsks(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** The open dialog (in jsdom tabster marks it aria-hidden once open: hidden elements are queried too). */
function findDialog(): Promise<HTMLElement> {
  return screen.findByRole("alertdialog", { name: "Save your changes to trusts.csv?", hidden: true });
}

async function editedWorkbench(): Promise<void> {
  render(<Workbench options={{ theme: "light", view: undefined, example: null }} />);
  await openFile("trusts.csv");
  expect(screen.queryByTestId("unsaved")).toBeNull();
  expect(leavingAsks()).toBe(false);
  await typeInGrid("A3", "RX1");
  expect(screen.getByTestId("unsaved")).toHaveTextContent("Unsaved changes");
  expect(leavingAsks()).toBe(true);
}

test("after an edit, New asks first; Cancel keeps the workbook and its edit", async () => {
  await editedWorkbench();
  fireEvent.click(screen.getByRole("button", { name: "New blank workbook" }));
  const dialog = await findDialog();
  expect(within(dialog).getByTestId("unsaved-warning")).toHaveTextContent(
    "trusts.csv has changes that are not saved. To start a new blank workbook, the workbench closes it: save a copy first (Save), or lose the changes (Don't save).",
  );
  fireEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
  expect(screen.getByTestId("file-name")).toHaveTextContent("trusts.csv");
  expect(cell("A3")).toHaveTextContent("RX1");
  expect(screen.getByTestId("unsaved")).toBeInTheDocument();
});

test("Don't save opens the other file, which starts saved", async () => {
  await editedWorkbench();
  mockRead.mockResolvedValueOnce(TRUSTS);
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File([new Uint8Array([1])], "other.csv")] } });
  const dialog = await findDialog();
  expect(within(dialog).getByTestId("unsaved-warning")).toHaveTextContent("To open other.csv, the workbench closes it");
  // Nothing is read before the user answers.
  expect(mockRead).toHaveBeenCalledTimes(1);
  fireEvent.click(within(dialog).getByRole("button", { name: "Don't save", hidden: true }));
  await screen.findByText("other.csv", { selector: '[data-testid="file-name"]' });
  expect(downloads).toEqual([]);
  expect(screen.queryByTestId("unsaved")).toBeNull();
  expect(leavingAsks()).toBe(false);
});

test("Save saves a copy first, then opens; a save on its own makes the workbook saved again", async () => {
  await editedWorkbench();
  fireEvent.click(screen.getByRole("button", { name: "New blank workbook" }));
  fireEvent.click(within(await findDialog()).getByRole("button", { name: "Save", hidden: true }));
  await screen.findByText("New workbook", { selector: '[data-testid="file-name"]' });
  expect(downloads).toEqual(["trusts.xlsx"]);

  await typeInGrid("A1", "Notes");
  expect(leavingAsks()).toBe(true);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Save .xlsx" }));
  });
  await waitFor(() => expect(downloads).toEqual(["trusts.xlsx", "EPR return.xlsx"]));
  expect(screen.queryByTestId("unsaved")).toBeNull();
  expect(leavingAsks()).toBe(false);
  // Saved: New opens at once.
  fireEvent.click(screen.getByRole("button", { name: "New blank workbook" }));
  await waitFor(() => expect(cell("A1")).toHaveTextContent(/^$/));
  expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
});
