/**
 * The workbench page itself: opening files with the file picker and by drag and drop, a refused file, a big
 * sheet (the grid shows its first 500 rows, and "go to cell" scrolls the grid), and editing a cell.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { pageForTests } from "./support/browser";
import { exampleBytes, sheet, textOf } from "./support/workbook";
import { grid, gridCell, openWorkbench, pane, saveWorkbook, selectedAddresses, sheetTabs } from "./support/workbench";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const tab = pageForTests();

async function pickFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
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
  await pickFile(page, "notes.xlsx", Buffer.from("these are not the bytes of a workbook"));
  const failure = page.getByText("Could not open the workbook");
  await failure.waitFor();
  // The gateway's guard says what the file is instead.
  await page.getByText(/This is a text file \(CSV or similar\), not an Excel workbook/).waitFor();
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
