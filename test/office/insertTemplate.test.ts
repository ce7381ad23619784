/**
 * OfficeGateway.insertTemplate with the real template (core/template) against the fake Excel: what it sends (bytes and
 * syncs), that one formula per column gives every row the formula the template describes, that its text stays text,
 * that every name is planned before the first write, and that a failure at any sync leaves the workbook as it was.
 */
import { buildTemplate } from "../../src/core/template/build";
import { renameSheetRefs } from "../../src/core/template/rename";
import type { TemplatePlan } from "../../src/app/gateway";
import { PROFILE_NAMES } from "../../src/core/schema";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { fakeHost, FakeWorkbook, relativeFormula, type FakeHost } from "./fakeExcel";

const TEMPLATE = buildTemplate();
const KB = 1024;

function workbook(maxApi: number | string = 1.9): { book: FakeWorkbook; host: FakeHost } {
  const book = new FakeWorkbook();
  book.addSheet("Sheet1").seed([["the user's"]]);
  return { book, host: fakeHost(book, maxApi) };
}

/** What an insert sends: syncs and request bytes (the JSON Office.js posts) of each Excel.run since `from`. */
function sent(host: FakeHost, from: number): { syncs: number; bytes: number; runs: number } {
  const contexts = host.contexts.slice(from);
  return {
    runs: contexts.length,
    syncs: contexts.reduce((n, c) => n + c.syncCount, 0),
    bytes: contexts.reduce((n, c) => n + c.requestBytes.reduce((a, b) => a + b, 0), 0),
  };
}

/** The workbook as the user sees it: sheets with their cells, tables, names, visibility. */
function snapshot(book: FakeWorkbook): unknown {
  return {
    sheets: book.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: [...s.cells], tables: s.tables.map((t) => ({ ...t })) })),
    tables: [...book.tableNames],
    names: book.names.map((n) => ({ ...n })),
    events: book.eventsEnabled,
  };
}

describe("insertTemplate: what it sends", () => {
  it("sends the template in at most 150 KB and 6 syncs (plan 1, insert 3), whatever the platform", async () => {
    for (const platform of ["web", "desktop"] as const) {
      const { book, host } = workbook();
      book.platform = platform;
      const gateway = createOfficeGateway(host);
      const plan = await gateway.planTemplate(TEMPLATE);
      const insertFrom = host.contexts.length;
      await gateway.insertTemplate(TEMPLATE, plan);
      const all = sent(host, 0);
      expect(all.bytes).toBeLessThanOrEqual(150 * KB);
      expect(all.syncs).toBeLessThanOrEqual(6);
      // The names, the sheets and their contents in one request, the restore.
      expect(sent(host, insertFrom)).toMatchObject({ runs: 1, syncs: 3 });
      // No request near the 5 MB limit of Excel on the web (before: one of about 3 MB).
      for (const bytes of host.contexts[insertFrom]?.requestBytes ?? []) expect(bytes).toBeLessThan(100 * KB);
    }
  });

  it("suspends calculation while it writes", async () => {
    const { host } = workbook();
    const gateway = createOfficeGateway(host);
    await gateway.insertTemplate(TEMPLATE, await gateway.planTemplate(TEMPLATE));
    expect(host.lastContext().log).toContain("sync2:suspendCalculation");
  });
});

describe("insertTemplate: the formulas", () => {
  it("gives every formula cell the template's own formula for that cell (one formula per column, filled relatively)", async () => {
    const { book, host } = workbook();
    const gateway = createOfficeGateway(host);
    await gateway.insertTemplate(TEMPLATE, await gateway.planTemplate(TEMPLATE));
    let formulas = 0;
    for (const sheet of TEMPLATE.sheets) {
      for (const cell of sheet.cells) {
        if (cell.formula === undefined) continue;
        formulas++;
        expect({ cell: `${sheet.name}!${cell.address}`, formula: book.sheet(sheet.name).at(cell.address)?.formula }).toEqual({ cell: `${sheet.name}!${cell.address}`, formula: `=${cell.formula}` });
      }
    }
    expect(formulas).toBeGreaterThan(11_000);
  });

  it("points every filled formula at renamed sheets, as the template's formula for that cell renamed", async () => {
    const { book, host } = workbook();
    book.addSheet("Trusts");
    book.addSheet("Calc");
    const gateway = createOfficeGateway(host);
    const plan = await gateway.planTemplate(TEMPLATE);
    const renames = Object.fromEntries(plan.sheets.filter((s) => s.renamed).map((s) => [s.templateName, s.name]));
    expect(renames).toEqual({ Trusts: "Trusts (2)", Calc: "Calc (2)" });
    await gateway.insertTemplate(TEMPLATE, plan);
    const calc = TEMPLATE.sheets.find((s) => s.name === "Calc");
    for (const cell of calc?.cells ?? []) {
      if (cell.formula === undefined) continue;
      expect(book.sheet("Calc (2)").at(cell.address)?.formula).toBe(`=${renameSheetRefs(cell.formula, renames)}`);
    }
  });

  it("relies on Calc's formulas being their first row's filled down (checked on the template itself)", () => {
    const calc = TEMPLATE.sheets.find((s) => s.name === "Calc");
    const byColumn = new Map<string, { row: number; formula: string }[]>();
    for (const cell of calc?.cells ?? []) {
      const m = /^([A-Z]+)(\d+)$/.exec(cell.address);
      if (!m || cell.formula === undefined || Number(m[2]) < 2 || m[1] === "O") continue;
      byColumn.set(m[1] ?? "", [...(byColumn.get(m[1] ?? "") ?? []), { row: Number(m[2]), formula: cell.formula }]);
    }
    expect(byColumn.size).toBe(11);
    for (const [column, cells] of byColumn) {
      const first = cells[0];
      if (!first) throw new Error(column);
      for (const { row, formula } of cells) expect(relativeFormula(`=${first.formula}`, row - first.row, 0)).toBe(`=${formula}`);
    }
  });
});

describe("insertTemplate: text", () => {
  it("writes the template's text as text: ICS B6 and the profile names on Lists stay the profile names", async () => {
    const { book, host } = workbook();
    const gateway = createOfficeGateway(host);
    await gateway.insertTemplate(TEMPLATE, await gateway.planTemplate(TEMPLATE));
    expect(book.sheet("ICS").at("B6")).toMatchObject({ value: "dec-2023", quotePrefix: true });
    expect(book.sheet("ICS").at("B6")?.numberFormat).toBeUndefined();
    const profiles = book.sheet("Lists").textRows().flatMap((row) => row.filter((text) => (PROFILE_NAMES as readonly string[]).includes(text)));
    expect(profiles).toEqual([...PROFILE_NAMES]);
    for (const text of PROFILE_NAMES) {
      const found = [...book.sheet("Lists").cells.values()].find((c) => c.value === text);
      expect(found).toMatchObject({ value: text, quotePrefix: true });
    }
  });
});

describe("insertTemplate: names", () => {
  it("plans the table's name against tables and defined names before writing anything", async () => {
    const { book, host } = workbook();
    book.addName("Trusts", "=Sheet1!$A$1");
    book.addName("trusts_2", "=Sheet1!$A$2");
    const gateway = createOfficeGateway(host);
    await gateway.insertTemplate(TEMPLATE, await gateway.planTemplate(TEMPLATE));
    expect(book.sheet("Trusts").tables.map((t) => t.name)).toEqual(["Trusts_3"]);
    expect(book.sheet("Lists").visibility).toBe("Hidden");
    expect(book.sheet("Calc").visibility).toBe("Hidden");
    // Read together in the first sync: nothing was written before the names were known.
    expect(host.lastContext().payloads[0]).toBe(0);
  });
});

describe("insertTemplate: a failure at any sync leaves the workbook as it was", () => {
  /** Syncs a successful insert takes (plan excluded), counted on a workbook of its own. */
  async function insertSyncs(): Promise<number> {
    const { host } = workbook();
    const gateway = createOfficeGateway(host);
    const plan = await gateway.planTemplate(TEMPLATE);
    const from = host.contexts.length;
    await gateway.insertTemplate(TEMPLATE, plan);
    return sent(host, from).syncs;
  }

  async function failAt(sync: number, after: number, maxApi: number | string, platform: "web" | "desktop"): Promise<void> {
    const { book, host } = workbook(maxApi);
    book.platform = platform;
    book.addName("Codes", "=Sheet1!$A$1");
    const gateway = createOfficeGateway(host);
    const plan: TemplatePlan = await gateway.planTemplate(TEMPLATE);
    const before = snapshot(book);
    book.failSync = { sync: book.bookSyncs + sync, after, code: "GeneralException" };
    await expect(gateway.insertTemplate(TEMPLATE, plan)).rejects.toThrow(/Could not insert the template: Excel reported "fake Excel: a failure injected at sync/);
    expect({ sync, after, workbook: snapshot(book) }).toEqual({ sync, after, workbook: before });
    // And the plan still works afterwards.
    await gateway.insertTemplate(TEMPLATE, plan);
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", ...plan.sheets.map((s) => s.name)]);
  }

  it("at each sync, before its first command, halfway through it, or after its last", async () => {
    const syncs = await insertSyncs();
    expect(syncs).toBe(3);
    for (let sync = 1; sync <= syncs; sync++) {
      for (const after of [0, 40, 100_000]) await failAt(sync, after, 1.9, "web");
    }
  });

  it("also where the insert is one undo step (ExcelApi 1.20 on the web): the sheets are deleted in a batch of their own", async () => {
    for (let sync = 1; sync <= 3; sync++) await failAt(sync, 40, "1.20", "web");
  });

  it("names the sheets left to delete by hand when removing them fails too", async () => {
    const { book, host } = workbook();
    const gateway = createOfficeGateway(host);
    const plan = await gateway.planTemplate(TEMPLATE);
    const start = book.bookSyncs;
    // The restore (sync 3) fails, then the removal's delete (its sync 2: sync 5).
    book.failSync = [{ sync: start + 3 }, { sync: start + 5 }];
    await expect(gateway.insertTemplate(TEMPLATE, plan)).rejects.toThrow(
      /Could not insert the template: .*Some of the template's sheets are still in the workbook: delete "Guidance", "ICS", "Trusts", "Lists", "Summary", "Calc" before inserting it again\./,
    );
  });
});

describe("insertTemplate: undo", () => {
  it("is one undo step on the web where Excel merges undo groups (ExcelApi 1.20)", async () => {
    const { host } = workbook("1.20");
    const gateway = createOfficeGateway(host);
    await gateway.insertTemplate(TEMPLATE, await gateway.planTemplate(TEMPLATE));
    expect(host.lastContext().runOptions).toEqual({ oneUndoStep: true, setsVisibility: true });
    expect(host.lastContext().mergeUndoGroup).toBe(true);
  });

  it("is not merged on Windows and Mac, where hiding Lists and Calc cannot be undone (it would fail with UndoNotSupported)", async () => {
    const { book, host } = workbook("1.20");
    book.platform = "desktop";
    const gateway = createOfficeGateway(host);
    await gateway.insertTemplate(TEMPLATE, await gateway.planTemplate(TEMPLATE));
    expect(host.lastContext().mergeUndoGroup).toBe(false);
    expect(book.sheet("Calc").visibility).toBe("Hidden");
  });

  it("is not merged before ExcelApi 1.20", async () => {
    const { host } = workbook("1.19");
    const gateway = createOfficeGateway(host);
    await gateway.insertTemplate(TEMPLATE, await gateway.planTemplate(TEMPLATE));
    expect(host.lastContext().mergeUndoGroup).toBe(false);
  });
});
