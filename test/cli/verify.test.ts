import ExcelJS from "exceljs";
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkReturn } from "../../src/app/checkReturn";
import { createStamp, STAMP_SHEET, stampToRows } from "../../src/core/stamp";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { NORTH, SOUTH, tempFolder, writeTrustBook, type TrustBook } from "../core/merge/trustWorkbooks";
import { runCli } from "./run";

// Each test writes and reads real workbooks; on a busy machine that takes seconds.
jest.setTimeout(60_000);

const WITH_ICS: TrustBook = {
  ...NORTH,
  ics: [["ICS name", "North ICS"], ["ICB ODS code", "QE1"], ["Submission date", "2023-11-15"]],
};

let folder: { dir: string; cleanup: () => Promise<void> };
let north: string, south: string, stamped: string;
const path = (name: string) => join(folder.dir, name);

beforeAll(async () => {
  folder = await tempFolder("epr-verify-");
  north = await writeTrustBook(path("north.xlsx"), WITH_ICS);
  south = await writeTrustBook(path("south.xlsx"), SOUTH);
  stamped = path("north-stamped.xlsx");
  const run = await runCli(["stamp", north, "-o", stamped]);
  if (run.code !== 0) throw new Error(`stamping failed: ${run.stderr}`);
});
afterAll(() => folder.cleanup());

/** The workbook in the file, as exceljs opens it (for tests that edit a file as another program would). */
async function workbookIn(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A copy of the stamped file with one cell changed. */
async function editedCopy(name: string, sheet: string, address: string, value: string | number): Promise<string> {
  const wb = await workbookIn(stamped);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  ws.getCell(address).value = value;
  await wb.xlsx.writeFile(path(name));
  return path(name);
}

describe("epr-return stamp", () => {
  it("writes a stamped copy and leaves the original alone", async () => {
    expect((await workbookIn(north)).getWorksheet(STAMP_SHEET)).toBeUndefined();
    const wb = await workbookIn(stamped);
    expect(wb.getWorksheet(STAMP_SHEET)?.state).toBe("veryHidden");
  });

  it("reports what it stamped", async () => {
    const run = await runCli(["stamp", north, "-o", path("again.xlsx")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/again\.xlsx: stamped sheet "Trusts", 2 trust rows, 0 warnings, SHA-256 [0-9a-f]{64}\n$/);
  });

  it("refuses a return with errors: exit 1, nothing written, the errors named", async () => {
    const broken = await writeTrustBook(path("broken.xlsx"), { sheet: "Trusts", rows: [...NORTH.rows, ["RAX", "No status", "Acute", null, null, null, "Keep"]] });
    const run = await runCli(["stamp", broken, "-o", path("broken-stamped.xlsx")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("not stamped: the return has 1 error");
    expect(run.stderr).toContain("Trusts!D4 required");
    expect((await runCli(["verify", broken])).code).toBe(2);
  });

  it("needs exactly one of -o and --in-place, and never overwrites without --force", async () => {
    expect((await runCli(["stamp", north])).stderr).toContain("needs either -o OUT.xlsx (a stamped copy) or --in-place");
    expect((await runCli(["stamp", north, "--in-place", "-o", path("x.xlsx")])).code).toBe(2);
    const existing = await runCli(["stamp", north, "-o", stamped]);
    expect(existing.code).toBe(2);
    expect(existing.stderr).toContain("already exists");
  });

  it("--in-place rewrites the file itself", async () => {
    const copy = path("in-place.xlsx");
    await copyFile(north, copy);
    expect((await runCli(["stamp", copy, "--in-place"])).code).toBe(0);
    expect((await runCli(["verify", copy])).code).toBe(0);
  });
});

describe("epr-return verify", () => {
  it("exit 0 when the data still matches its stamp and has no errors, saying a stamp is no signature", async () => {
    const run = await runCli(["verify", stamped]);
    expect(run.stdout).toMatch(/north-stamped\.xlsx: matches its stamp \(stamped \d{4}-\d{2}-\d{2}T.*, 2 trust rows\) and has no errors under the current rules\n/);
    expect(run.stdout).toContain("a stamp is an integrity check (an unkeyed SHA-256 hash of the data), not a signature");
    expect(run.code).toBe(0);
    const json = JSON.parse((await runCli(["verify", stamped, "--json"])).stdout) as { status: string; errors: number; note: string };
    expect(json).toMatchObject({ status: "match", errors: 0 });
    expect(json.note).toContain("not a signature");
  });

  it("a stamp forged over a return with errors does not verify: exit 1, the errors counted", async () => {
    // Anyone can compute a stamp (it is an unkeyed hash): here one is made over a return with a required value missing.
    const broken = await writeTrustBook(path("forged.xlsx"), { sheet: "Trusts", rows: [...NORTH.rows, ["RAX", "No status", "Acute", null, null, null, "Keep"]] });
    const wb = await workbookIn(broken);
    const gateway = new XlsxGateway(wb);
    const checked = await checkReturn(gateway, { today: "2023-11-15" });
    expect(checked.errors).toBe(1);
    const stamp = await createStamp({ sheet: checked.sheet.name, ics: null, trusts: checked.result.trusts, warnings: 0, stampedAt: new Date("2023-11-15T09:00:00Z") });
    await gateway.writeStampSheet(stampToRows(stamp));
    await wb.xlsx.writeFile(broken);

    const run = await runCli(["verify", broken]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("forged.xlsx: matches its stamp (stamped 2023-11-15T09:00:00.000Z, 3 trust rows), but has 1 error under the current rules");
    expect(run.stdout).not.toContain("has no errors");
    const json = JSON.parse((await runCli(["verify", broken, "--json"])).stdout) as { status: string; errors: number };
    expect(json).toMatchObject({ status: "errors", errors: 1 });
  });

  it("exit 1 when one cell changed, naming the row, trust code and field with its value now", async () => {
    const edited = await editedCopy("edited.xlsx", "Trusts", "H3", 2600);
    const run = await runCli(["verify", edited]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("edited.xlsx: CHANGED since it was stamped");
    expect(run.stdout).toContain("\n  Row 3 (R1H): Beds changed (now 2,600)\n");
    expect(run.stdout).not.toContain("RYJ");
  });

  it("names a changed ICS sheet", async () => {
    const edited = await editedCopy("ics-edited.xlsx", "ICS", "B1", "North and East ICS");
    const run = await runCli(["verify", edited]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("\n  ICS details: ICS name changed (now “North and East ICS”)\n");
    const json = JSON.parse((await runCli(["verify", edited, "--json"])).stdout) as { icsChanged: boolean; icsFields: string[] };
    expect(json).toMatchObject({ icsChanged: true, icsFields: ["icsName"] });
  });

  it("exit 2 for a workbook without a stamp, and for an unreadable file", async () => {
    const unstamped = await runCli(["verify", south]);
    expect(unstamped.code).toBe(2);
    expect(unstamped.stdout).toContain("south.xlsx: no validation stamp");
    await writeFile(path("junk.xlsx"), "junk");
    expect((await runCli(["verify", path("junk.xlsx")])).code).toBe(2);
  });

  it("takes several files: the worst outcome decides the exit code; --json gives one object each", async () => {
    const edited = await editedCopy("edited-2.xlsx", "Trusts", "B2", "Imperial");
    expect((await runCli(["verify", stamped, edited])).code).toBe(1);
    expect((await runCli(["verify", stamped, edited, south])).code).toBe(2);
    const json = await runCli(["verify", stamped, edited, "--json"]);
    const objects = JSON.parse(json.stdout) as { status: string; changedRows?: { row: number; trustCode: string }[] }[];
    expect(objects.map((o) => o.status)).toEqual(["match", "changed"]);
    expect(objects[1]?.changedRows).toEqual([{ row: 2, trustCode: "RYJ", stampedRow: 2, stampedTrustCode: "RYJ", fields: ["trustName"] }]);
  });

  it("verifies a stamp made before field hashes (three columns), and then says it cannot tell which value changed", async () => {
    const wb = await workbookIn(stamped);
    const gateway = new XlsxGateway(wb);
    const checked = await checkReturn(gateway, { today: "2023-11-15" });
    const stamp = await createStamp({ sheet: checked.sheet.name, ics: checked.ics?.details ?? null, trusts: checked.result.trusts, warnings: 0, stampedAt: new Date("2023-11-15T09:00:00Z") });
    // The layout those stamps had: no ICS field hashes label, no fourth column.
    const before = stampToRows(stamp).filter((r) => r[0] !== "ICS field hashes").map((r) => r.slice(0, 3));
    await gateway.writeStampSheet(before);
    const older = path("older-stamp.xlsx");
    await wb.xlsx.writeFile(older);
    expect((await runCli(["verify", older])).code).toBe(0);

    const changed = await workbookIn(older);
    const edited = path("older-stamp-edited.xlsx");
    const ws = changed.getWorksheet("Trusts");
    if (!ws) throw new Error("no Trusts sheet");
    ws.getCell("B3").value = "Barts";
    await changed.xlsx.writeFile(edited);
    const run = await runCli(["verify", edited]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("\n  Row 3 (R1H): changed (the stamp cannot tell which value)\n");
  });
});
