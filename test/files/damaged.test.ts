import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WorkbookReadError } from "../../src/files/errors";
import { openWorkbookFile } from "../../src/files/nodeFile";
import { readWorkbookBytes } from "../../src/files/reader";
import { templateWorkbook } from "../../src/files/writeTemplate";

async function failure(promise: Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WorkbookReadError) return err;
    throw err;
  }
  throw new Error("expected a WorkbookReadError");
}

describe("damaged inputs", () => {
  let dir: string;
  let good: Uint8Array;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "epr-damaged-"));
    good = new Uint8Array(await templateWorkbook().xlsx.writeBuffer());
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("reads a good file", async () => {
    const path = join(dir, "good.xlsx");
    await writeFile(path, good);
    const workbook = await openWorkbookFile(path);
    expect((await workbook.listSheets()).map((s) => s.name)).toContain("Trusts");
  });

  it("says an empty file is empty", async () => {
    const path = join(dir, "empty.xlsx");
    await writeFile(path, "");
    const err = await failure(openWorkbookFile(path));
    expect(err.message).toMatch(/^the file is empty/);
  });

  it("says a text file renamed .xlsx is not an .xlsx file", async () => {
    const path = join(dir, "notes.xlsx");
    await writeFile(path, "Trust ODS code,Trust name\nRYJ,Imperial\n");
    const err = await failure(openWorkbookFile(path));
    expect(err.message).toMatch(/not an Excel workbook/);
    expect(err.name).toBe("WorkbookReadError");
  });

  it("says a truncated workbook is truncated or damaged", async () => {
    const err = await failure(readWorkbookBytes(good.slice(0, Math.floor(good.length / 2))));
    expect(err.message).toMatch(/truncated or damaged/);
    expect(err.cause).toBeDefined();
  });

  it("says a zip with damaged contents is damaged", async () => {
    const damaged = good.slice();
    // Overwrite bytes in the middle of the compressed data.
    damaged.fill(0x55, 2000, 4000);
    const err = await failure(readWorkbookBytes(damaged));
    expect(err.message).toMatch(/damaged/);
  });

  it("recognises a damaged old .xls file (a good one is read: test/files/reader/sheetjs)", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const err = await failure(readWorkbookBytes(xls));
    expect(err.message).toMatch(/^damaged \.xls file/);
  });

  it("says an empty zip archive is not an .xlsx file", async () => {
    const emptyZip = new Uint8Array(22);
    emptyZip.set([0x50, 0x4b, 0x05, 0x06]);
    const err = await failure(readWorkbookBytes(emptyZip));
    expect(err.message).toMatch(/empty zip archive, not a workbook/);
  });

  it("says a missing file is missing", async () => {
    const err = await failure(openWorkbookFile(join(dir, "nowhere.xlsx")));
    expect(err.message).toBe("no such file");
  });
});
