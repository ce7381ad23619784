/**
 * Issue 12's acceptance: the three journeys of an ICS analyst through the workbench's real task pane, each asserting
 * what the pane says at every step and that the pane never scrolls sideways:
 *  - a blank workbook → the template → three trusts typed into the grid → the live check follows → a fix → an
 *    accepted warning → the stamp → the CSV export;
 *  - a trust's own sheet (examples/trust-adhoc-sheet.xlsx) → Columns → Validate → Fix all;
 *  - three trusts' files merged into a new return → validated.
 * Each runs with the mouse at the narrowest pane Excel allows (320 px) and at desktop width (a 1280 px window, the
 * default 350 px pane); then by keyboard only (Tab, Shift+Tab, the arrow keys, Enter and Space: no click at all) at
 * 320 px, with axe at every step (a serious or critical violation fails). The steps are written once, over a driver
 * that either clicks or reaches each control with the keyboard.
 */
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { pageForTests } from "./support/browser";
import { chooseTab, focused, focusedCell, pressOn, tabToElement, typeRow } from "./support/keyboard";
import { checkedRows, expectPaneFits, nextStep, verdict } from "./support/pane";
import { exampleBytes, loadXlsx, sheet } from "./support/workbook";
import { downloadOf, gridCell, openWorkbench, pane, seriousViolations, setPaneWidth, showView, XLSX_TYPE } from "./support/workbench";

type ViewLabel = Parameters<typeof showView>[1];
/** A file as a file chooser is given it (name, type and bytes). */
interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** How a journey's steps are carried out: by mouse, or by keyboard only (with axe run at each step). */
interface Driver {
  readonly keyboardOnly: boolean;
  /** Activates a button or link: a click, or Tab to it and Enter. */
  press(target: Locator, what: string): Promise<void>;
  showView(label: ViewLabel): Promise<void>;
  /** Shows a sheet of the workbook in the grid (the sheet tabs under it). */
  showSheet(name: string): Promise<void>;
  /** Puts the grid's focus on a cell of the sheet on screen, its active cell being A1: a click, or Shift+Tab from the sheet tabs and the arrows. */
  enterGrid(address: "A2"): Promise<void>;
  chooseMenuItem(trigger: Locator, item: string): Promise<void>;
  /** Types into a text box and gives it: a click, typing and a click on `submit`; or Tab to the box, typing and Enter. */
  typeAndSubmit(box: Locator, what: string, text: string, submit: Locator): Promise<void>;
  /** Picks files with the file chooser that `trigger` opens. */
  pickFiles(trigger: Locator, what: string, files: readonly FilePayload[]): Promise<void>;
  /** After each step: the pane fits (and, by keyboard, axe finds nothing serious). */
  checkStep(step: string): Promise<void>;
}

function mouseDriver(page: Page): Driver {
  return {
    keyboardOnly: false,
    press: (target) => target.click(),
    showView: (label) => showView(page, label),
    showSheet: async (name) => {
      await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true }).click();
    },
    enterGrid: (address) => gridCell(page, address).click(),
    chooseMenuItem: async (trigger, item) => {
      await trigger.click();
      await page.getByRole("menuitem", { name: item }).click();
    },
    typeAndSubmit: async (box, _what, text, submit) => {
      await box.click();
      await page.keyboard.type(text);
      await submit.click();
    },
    pickFiles: async (trigger, _what, files) => {
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), trigger.click()]);
      await chooser.setFiles([...files]);
    },
    checkStep: (step) => expectPaneFits(page, step),
  };
}

function keyboardDriver(page: Page): Driver {
  return {
    keyboardOnly: true,
    press: (target, what) => pressOn(page, target, what),
    showView: async (label) => {
      await chooseTab(page, pane(page).getByRole("tablist", { name: "Views" }), label);
      await pane(page).getByRole("heading", { level: 2, name: label }).waitFor();
    },
    showSheet: (name) => chooseTab(page, page.getByRole("tablist", { name: "Sheets" }), name),
    enterGrid: async (address) => {
      // From the sheet tabs the grid is one Shift+Tab back: its active cell, A1 on a sheet just shown.
      await tabToElement(page, gridCell(page, "A1"), "the grid's active cell", { backwards: true });
      await page.keyboard.press("ArrowDown");
      expect(await focusedCell(page)).toBe(address);
    },
    chooseMenuItem: async (trigger, item) => {
      await pressOn(page, trigger, "the menu button");
      const wanted = page.getByRole("menuitem", { name: item });
      await page.getByRole("menu").waitFor();
      for (let i = 0; i < 10 && (await focused(page)).name !== item; i++) await page.keyboard.press("ArrowDown");
      expect(await wanted.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press("Enter");
    },
    typeAndSubmit: async (box, what, text) => {
      await tabToElement(page, box, what);
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
    },
    pickFiles: async (trigger, what, files) => {
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), pressOn(page, trigger, what)]);
      await chooser.setFiles([...files]);
    },
    checkStep: async (step) => {
      await expectPaneFits(page, step);
      expect({ step, violations: await seriousViolations(page) }).toEqual({ step, violations: [] });
    },
  };
}

interface Width {
  readonly name: string;
  /** The task pane's width in px, or null for the workbench's default (350 px, Excel's own). */
  readonly pane: number | null;
}

const NARROWEST: Width = { name: "a 320 px pane", pane: 320 };
const DESKTOP: Width = { name: "desktop width (1280 px window, 350 px pane)", pane: null };

/** Opens the workbench on a view, at the width: the pane's width is set after the page loads (it holds until the next load). */
async function start(page: Page, width: Width, view: "validate" | "columns" | "merge"): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWorkbench(page, { view });
  if (width.pane !== null) await setPaneWidth(page, width.pane);
}

// The trusts typed in journey 1, one per row of the template's Trusts sheet, from column A: ODS code, name, type,
// status, supplier, product, go-live, contract end, plan. RZ2's type in lower case is the fix (to "Acute"); RZ3's
// contract end, a month only, is the warning the analyst accepts.
const TRUSTS = [
  ["RZ1", "Northshire Teaching Hospitals NHS Foundation Trust", "Acute", "Live", "Epic", "EpicCare", "01/10/2019", "30/09/2031", "Keep"],
  ["RZ2", "Dale Valley Hospitals NHS Trust", "acute", "Live", "Epic", "EpicCare", "1/6/21", "31/05/2033", "Keep"],
  ["RZ3", "Fellside Community Health NHS Trust", "Community", "Live", "Epic", "EpicCare", "01-04-2021", "Mar 2030", "Keep"],
] as const;

async function blankWorkbookToExport(page: Page, width: Width, drive: Driver): Promise<void> {
  const view = pane(page);
  await start(page, width, "validate");
  await drive.press(page.getByRole("button", { name: "New blank workbook" }), "New blank workbook");
  await page.getByTestId("file-name").filter({ hasText: "New workbook" }).waitFor();

  // A blank workbook: the pane says what to do first, not five errors.
  await view.getByRole("status").filter({ hasText: 'No return yet: "Sheet1" is empty. Insert the template, or pick the sheet with your trusts.' }).waitFor();
  expect(await view.getByRole("heading", { name: "Issues" }).count()).toBe(0);
  await drive.checkStep("a blank workbook");

  await drive.press(view.getByRole("button", { name: "Insert the template" }), "Insert the template");
  await view.getByRole("heading", { level: 2, name: "Template" }).waitFor();
  expect(await view.getByRole("list", { name: "Sheets to add" }).getByRole("listitem").allTextContents()).toEqual(["Guidance", "ICS", "Trusts", "Lists (hidden)", "Summary", "Calc (hidden)"]);
  await drive.checkStep("the Template view");

  await drive.press(view.getByRole("button", { name: "Insert template" }), "Insert template");
  await view.getByText(/^Template inserted: added Guidance, ICS, Trusts, Lists, Summary, Calc\. Next: fill in your trusts on "Trusts"/).waitFor();
  // Offered once: a second copy needs the user's say-so.
  expect(await view.getByRole("button", { name: "Insert template", exact: true }).count()).toBe(0);
  await view.getByRole("button", { name: "Insert another copy…" }).waitFor();
  await drive.checkStep("the template inserted");

  await drive.press(view.getByRole("button", { name: 'Go to "Trusts"' }), 'Go to "Trusts"');
  await verdict(view, "No trust rows: nothing to send yet").waitFor();
  await nextStep(page, 'Fill in your trusts on "Trusts": one trust per row, from row 2.').waitFor();
  await drive.checkStep("the empty return");

  // The trusts, typed into the grid; the live check follows each row.
  await drive.showSheet("Trusts");
  await gridCell(page, "A1").filter({ hasText: "Trust ODS code" }).waitFor();
  await drive.enterGrid("A2");
  for (const [i, trust] of TRUSTS.entries()) {
    await typeRow(page, trust);
    expect(await focusedCell(page)).toBe(`A${i + 3}`);
    await checkedRows(page, i === 0 ? "1 trust row" : `${i + 1} trust rows`).waitFor();
    await drive.checkStep(`trust ${i + 1} typed`);
  }
  // Dates typed the UK way are dates, shown the UK way; the month-only date stays the text typed.
  await gridCell(page, "G3").filter({ hasText: /^01\/06\/2021$/ }).waitFor();
  expect(await gridCell(page, "G4").textContent()).toBe("01/04/2021");
  expect(await gridCell(page, "H4").textContent()).toBe("Mar 2030");
  await verdict(view, "Ready to send (2 warnings)").waitFor();
  await nextStep(page, "Stamp the return, then send it.").waitFor();
  await drive.checkStep("three trusts checked");

  // Fix: RZ2's type, from the preview beside the issue.
  await drive.press(view.getByRole("button", { name: "Fix C3" }), "Fix C3");
  const preview = view.getByRole("region", { name: "Changes to apply" });
  await preview.waitFor();
  expect(await preview.getByRole("listitem").allTextContents()).toEqual(["Trusts!C3: acute → Acute"]);
  expect(await focused(page)).toMatchObject({ tag: "BUTTON", name: "Apply" });
  await drive.checkStep("the fix's preview");
  await drive.press(preview.getByRole("button", { name: "Apply" }), "Apply");
  await gridCell(page, "C3").filter({ hasText: /^Acute$/ }).waitFor();
  await verdict(view, "Ready to send (1 warning)").waitFor();
  await drive.checkStep("the fix applied");

  // Accept the month-only contract end: the count reaches zero, and the acceptance is listed.
  await drive.press(view.getByRole("button", { name: "Accept the warning in H4" }), "Accept the warning in H4");
  await verdict(view, "Ready to send").waitFor();
  await view.getByRole("status").filter({ hasText: "Accepted the warning in Trusts!H4." }).waitFor();
  await view.getByRole("button", { name: "1 accepted (show)" }).waitFor();
  await drive.checkStep("the warning accepted");

  // Stamp and Export count every warning, the accepted one too (the Validate view leaves it out of its count).
  await drive.showView("Stamp");
  await view.getByText("Ready to send (1 warning); 3 trust rows.").waitFor();
  await view.getByRole("status").filter({ hasText: "Not stamped yet." }).waitFor();
  await drive.checkStep("the Stamp view");
  await drive.press(view.getByRole("button", { name: "Stamp as validated" }), "Stamp as validated");
  await view.getByRole("status").filter({ hasText: /^Validated on .+ — data unchanged \(3 trust rows\)\.$/ }).waitFor();
  await drive.checkStep("the return stamped");

  await drive.showView("Export");
  await view.getByRole("status").filter({ hasText: "Ready to send (1 warning); 3 trust rows." }).waitFor();
  await drive.checkStep("the Export view");
  const { name, bytes } = await downloadOf(page, () => drive.press(view.getByRole("link", { name: "Download CSV" }), "Download CSV"));
  expect(name).toMatch(/^Trusts EPR return \d{4}-\d{2}-\d{2}\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split(/\r?\n/).filter((line) => line !== "");
  expect(lines).toHaveLength(1 + TRUSTS.length);
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["RZ1", "RZ2", "RZ3"]);
  // The fix is in the export: RZ2 is Acute.
  expect(lines[2]).toContain(",Acute,");
}

const ADHOC_SHEET = "EPR position";

async function adhocSheetToFixAll(page: Page, width: Width, drive: Driver): Promise<void> {
  const view = pane(page);
  await start(page, width, "columns");
  await drive.chooseMenuItem(page.getByRole("button", { name: "Open an example" }), "A trust's own sheet (messy headers and values)");
  await page.getByTestId("file-name").filter({ hasText: "trust-adhoc-sheet.xlsx" }).waitFor();

  await view.getByText(`Headers found in row 3 of ${ADHOC_SHEET} (detected).`).waitFor();
  expect(await view.getByRole("combobox", { name: "Column for header Org code" }).inputValue()).toBe("trustCode");
  expect(await view.getByRole("combobox", { name: "Column for header RAG" }).inputValue()).toBe("");
  await view.getByRole("listitem", { name: /^Org code/ }).getByText(/^Sample: /).waitFor();
  await drive.checkStep("the detected mapping");

  await drive.press(view.getByRole("button", { name: "Use detected mapping" }), "Use detected mapping");
  await view.getByRole("status").filter({ hasText: "Mapping saved in the workbook." }).waitFor();
  await view.getByText(`Headers found in row 3 of ${ADHOC_SHEET} (your saved mapping).`).waitFor();
  await drive.checkStep("the mapping saved");

  // With no ICS sheet the date rules measure from today, until the analyst gives the submission date: then the pane
  // finds what README.md's worked example shows the command line finding with --submitted 2023-11-15.
  await drive.showView("Validate");
  await verdict(view, "6 errors, 18 warnings").waitFor();
  await checkedRows(page, "5 trust rows").waitFor();
  await view.getByText("There is no ICS sheet, so the date rules use today's date. Give the day you send the return: it is saved with the return.").waitFor();
  await drive.checkStep("the sheet validated");
  await drive.typeAndSubmit(view.getByRole("textbox", { name: "Submission date" }), "the Submission date box", "15/11/2023", view.getByRole("button", { name: "Save date" }));
  await view.getByRole("status").filter({ hasText: "Saved: the rules measure from 15 Nov 2023." }).waitFor();
  await verdict(view, "6 errors, 16 warnings").waitFor();
  await view.getByRole("status").filter({ hasText: /^6 errors, 16 warnings \(5 trust rows, submission date 15 Nov 2023\)$/ }).waitFor();
  await nextStep(page, "Fix the 6 errors below, then validate again.").waitFor();
  await drive.checkStep("the submission date given");

  await drive.press(view.getByRole("button", { name: "Fix all (10)" }), "Fix all (10)");
  const preview = view.getByRole("region", { name: "Changes to apply" });
  await preview.waitFor();
  expect(await preview.getByRole("listitem").count()).toBe(10);
  expect(await preview.getByRole("listitem").allTextContents()).toEqual(expect.arrayContaining([`${ADHOC_SHEET}!G5: 12/31/2019 → 31/12/2019`, `${ADHOC_SHEET}!P4: £18m → 18000000`]));
  expect(await focused(page)).toMatchObject({ tag: "BUTTON", name: "Apply" });
  await drive.checkStep("the preview of Fix all");

  await drive.press(preview.getByRole("button", { name: "Apply" }), "Apply");
  await verdict(view, "5 errors, 7 warnings").waitFor();
  await view.getByRole("status").filter({ hasText: "Fixed 10 cells." }).waitFor();
  expect(await view.getByRole("button", { name: /^Fix all/ }).textContent()).toBe("Fix all (0)");
  await gridCell(page, "E4").filter({ hasText: /^Dedalus$/ }).waitFor();
  expect(await gridCell(page, "G5").textContent()).toBe("31/12/2019");
  await nextStep(page, "Fix the 5 errors below, then validate again.").waitFor();
  await drive.checkStep("Fix all applied");
}

const CLEAN = "clean-ics-return.xlsx";

/** The clean example's trust rows split into three trusts' files (rows as the example has them; the third a CSV), the first trust of the second file repeated in the third. */
async function threeTrustFiles(): Promise<FilePayload[]> {
  const trusts = sheet(await loadXlsx(exampleBytes(CLEAN)), "Trusts");
  const rows: unknown[][] = [];
  trusts.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [header = [], ...body] = rows;
  const cut = (from: number, to: number) => body.slice(from, to);
  const xlsx = async (name: string, data: unknown[][]): Promise<FilePayload> => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Trusts");
    ws.addRow(header);
    for (const row of data) ws.addRow(row);
    return { name, mimeType: XLSX_TYPE, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
  };
  const csvCell = (value: unknown) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? "" : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const east = [header, ...cut(6, 8), ...cut(3, 4)].map((row) => row.map(csvCell).join(",")).join("\r\n");
  return [await xlsx("north.xlsx", cut(0, 3)), await xlsx("south.xlsx", cut(3, 6)), { name: "east.csv", mimeType: "text/csv", buffer: Buffer.from(`${east}\r\n`) }];
}

async function mergeThreeFiles(page: Page, width: Width, drive: Driver): Promise<void> {
  const view = pane(page);
  await start(page, width, "merge");
  await drive.press(page.getByRole("button", { name: "New blank workbook" }), "New blank workbook");
  await page.getByTestId("file-name").filter({ hasText: "New workbook" }).waitFor();

  await view.getByText("This workbook has no Trusts sheet yet, so there is no table to merge into. Insert the template first.").waitFor();
  await drive.checkStep("Merge with no return");
  await drive.press(view.getByRole("button", { name: "Open the Template tab" }), "Open the Template tab");
  await view.getByRole("heading", { level: 2, name: "Template" }).waitFor();
  await drive.press(view.getByRole("button", { name: "Insert template" }), "Insert template");
  await view.getByText(/^Template inserted/).waitFor();
  await drive.checkStep("the template inserted for the merge");

  await drive.showView("Merge");
  await view.getByText("Trusts has 0 trust rows now.").waitFor();
  await drive.checkStep("Merge into the empty return");

  await drive.pickFiles(view.getByRole("button", { name: "Add workbooks…" }), "Add workbooks…", await threeTrustFiles());
  const perSource = view.locator("table", { has: page.locator("caption", { hasText: "Rows per source" }) });
  await perSource.waitFor();
  expect(await perSource.locator("tbody th").allTextContents()).toEqual(["north.xlsx › Trusts", "south.xlsx › Trusts", "east.csv › east"]);
  // The trust repeated in east.csv: kept once, by the safe default.
  expect(await view.getByRole("radio", { name: /^Keep the existing row: leave out the 1 new row$/ }).isChecked()).toBe(true);
  await view.getByRole("status").filter({ hasText: "8 rows will be added to Trusts; 0 rows of Trusts will be replaced in place." }).waitFor();
  await drive.checkStep("three files to merge");

  await drive.press(view.getByRole("button", { name: "Merge into Trusts" }), "Merge into Trusts");
  await view.getByText(/^Added 8 rows to Trusts \(rows 2–9\); replaced 0 in place; added the Source column\. The Validate tab now checks the merged return on the Trusts sheet\.$/).waitFor();
  await drive.checkStep("the files merged");

  await drive.showView("Validate");
  await checkedRows(page, "8 trust rows").waitFor();
  await view.getByRole("status").filter({ hasText: /^(Ready to send|\d+ errors?)/ }).waitFor();
  await drive.checkStep("the merged return validated");
}

const tab = pageForTests();

beforeAll(() => {
  // Each journey loads the page afresh; the one before may have left unsaved changes, which the browser asks about.
  tab.page.on("dialog", (dialog) => void dialog.accept());
});

afterEach(() => {
  // Read and emptied, so that one journey's page errors fail that journey only.
  const errors = tab.errors.splice(0);
  expect(errors).toEqual([]);
});

const JOURNEY_TIMEOUT = 360_000;

describe.each([NARROWEST, DESKTOP])("by mouse, at $name", (width) => {
  test("blank workbook → template → three trusts typed → live check → fix → accept a warning → stamp → export", async () => {
    await blankWorkbookToExport(tab.page, width, mouseDriver(tab.page));
  }, JOURNEY_TIMEOUT);

  test("a trust's own sheet → Columns → Validate → Fix all", async () => {
    await adhocSheetToFixAll(tab.page, width, mouseDriver(tab.page));
  }, JOURNEY_TIMEOUT);

  test("three trusts' files merged into a new return → validated", async () => {
    await mergeThreeFiles(tab.page, width, mouseDriver(tab.page));
  }, JOURNEY_TIMEOUT);
});

describe("by keyboard only, at a 320 px pane, with axe at each step", () => {
  test("blank workbook → template → three trusts typed → live check → fix → accept a warning → stamp → export", async () => {
    await blankWorkbookToExport(tab.page, NARROWEST, keyboardDriver(tab.page));
  }, JOURNEY_TIMEOUT);

  test("a trust's own sheet → Columns → Validate → Fix all", async () => {
    await adhocSheetToFixAll(tab.page, NARROWEST, keyboardDriver(tab.page));
  }, JOURNEY_TIMEOUT);

  test("three trusts' files merged into a new return → validated", async () => {
    await mergeThreeFiles(tab.page, NARROWEST, keyboardDriver(tab.page));
  }, JOURNEY_TIMEOUT);
});
