/**
 * The workbench page itself: opening files with the file picker and by drag and drop (every format through the one
 * reader), a refused file, a big sheet (the grid shows its first 500 rows, and "go to cell" scrolls the grid), editing
 * a cell, and saving: a file that held more than values (formulas, a table, …) is said to lose them first.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { pageForTests } from "./support/browser";
import { exampleBytes, loadXlsx, sheet, textOf } from "./support/workbook";
import { downloadOf, grid, gridCell, openWorkbench, pane, saveWorkbook, selectedAddresses, seriousViolations, sheetTabs, XLSX_TYPE } from "./support/workbench";

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
