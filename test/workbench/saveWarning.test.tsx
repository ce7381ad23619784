/**
 * The workbench's Save names what the opened file held that the save cannot keep, before saving (issue 10), and saves
 * as .xlsx under the opened file's name. The page is the real one (Workbench, over the exceljs gateway and the real
 * task pane); the reader's result is given here, so that what it names is the test's choice (the reader's own naming
 * is tested on real files in saveReopen.test.ts).
 */
import "./textCodecs";
import { blobBytes } from "./blobBytes";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import JSZip from "jszip";
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

interface Download {
  readonly name: string;
  readonly blob: Blob;
}

let downloads: Download[] = [];

beforeAll(() => {
  Element.prototype.scrollIntoView = jest.fn();
});

beforeEach(() => {
  downloads = [];
  mockRead.mockReset();
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = jest.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = jest.fn();
  // jsdom cannot download: the link's click is where the browser would start it.
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ name: this.download, blob });
  });
});

afterEach(() => jest.restoreAllMocks());

const TRUSTS = readSheet("Trusts", [["Trust ODS code", "Trust name"], ["RZ2", "Dale Valley"]]);

async function openFile(name: string, data: WorkbookData): Promise<void> {
  mockRead.mockResolvedValueOnce(data);
  render(<Workbench options={{ theme: "light", view: undefined, example: null }} />);
  const file = new File([new Uint8Array([1, 2, 3])], name);
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } });
  await screen.findByText(name, { selector: '[data-testid="file-name"]' });
  await waitFor(() => expect(document.querySelector('td[data-address="A2"]')).toHaveTextContent("RZ2"));
}

/**
 * The open dialog. In jsdom, Fluent's focus manager (tabster) marks the dialog aria-hidden once it has opened, as it
 * cannot tell focus went in: hidden elements are queried too (the e2e tests use the dialog in Chromium).
 */
function findDialog(): Promise<HTMLElement> {
  return screen.findByRole("alertdialog", { hidden: true });
}

async function savedWorkbookPart(download: Download): Promise<string> {
  const zip = await JSZip.loadAsync(await blobBytes(download.blob));
  return (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
}

test("opening reads the file's bytes through the reader, with the file's name", async () => {
  await openFile("returns.ods", workbookData([TRUSTS], { format: "ods" }));
  expect(mockRead).toHaveBeenCalledTimes(1);
  expect(mockRead.mock.calls[0]?.[0]).toEqual(new Uint8Array([1, 2, 3]));
  expect(mockRead.mock.calls[0]?.[1]).toEqual({ fileName: "returns.ods" });
});

test("saving a file with formulas and a chart names them first; Save a copy saves NAME.xlsx", async () => {
  await openFile("returns.ods", workbookData([TRUSTS], { format: "ods", beyondValues: ["formulas", "charts"] }));
  fireEvent.click(screen.getByRole("button", { name: "Save .xlsx" }));
  const dialog = await findDialog();
  expect(within(dialog).getByTestId("save-warning")).toHaveTextContent(
    "Saving writes the values only. The original file also has: formulas, charts — they will not be in the saved copy, returns.xlsx.",
  );
  expect(downloads).toEqual([]);

  fireEvent.click(within(dialog).getByRole("button", { name: "Save a copy", hidden: true }));
  await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(["returns.xlsx"]));
  expect(await savedWorkbookPart(downloads[0] as Download)).toContain('name="Trusts"');
  await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
});

test("Cancel saves nothing, and the next Save asks again", async () => {
  await openFile("returns.xlsm", workbookData([TRUSTS], { beyondValues: ["macros"] }));
  fireEvent.click(screen.getByRole("button", { name: "Save .xlsx" }));
  fireEvent.click(await within(await findDialog()).findByRole("button", { name: "Cancel", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
  expect(downloads).toEqual([]);

  fireEvent.click(screen.getByRole("button", { name: "Save .xlsx" }));
  expect(within(await findDialog()).getByTestId("save-warning")).toHaveTextContent("The original file also has: macros —");
});

test("a file with values only saves at once, as .xlsx", async () => {
  await openFile("returns.csv", workbookData([TRUSTS], { format: "csv" }));
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Save .xlsx" }));
  });
  await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(["returns.xlsx"]));
  expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
});

test("a file the reader refuses shows the reader's message", async () => {
  mockRead.mockRejectedValueOnce(new (jest.requireActual<typeof import("../../src/files/errors")>("../../src/files/errors").WorkbookReadError)("the file is empty (0 bytes)"));
  render(<Workbench options={{ theme: "light", view: undefined, example: null }} />);
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File([], "empty.xlsx")] } });
  await screen.findByText("Could not open the workbook");
  expect(screen.getByText(/the file is empty \(0 bytes\)/)).toBeInTheDocument();
  expect(screen.getByTestId("file-name")).toHaveTextContent("No workbook open");
});
