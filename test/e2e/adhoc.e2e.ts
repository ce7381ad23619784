/**
 * A trust's own messy sheet (examples/trust-adhoc-sheet.xlsx): confirm the detected mapping, validate,
 * go to an issue's cell, mark and clear the issue cells (the user's formats come back exactly), and fix
 * the non-canonical spellings (the saved file holds the canonical ones).
 */
import { pageForTests } from "./support/browser";
import { conditionalFormatsOf, exampleBytes, loadXlsx, sheet, stylesByCell, textOf } from "./support/workbook";
import { gridCell, markedCells, openWorkbench, pane, saveWorkbook, selectedAddresses, showView } from "./support/workbench";

const SHEET = "EPR position";
const EXAMPLE = "trust-adhoc-sheet.xlsx";

// What the validation of this example finds (as the command line reports it): cells with errors and with warnings only.
const ERROR_CELLS = ["A5", "E5", "G5", "I6", "S6", "A9"];
const WARNING_CELLS = ["U3", "A4", "C4", "E4", "I4", "J4", "K4", "M4", "P4", "Q4", "R4", "J7", "K7", "N7", "P7", "R7"];
const FIXES: Record<string, string> = { A4: "RZ2", C4: "Acute", E4: "Dedalus", I4: "Converge", J4: "Oracle Health", J7: "System C" };

const tab = pageForTests();

beforeAll(async () => {
  await openWorkbench(tab.page, { example: "trust-adhoc-sheet", view: "columns" });
});

test("Columns shows the detected mapping of the messy headers, and confirming saves it", async () => {
  const view = pane(tab.page);
  await view.getByText("Headers found in row 3 of EPR position (detected).").waitFor();
  expect(await view.getByRole("combobox", { name: "Column for header Org code" }).inputValue()).toBe("trustCode");
  expect(await view.getByRole("combobox", { name: "Column for header NHSE funding" }).inputValue()).toBe("nationalFunding");
  expect(await view.getByRole("combobox", { name: "Column for header RAG" }).inputValue()).toBe("");

  // At 320 px (and Excel's default 350 px) the header cards fit: the pane does not scroll sideways.
  for (const width of ["320px", "350px"]) {
    const fits = await view.evaluate(async (el, w) => {
      el.style.width = w;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const result = el.scrollWidth <= el.clientWidth && document.documentElement.scrollWidth <= document.documentElement.clientWidth;
      el.style.width = "";
      return result;
    }, width);
    expect({ width, fits }).toEqual({ width, fits: true });
  }
  await view.getByRole("listitem", { name: /^Org code/ }).getByText(/^Sample: /).waitFor();

  await view.getByRole("button", { name: "Use detected mapping" }).click();
  await view.getByText("Mapping saved in the workbook.").waitFor();
  await view.getByText("Headers found in row 3 of EPR position (your saved mapping).").waitFor();
});

test("Validate lists the issues, and choosing one selects its cell in the grid", async () => {
  const { page } = tab;
  await showView(page, "Validate");
  const view = pane(page);
  await view.getByRole("status").filter({ hasText: /^6 errors, 18 warnings \(5 trust rows/ }).waitFor();

  await view.getByRole("button", { name: /G5: "12\/31\/2019"/ }).click();
  await page.getByTestId("selection").filter({ hasText: `Selected: ${SHEET}!G5` }).waitFor();
  expect(await selectedAddresses(page)).toEqual(["G5"]);
  await expect(gridCell(page, "G5").textContent()).resolves.toBe("12/31/2019");
});

test("Mark colours the issue cells; Clear marks leaves every cell's format as in the original file", async () => {
  const { page } = tab;
  const view = pane(page);
  await view.getByRole("button", { name: "Mark", exact: true }).click();
  await page.locator('td[data-address="A5"][data-mark="error"]').waitFor();
  const expected = Object.fromEntries([...ERROR_CELLS.map((a) => [a, "error"]), ...WARNING_CELLS.map((a) => [a, "warning"])]);
  expect(await markedCells(page)).toEqual(expected);

  const marked = await saveWorkbook(page);
  expect(conditionalFormatsOf(sheet(marked.workbook, SHEET))).toContain("EPR-RETURN-MARK");

  await view.getByRole("button", { name: "Clear marks" }).click();
  await page.locator("td[data-mark]").first().waitFor({ state: "detached" });
  expect(await markedCells(page)).toEqual({});

  const original = await loadXlsx(exampleBytes(EXAMPLE));
  const { workbook: cleared } = await saveWorkbook(page);
  for (const ws of original.worksheets) {
    const after = sheet(cleared, ws.name);
    expect(Object.fromEntries(stylesByCell(after))).toEqual(Object.fromEntries(stylesByCell(ws)));
    expect(conditionalFormatsOf(after)).toBe(conditionalFormatsOf(ws));
  }
});

test("Fix all writes the canonical spellings, after a preview, and the saved file holds them", async () => {
  const { page } = tab;
  const view = pane(page);
  await view.getByRole("button", { name: "Fix all (6)" }).click();
  const preview = view.getByRole("region", { name: "Changes to apply" });
  await preview.waitFor();
  expect(await preview.getByRole("listitem").allTextContents()).toEqual(
    Object.entries({ A4: "rz2", C4: "acute", E4: "Lorenzo", I4: "converge", J4: "Cerner", J7: "Medway" }).map(
      ([cell, old]) => `${SHEET}!${cell}: ${old} → ${FIXES[cell]}`,
    ),
  );
  await preview.getByRole("button", { name: "Apply" }).click();
  await view.getByRole("status").filter({ hasText: /^6 errors, 12 warnings/ }).waitFor();
  await gridCell(page, "E4").filter({ hasText: "Dedalus" }).waitFor();

  const { workbook } = await saveWorkbook(page);
  const ws = sheet(workbook, SHEET);
  for (const [cell, canonical] of Object.entries(FIXES)) expect(textOf(ws, cell)).toBe(canonical);
  // Cells that were not fixed keep what the trust wrote.
  expect(textOf(ws, "G5")).toBe("12/31/2019");
  expect(tab.errors).toEqual([]);
});
