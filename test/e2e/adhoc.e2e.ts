/**
 * A trust's own messy sheet (examples/trust-adhoc-sheet.xlsx): confirm the detected mapping, validate,
 * go to an issue's cell, mark and clear the issue cells (the user's formats come back exactly), and fix all that
 * has a known right value: spellings, a month-first date, amounts typed as text (the saved file holds the fixes).
 */
import { pageForTests } from "./support/browser";
import { conditionalFormatsOf, sheet, stylesByCell, textOf } from "./support/workbook";
import { gridCell, markedCells, openWorkbench, pane, saveWorkbook, selectedAddresses, showView } from "./support/workbench";

const SHEET = "EPR position";

// What the validation of this example finds (as the command line reports it): cells with errors and with warnings only.
const ERROR_CELLS = ["A5", "E5", "G5", "I6", "S6", "A9"];
const WARNING_CELLS = ["U3", "A4", "C4", "E4", "I4", "J4", "K4", "M4", "P4", "Q4", "R4", "J7", "K7", "N7", "P7", "R7"];
// Each fix, in the preview's order: what the cell holds → what Fix all writes (amounts as numbers, the date as the
// day-first text the message asks for).
const FIX_PREVIEW: Record<string, readonly [string, string | number]> = {
  A4: ["rz2", "RZ2"],
  C4: ["acute", "Acute"],
  E4: ["Lorenzo", "Dedalus"],
  I4: ["converge", "Converge"],
  J4: ["Cerner", "Oracle Health"],
  P4: ["£18m", 18_000_000],
  Q4: ["£9,000,000", 9_000_000],
  R4: ["9m", 9_000_000],
  G5: ["12/31/2019", "31/12/2019"],
  J7: ["Medway", "System C"],
};

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

test("Mark colours the issue cells; Clear marks leaves every cell's format as it was before", async () => {
  const { page } = tab;
  const view = pane(page);
  // The workbench holds the file's values only (its formatting is named before a save): compare with its own save.
  const { workbook: before } = await saveWorkbook(page, { lossWarning: true });
  await view.getByRole("button", { name: "Mark", exact: true }).click();
  await page.locator('td[data-address="A5"][data-mark="error"]').waitFor();
  const expected = Object.fromEntries([...ERROR_CELLS.map((a) => [a, "error"]), ...WARNING_CELLS.map((a) => [a, "warning"])]);
  expect(await markedCells(page)).toEqual(expected);

  const marked = await saveWorkbook(page, { lossWarning: true });
  expect(conditionalFormatsOf(sheet(marked.workbook, SHEET))).toContain("EPR-RETURN-MARK");

  await view.getByRole("button", { name: "Clear marks" }).click();
  await page.locator("td[data-mark]").first().waitFor({ state: "detached" });
  expect(await markedCells(page)).toEqual({});

  const { workbook: cleared } = await saveWorkbook(page, { lossWarning: true });
  expect(cleared.worksheets.map((ws) => ws.name)).toEqual(before.worksheets.map((ws) => ws.name));
  // The user's sheets; the add-in's settings sheet holds the marks record, which Mark and Clear marks change.
  for (const ws of before.worksheets.filter((w) => w.name !== "_epr_settings")) {
    const after = sheet(cleared, ws.name);
    expect(Object.fromEntries(stylesByCell(after))).toEqual(Object.fromEntries(stylesByCell(ws)));
    expect(conditionalFormatsOf(after)).toBe(conditionalFormatsOf(ws));
  }
});

test("Fix all writes the canonical spellings, the day-first date and the numbers typed as text, after a preview; the saved file holds them", async () => {
  const { page } = tab;
  const view = pane(page);
  // Ten fixes: six spellings, three amounts typed as text and G5's month-first date.
  await view.getByRole("button", { name: "Fix all (10)" }).click();
  const preview = view.getByRole("region", { name: "Changes to apply" });
  await preview.waitFor();
  expect(await preview.getByRole("listitem").allTextContents()).toEqual(
    Object.entries(FIX_PREVIEW).map(([cell, [old, written]]) => `${SHEET}!${cell}: ${old} → ${String(written)}`),
  );
  await preview.getByRole("button", { name: "Apply" }).click();
  // Left: five errors (G5's is gone) and nine warnings (the spellings' and the amounts' are gone).
  await view.getByRole("status").filter({ hasText: /^5 errors, 9 warnings/ }).waitFor();
  await view.getByRole("status").filter({ hasText: "Fixed 10 cells." }).waitFor();
  await gridCell(page, "E4").filter({ hasText: "Dedalus" }).waitFor();
  await gridCell(page, "G5").filter({ hasText: "31/12/2019" }).waitFor();
  expect(await view.getByRole("button", { name: /^Fix all/ }).textContent()).toBe("Fix all (0)");

  const { workbook } = await saveWorkbook(page, { lossWarning: true });
  const ws = sheet(workbook, SHEET);
  for (const [cell, [, written]] of Object.entries(FIX_PREVIEW)) expect(ws.getCell(cell).value).toBe(written);
  // Cells that had no fix keep what the trust wrote.
  expect(textOf(ws, "S6")).toBe("about 40");
  expect(textOf(ws, "K4")).toBe("Q3 2025/26");
  expect(tab.errors).toEqual([]);
});
