/**
 * The workbench page itself: opening files with the file picker and by drag and drop (every format through the one
 * reader), a refused file, a big sheet (the grid shows its first 500 rows, and "go to cell" scrolls the grid), editing
 * a cell, and saving: a file that held more than values (formulas, a table, …) is said to lose them first. Then filling
 * a return in (issue 12 item 10): a blank workbook, the template from the pane, three trusts typed into the grid by
 * keyboard only with the pane's live check following, more rows, sheet tabs that scroll, the unsaved-changes questions,
 * and a page that never scrolls sideways at 1280 and 800 px.
 */
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { pageForTests } from "./support/browser";
import { exampleBytes, loadXlsx, sheet, textOf } from "./support/workbook";
import { focused } from "./support/keyboard";
import { downloadOf, grid, gridCell, openWorkbench, pane, saveWorkbook, selectedAddresses, seriousViolations, sheetTabs, showView, XLSX_TYPE } from "./support/workbench";

const tab = pageForTests();

async function pickFile(page: Page, name: string, buffer: Buffer, mimeType = XLSX_TYPE): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType, buffer });
}

/** A valid return of `rows` trusts on a "Trusts" sheet, with one bad trust code at sheet row `badRow`. */
async function bigReturn(rows: number, badRow: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Trusts");
  ws.addRow(["Trust ODS code", "Trust name", "Trust type", "EPR status", "EPR supplier", "Go-live date", "Convergence plan"]);
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (let i = 0; i < rows; i++) {
    const code = `R${letters[Math.floor(i / letters.length) % letters.length]}${letters[i % letters.length]}`;
    ws.addRow([ws.rowCount + 1 === badRow ? "XX1" : code, `Trust ${i + 1}`, "Acute", "Live", "Epic", "2019-04-01", "Keep"]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("the file picker opens an .xlsx: its sheets in the grid, the task pane on it", async () => {
  const { page } = tab;
  await openWorkbench(page);
  await pickFile(page, "clean-ics-return.xlsx", exampleBytes("clean-ics-return.xlsx"));
  await page.getByTestId("file-name").filter({ hasText: "clean-ics-return.xlsx" }).waitFor();
  expect(await sheetTabs(page)).toEqual(expect.arrayContaining(["ICS", "Trusts", "Lists (hidden)", "Summary"]));
  await pane(page).getByRole("status").filter({ hasText: /^Ready to send/ }).waitFor();
});

test("a file that is not a workbook is refused with a message, and the open workbook stays", async () => {
  const { page } = tab;
  // Bytes of no format the reader knows: its one line says what it reads instead.
  await pickFile(page, "damaged.xlsx", Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff, 0x00, 0x7f]));
  await page.getByText("Could not open the workbook").waitFor();
  await page.getByText(/not a workbook this tool reads \(\.xlsx, \.xlsm, \.xls, \.ods or \.csv\)/).waitFor();
  expect(await page.getByTestId("file-name").textContent()).toBe("clean-ics-return.xlsx");

  // Text named as a workbook is refused rather than guessed at as a CSV, and the line says how to read it.
  await pickFile(page, "notes.xlsx", Buffer.from("these are not the bytes of a workbook"));
  await page.getByText(/a text file \(CSV or similar\), not an Excel workbook: rename it \.csv to read it as one/).waitFor();
  expect(await page.getByTestId("file-name").textContent()).toBe("clean-ics-return.xlsx");
});

test("dropping an .xlsx on the page opens it", async () => {
  const { page } = tab;
  const bytes = [...exampleBytes("trust-adhoc-sheet.xlsx")];
  const dataTransfer = await page.evaluateHandle(
    ({ data, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "dropped.xlsx", { type }));
      return transfer;
    },
    { data: bytes, type: XLSX_TYPE },
  );
  await page.getByTestId("workbench").dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId("workbench").dispatchEvent("drop", { dataTransfer });
  await page.getByTestId("file-name").filter({ hasText: "dropped.xlsx" }).waitFor();
  await gridCell(page, "A3").filter({ hasText: "Org code" }).waitFor();
});

test("a big sheet shows its first 500 rows, and going to an issue scrolls the grid to its cell", async () => {
  const { page } = tab;
  await pickFile(page, "big.xlsx", await bigReturn(1200, 450));
  await page.getByTestId("file-name").filter({ hasText: "big.xlsx" }).waitFor();
  await page.getByTestId("cut-note").filter({ hasText: "rows 1–500 of 1,201" }).waitFor();
  expect(await gridCell(page, "A500").count()).toBe(1);
  expect(await gridCell(page, "A501").count()).toBe(0);

  await pane(page).getByRole("status").filter({ hasText: /^1 error/ }).waitFor();
  await pane(page).getByRole("button", { name: /A450: "XX1"/ }).click();
  await page.getByTestId("selection").filter({ hasText: "Selected: Trusts!A450" }).waitFor();
  expect(await selectedAddresses(page)).toEqual(["A450"]);
  // Scrolled into view: the cell lies within the grid's visible box.
  await page.waitForFunction(() => {
    const scroller = document.querySelector('[data-testid="grid"]');
    const cell = document.querySelector('td[data-address="A450"]');
    if (!scroller || !cell) return false;
    const box = scroller.getBoundingClientRect();
    const at = cell.getBoundingClientRect();
    return at.top >= box.top && at.bottom <= box.bottom;
  });
  expect(await grid(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
});

test("editing a cell in the grid changes the workbook, and the task pane sees it", async () => {
  const { page } = tab;
  await gridCell(page, "A450").dblclick();
  const input = page.getByRole("textbox", { name: "Edit A450" });
  // R8… and R9… are the codes bigReturn leaves unused.
  await input.fill("R99");
  await input.press("Enter");
  await gridCell(page, "A450").filter({ hasText: "R99" }).waitFor();

  await pane(page).getByRole("button", { name: "Re-validate" }).click();
  await pane(page).getByRole("status").filter({ hasText: /^Ready to send/ }).waitFor();
  const { name, workbook } = await saveWorkbook(page);
  expect(name).toBe("big.xlsx");
  expect(textOf(sheet(workbook, "Trusts"), "A450")).toBe("R99");
  expect(tab.errors).toEqual([]);
});

test("a .csv opens through the same reader, and saves as .xlsx without a warning", async () => {
  const { page } = tab;
  await pickFile(page, "trusts.csv", Buffer.from("Trust ODS code,Trust name\r\nRZ2,Dale Valley\r\n"), "text/csv");
  await page.getByTestId("file-name").filter({ hasText: "trusts.csv" }).waitFor();
  await gridCell(page, "B2").filter({ hasText: "Dale Valley" }).waitFor();
  const { name, workbook } = await saveWorkbook(page);
  expect(name).toBe("trusts.xlsx");
  expect(textOf(sheet(workbook, workbook.worksheets[0]?.name ?? ""), "A2")).toBe("RZ2");
  expect(tab.errors).toEqual([]);
});

test("saving an example names what the save cannot keep first; Cancel saves nothing, Save a copy saves the values", async () => {
  const { page } = tab;
  await openWorkbench(page, { example: "clean-ics-return" });
  await gridCell(page, "A1").waitFor();
  const save = page.getByRole("button", { name: "Save .xlsx" });

  await save.click();
  const dialog = page.getByRole("alertdialog", { name: "Save the values only?" });
  await dialog.waitFor();
  // The example's Summary sheet holds formulas: the workbench keeps their values only.
  expect(await dialog.getByTestId("save-warning").textContent()).toMatch(/^Saving writes the values only\. The original file also has: .*formulas.* — they will not be in the saved copy, clean-ics-return\.xlsx\.$/);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "detached" });

  await save.click();
  const { name, bytes } = await downloadOf(page, () => dialog.getByRole("button", { name: "Save a copy" }).click());
  expect(name).toBe("clean-ics-return.xlsx");
  const saved = await loadXlsx(bytes);
  const original = await loadXlsx(exampleBytes("clean-ics-return.xlsx"));
  expect(saved.worksheets.map((ws) => [ws.name, ws.state])).toEqual(original.worksheets.map((ws) => [ws.name, ws.state]));
  expect(textOf(sheet(saved, "Trusts"), "A2")).toBe(textOf(sheet(original, "Trusts"), "A2"));
  expect(tab.errors).toEqual([]);
});

/** Whether the document itself scrolls sideways (the grid and the sheet tabs scroll in their own boxes). */
function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** At each width the page must fit: the grid's and the tabs' own boxes scroll, the page never does. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 800 });
    expect({ width, scrolls: await pageScrollsSideways(page) }).toEqual({ width, scrolls: false });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The address of the grid cell that has focus ("" when focus is elsewhere). */
function focusedCell(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-address") ?? "");
}

/** Types one trust row from the keyboard only: each value, Tab between them, Enter at the end. */
async function typeRow(page: Page, values: readonly string[]): Promise<void> {
  for (const [i, value] of values.entries()) {
    if (value !== "") await page.keyboard.type(value);
    await page.keyboard.press(i === values.length - 1 ? "Enter" : "Tab");
  }
}

/** The Validate view's verdict line, with the trust-row count it gives, e.g. "(3 trust rows". */
function checkedRows(page: Page, rows: string): Locator {
  return pane(page).getByRole("status").filter({ hasText: `(${rows},` });
}

const TRUSTS = [
  ["RZ1", "Northshire Teaching Hospitals NHS Foundation Trust", "Acute", "Live", "Epic", "EpicCare", "01/10/2019", "30/09/2031", "Keep"],
  ["RZ2", "Dale Valley Hospitals NHS Trust", "Acute", "Live", "Dedalus", "Lorenzo", "01/06/2016", "30/06/2024", "Converge", "Epic", "30/11/2025"],
  ["RZ3", "Fellside Community Health NHS Trust", "Community", "Live", "Epic", "EpicCare", "01/04/2021", "31/03/2030", "Keep"],
] as const;

describe("filling a return in, in the grid", () => {
  test("a blank workbook and the template: the Summary's formulas show as formulas, said to be worked out in Excel", async () => {
    const { page } = tab;
    await openWorkbench(page, { view: "template" });
    await page.getByRole("button", { name: "New blank workbook" }).click();
    await page.getByTestId("file-name").filter({ hasText: "New workbook" }).waitFor();
    // A blank sheet is a grid to type into, not "empty".
    await gridCell(page, "J20").waitFor();
    expect(await page.getByTestId("unsaved").count()).toBe(0);

    await pane(page).getByRole("button", { name: "Insert template" }).click();
    await pane(page).getByText(/^Template inserted/).waitFor();
    await page.getByTestId("unsaved").filter({ hasText: "Unsaved changes" }).waitFor();

    await page.getByRole("tab", { name: "Summary" }).click();
    const trusts = gridCell(page, "B1");
    await trusts.filter({ hasText: /^=SUM\(Calc!/ }).waitFor();
    expect(await trusts.getAttribute("data-formula")).toBe("true");
    expect(await trusts.getAttribute("title")).toMatch(/^B1: =SUM\(Calc!.*\(a formula: its value is worked out when the workbook is opened in Excel\)$/);
    expect(await gridCell(page, "A1").textContent()).toBe("Trusts");
    await expectNoSidewaysScroll(page);
    expect(tab.errors).toEqual([]);
  });

  test("three trusts typed into the grid by keyboard only; the pane's live check follows each row", async () => {
    const { page } = tab;
    await showView(page, "Validate");
    // The pane checks the template's Trusts sheet, which has no rows yet.
    await checkedRows(page, "0 trust rows").waitFor();

    // To the Trusts tab, then Shift+Tab: the grid is one Tab stop, its active cell (A1).
    await page.getByRole("tab", { name: "Trusts" }).click();
    await gridCell(page, "A1").filter({ hasText: "Trust ODS code" }).waitFor();
    await page.keyboard.press("Shift+Tab");
    expect(await focusedCell(page)).toBe("A1");
    expect(await focused(page)).toMatchObject({ role: "gridcell" });
    await page.keyboard.press("ArrowDown");
    expect(await focusedCell(page)).toBe("A2");

    await typeRow(page, TRUSTS[0]);
    // Enter went back to column A, a row down, as Excel does after a run of Tabs.
    expect(await focusedCell(page)).toBe("A3");
    await checkedRows(page, "1 trust row").waitFor();
    await typeRow(page, TRUSTS[1]);
    await typeRow(page, TRUSTS[2]);
    expect(await focusedCell(page)).toBe("A5");
    await checkedRows(page, "3 trust rows").waitFor();
    await gridCell(page, "B3").filter({ hasText: /^Dale Valley Hospitals NHS Trust$/ }).waitFor();
    await gridCell(page, "K3").filter({ hasText: /^30\/11\/2025$/ }).waitFor();

    // A mistake, seen by the live check, then put right by keyboard: F2 edits the cell in place.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Home");
    expect(await focusedCell(page)).toBe("A4");
    await page.keyboard.type("XX9");
    await page.keyboard.press("Enter");
    await gridCell(page, "A4").filter({ hasText: /^XX9/ }).waitFor();
    const issue = pane(page).getByRole("button", { name: /A4: "XX9"/ });
    await issue.first().waitFor();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("F2");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("3");
    expect(await page.getByRole("textbox", { name: "Edit A4" }).inputValue()).toBe("XX3");
    // Escape drops the edit: the cell keeps XX9. Then Delete clears it, and typing puts the right code in.
    await page.keyboard.press("Escape");
    await gridCell(page, "A4").filter({ hasText: /^XX9/ }).waitFor();
    await page.keyboard.press("Delete");
    await gridCell(page, "A4").filter({ hasText: /^$/ }).waitFor();
    await page.keyboard.type("RZ3");
    await page.keyboard.press("Enter");
    await gridCell(page, "A4").filter({ hasText: /^RZ3$/ }).waitFor();
    await issue.first().waitFor({ state: "detached" });
    await checkedRows(page, "3 trust rows").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(tab.errors).toEqual([]);
  });

  test("Add rows shows more blank rows; moving down from the last row shows one more", async () => {
    const { page } = tab;
    expect(await gridCell(page, "A20").count()).toBe(1);
    expect(await gridCell(page, "A21").count()).toBe(0);
    await page.getByRole("button", { name: "Add 10 rows" }).click();
    await gridCell(page, "A30").waitFor();
    expect(await gridCell(page, "A31").count()).toBe(0);

    // Ctrl+Down from the data's last row goes to the grid's last row; Down once more grows the grid by a row.
    await gridCell(page, "A4").click();
    await page.keyboard.press("Control+ArrowDown");
    expect(await focusedCell(page)).toBe("A30");
    await page.keyboard.press("ArrowDown");
    expect(await focusedCell(page)).toBe("A31");
    // The grid scrolled inside its own box; the page did not.
    expect(await grid(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await expectNoSidewaysScroll(page);
  });

  test("the sheet tabs scroll in their own strip at 800 px, and the page does not", async () => {
    const { page } = tab;
    await page.setViewportSize({ width: 800, height: 800 });
    const strip = page.getByRole("tablist", { name: "Sheets" });
    expect(await sheetTabs(page)).toEqual(["Sheet1", "Guidance", "ICS", "Trusts", "Lists (hidden)", "Summary", "Calc (hidden)"]);
    const overflow = await strip.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, oneLine: new Set([...el.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().top))).size === 1 }));
    expect(overflow.oneLine).toBe(true);
    expect(overflow.scrollWidth).toBeGreaterThan(overflow.clientWidth);

    // The last tab, chosen by keyboard, is scrolled into view within the strip.
    await page.getByRole("tab", { name: "Trusts" }).focus();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await gridCell(page, "A1").filter({ hasText: "Row has content" }).waitFor();
    const place = await strip.evaluate((el) => {
      const tab = el.querySelector('[role="tab"][aria-selected="true"]');
      const box = el.getBoundingClientRect();
      const at = tab?.getBoundingClientRect();
      return { scrolled: el.scrollLeft, inView: at !== undefined && at.left >= box.left - 1 && at.right <= box.right + 1 };
    });
    expect(place).toEqual({ scrolled: expect.any(Number), inView: true });
    expect(place.scrolled).toBeGreaterThan(0);
    expect(await pageScrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole("tab", { name: "Trusts" }).click();
  });

  test("New with unsaved changes asks first: Cancel keeps them; the saved copy reopens without the page scrolling sideways", async () => {
    const { page } = tab;
    await page.getByRole("button", { name: "New blank workbook" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Save your changes to New workbook?" });
    await dialog.waitFor();
    expect(await dialog.getByTestId("unsaved-warning").textContent()).toBe(
      "New workbook has changes that are not saved. To start a new blank workbook, the workbench closes it: save a copy first (Save), or lose the changes (Don't save).",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await gridCell(page, "A2").filter({ hasText: /^RZ1$/ }).waitFor();

    // Save from the question: the copy downloads, then the new workbook opens.
    await page.getByRole("button", { name: "New blank workbook" }).click();
    const { name, bytes } = await downloadOf(page, () => dialog.getByRole("button", { name: "Save", exact: true }).click());
    expect(name).toBe("EPR return.xlsx");
    const saved = await loadXlsx(bytes);
    expect(textOf(sheet(saved, "Trusts"), "A4")).toBe("RZ3");
    expect(textOf(sheet(saved, "Trusts"), "B3")).toBe("Dale Valley Hospitals NHS Trust");
    await page.getByTestId("file-name").filter({ hasText: "New workbook" }).waitFor();
    expect(await sheetTabs(page)).toEqual(["Sheet1"]);
    expect(await page.getByTestId("unsaved").count()).toBe(0);

    // The saved copy opened again: its rows are there, the pane checks them, the page still fits.
    await pickFile(page, "EPR return.xlsx", bytes);
    await page.getByTestId("file-name").filter({ hasText: "EPR return.xlsx" }).waitFor();
    await page.getByRole("tab", { name: "Trusts" }).click();
    await gridCell(page, "A4").filter({ hasText: /^RZ3$/ }).waitFor();
    await expectNoSidewaysScroll(page);
    expect(tab.errors).toEqual([]);
  });

  test("an edit, then Open: Don't save opens the file; closing the tab with unsaved changes makes the browser ask", async () => {
    const { page } = tab;
    await gridCell(page, "A5").click();
    await page.keyboard.type("RZ4");
    await page.keyboard.press("Enter");
    await page.getByTestId("unsaved").waitFor();

    await pickFile(page, "trusts.csv", Buffer.from("Trust ODS code,Trust name\r\nRZ2,Dale Valley\r\n"), "text/csv");
    const dialog = page.getByRole("alertdialog", { name: "Save your changes to EPR return.xlsx?" });
    await dialog.getByText("To open trusts.csv, the workbench closes it").waitFor();
    await dialog.getByRole("button", { name: "Don't save" }).click();
    await page.getByTestId("file-name").filter({ hasText: "trusts.csv" }).waitFor();
    await gridCell(page, "B2").filter({ hasText: "Dale Valley" }).waitFor();

    await editCellByKeyboard(page, "A3", "RZ5");
    const asked = new Promise<string>((resolve) => {
      page.once("dialog", (question) => {
        resolve(question.type());
        void question.accept();
      });
    });
    await page.reload();
    expect(await asked).toBe("beforeunload");
    await page.getByTestId("file-name").filter({ hasText: "No workbook open" }).waitFor();
    expect(tab.errors).toEqual([]);
  });
});

/** Clicks a cell and types into it, Enter to keep it. */
async function editCellByKeyboard(page: Page, address: string, text: string): Promise<void> {
  await gridCell(page, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await gridCell(page, address).filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
}
