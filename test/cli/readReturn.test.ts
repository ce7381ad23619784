/**
 * readReturn (validate, score) loads only the trust sheet and the ICS sheet when the names show
 * which they are; what it reads must be exactly what openReturn reads from the whole workbook.
 */
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openReturn, readReturn } from "../../src/cli/workbook";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "epr-read-return-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

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

async function expectSameAsWhole(path: string, sheet: string | undefined): Promise<void> {
  const { workbook: _whole, ...expected } = await openReturn(path, sheet);
  await expect(readReturn(path, sheet)).resolves.toEqual(expected);
}

describe("readReturn", () => {
  it("reads Trusts and ICS as openReturn does, with other sheets left out", async () => {
    const path = await workbookFile("template.xlsx", ["Guidance", "ICS", "Trusts", "Calc"]);
    await expectSameAsWhole(path, undefined);
    const read = await readReturn(path, undefined);
    expect(read.sheet.name).toBe("Trusts");
    expect(read.ics).not.toBeNull();
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

  it("reports a missing --sheet with every sheet's name, as before", async () => {
    const path = await workbookFile("missing.xlsx", ["Guidance", "Trusts"]);
    await expect(readReturn(path, "Nope")).rejects.toThrow('no sheet named "Nope" (sheets: Guidance, Trusts)');
  });
});
