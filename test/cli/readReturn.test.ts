/**
 * The command line opens a file for reading (validate, score, export) with only the trust sheet, the ICS sheet
 * and the add-in's own sheets loaded when the names show which they are; what the app reads from it must be
 * exactly what it reads from the whole workbook. And each such read reads the file once.
 */
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readReturnSheets } from "../../src/app/checkReturn";
import { openForReading, openWhole, inFile } from "../../src/cli/openReturn";
import { validateFile } from "../../src/cli/commands/validate";
import * as xlsxReader from "../../src/files/reader/xlsx";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "epr-read-return-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const TODAY = "2023-11-15";
const HEADERS = ["Trust ODS code", "Trust name", "Trust type", "EPR status", "EPR supplier", "Go-live date", "Convergence plan"];

async function workbookFile(name: string, sheets: readonly string[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet);
    if (sheet === "ICS") {
      ws.addRow(["ICS name", "North ICS"]);
      ws.addRow(["ICB ODS code", "QE1"]);
    } else {
      ws.addRow(HEADERS);
      ws.addRow(["RYJ", `${sheet} trust`, "Acute", "Live", "Epic", new Date(Date.UTC(2019, 5, 1)), "Keep"]);
    }
  }
  const path = join(dir, name);
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return path;
}

async function read(path: string, sheet: string | undefined, whole: boolean) {
  const reader = whole ? await openWhole(path) : await openForReading(path, sheet);
  const { sheets: _listed, ...rest } = await inFile(path, () => readReturnSheets(reader, { today: TODAY, ...(sheet !== undefined ? { sheet } : {}) }));
  return rest;
}

async function expectSameAsWhole(path: string, sheet: string | undefined): Promise<void> {
  await expect(read(path, sheet, false)).resolves.toEqual(await read(path, sheet, true));
}

describe("reading a return from a file", () => {
  it("reads Trusts and ICS as from the whole workbook, with other sheets left out", async () => {
    const path = await workbookFile("template.xlsx", ["Guidance", "ICS", "Trusts", "Calc"]);
    await expectSameAsWhole(path, undefined);
    const partial = await openForReading(path, undefined);
    // Every sheet is listed; only those the read needs are parsed.
    expect((await partial.listSheets()).map((s) => s.name)).toEqual(["Guidance", "ICS", "Trusts", "Calc"]);
    expect(partial.data.sheets.filter((s) => s.grid !== null).map((s) => s.name)).toEqual(["ICS", "Trusts"]);
    const got = await read(path, undefined, false);
    expect(got.sheet.name).toBe("Trusts");
    expect(got.ics).not.toBeNull();
  });

  it("reads the sheet named by --sheet, and the ICS sheet as the trust sheet", async () => {
    const path = await workbookFile("named.xlsx", ["Guidance", "ICS", "Trusts", "Other"]);
    await expectSameAsWhole(path, "Other");
    await expectSameAsWhole(path, "ICS");
  });

  it("reads the whole workbook when the names do not show the trust sheet, or are ambiguous", async () => {
    await expectSameAsWhole(await workbookFile("no-trusts.xlsx", ["Notes", "EPR position", "ICS"]), undefined);
    await expectSameAsWhole(await workbookFile("ampersand.xlsx", ["R&D", "ICS", "Trusts"]), undefined);
  });

  it("reports a missing --sheet with every sheet's name, naming the file", async () => {
    const path = await workbookFile("missing.xlsx", ["Guidance", "Trusts"]);
    await expect(read(path, "Nope", false)).rejects.toThrow(`${path}: no sheet named "Nope" (sheets: Guidance, Trusts)`);
  });

  it("reads each file once per file validated", async () => {
    const path = await workbookFile("once.xlsx", ["Guidance", "ICS", "Trusts"]);
    const guard = jest.spyOn(xlsxReader, "readXlsx");
    try {
      await validateFile(path, undefined, undefined, TODAY);
      expect(guard).toHaveBeenCalledTimes(1);
      guard.mockClear();
      await validateFile(await workbookFile("probe.xlsx", ["Notes", "EPR position"]), undefined, undefined, TODAY);
      expect(guard).toHaveBeenCalledTimes(1);
    } finally {
      guard.mockRestore();
    }
  });
});
