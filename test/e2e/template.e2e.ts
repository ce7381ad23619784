/** Template: a blank workbook gets the template's sheets; the saved file holds them, in order. */
import { pageForTests } from "./support/browser";
import { openWorkbench, pane, saveWorkbook, sheetTabs } from "./support/workbench";

// The spec's five sheets, then the template's hidden helper sheet for the Summary's formulas.
const TEMPLATE_SHEETS = ["Guidance", "ICS", "Trusts", "Lists", "Summary", "Calc"];

const tab = pageForTests();

test("inserting the template into a blank workbook adds its sheets, and Save keeps them", async () => {
  const { page } = tab;
  await openWorkbench(page, { view: "template" });
  await page.getByRole("button", { name: "New blank workbook" }).click();
  await page.getByTestId("file-name").filter({ hasText: "New workbook" }).waitFor();

  const plan = pane(page).getByRole("list", { name: "Sheets to add" });
  await plan.waitFor();
  expect(await plan.getByRole("listitem").allTextContents()).toEqual(["Guidance", "ICS", "Trusts", "Lists (hidden)", "Summary", "Calc (hidden)"]);

  await pane(page).getByRole("button", { name: "Insert template" }).click();
  await pane(page).getByText(/^Template inserted: added Guidance, ICS, Trusts, Lists, Summary, Calc\. Next: fill in your trusts on "Trusts"/).waitFor();

  // The grid's sheet tabs follow: the new sheets appear beside Sheet1, Lists marked hidden.
  await page.getByRole("tab", { name: "Calc (hidden)" }).waitFor();
  expect(await sheetTabs(page)).toEqual(["Sheet1", "Guidance", "ICS", "Trusts", "Lists (hidden)", "Summary", "Calc (hidden)"]);
  await page.getByRole("tab", { name: "Trusts" }).click();
  await page.getByTestId("grid").locator('td[data-address="A1"]').filter({ hasText: "Trust ODS code" }).waitFor();

  const { name, workbook } = await saveWorkbook(page);
  expect(name).toBe("EPR return.xlsx");
  const visibleOrHidden = workbook.worksheets.filter((ws) => ws.state !== "veryHidden").map((ws) => ws.name);
  expect(visibleOrHidden).toEqual(["Sheet1", ...TEMPLATE_SHEETS]);
  expect(workbook.getWorksheet("Lists")?.state).toBe("hidden");
  expect(workbook.getWorksheet("Calc")?.state).toBe("hidden");
  expect(workbook.getWorksheet("Trusts")?.getCell("A1").value).toBe("Trust ODS code");
  expect(workbook.getWorksheet("Summary")?.getCell("A1").value).toBe("Trusts");

  // The pane now checks the new Trusts sheet, not the empty Sheet1, and says what to do next.
  await pane(page).getByRole("button", { name: 'Go to "Trusts"' }).click();
  await pane(page).getByRole("status").filter({ hasText: /^No trust rows: nothing to send yet \(0 trust rows/ }).waitFor();
  await pane(page).getByText(/^Next: Fill in your trusts on "Trusts"/).waitFor();
  expect(tab.errors).toEqual([]);
});
