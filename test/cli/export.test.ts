import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { NORTH, tempFolder, writeTrustBook, type TrustBook } from "../core/merge/trustWorkbooks";
import { runCli } from "./run";

jest.setTimeout(60_000);

const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)"] as const;

/** Trust names and notes that a spreadsheet program would run as formulas if exported as they are. */
const HOSTILE_BOOK: TrustBook = {
  sheet: "Trusts",
  rows: [
    ["Trust ODS code", "Trust name", "Trust type", "EPR status", "EPR supplier", "Go-live date", "Convergence plan", "Notes"],
    ["RYJ", HOSTILE[0], "Acute", "Live", "Epic", "2019-06-01", "Keep", HOSTILE[1]],
    ["R1H", HOSTILE[2], "Acute", "Live", "Epic", "2019-06-01", "Keep", "-2+3"],
  ],
  ics: [["ICS name", "=1+1 ICS"], ["ICB ODS code", "QE1"]],
};

/** Splits RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += ch;
  }
  return rows;
}

let folder: { dir: string; cleanup: () => Promise<void> };
let hostile: string, north: string;
const path = (name: string) => join(folder.dir, name);

beforeAll(async () => {
  folder = await tempFolder("epr-export-");
  hostile = await writeTrustBook(path("hostile.xlsx"), HOSTILE_BOOK);
  north = await writeTrustBook(path("north.xlsx"), NORTH);
});
afterAll(() => folder.cleanup());

describe("epr-return export", () => {
  it("CSV: hostile cells come out as inert text, starting with an apostrophe", async () => {
    const run = await runCli(["export", hostile, "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("\uFEFFTrust ODS code,Trust name,")).toBe(true);
    const rows = parseCsv(run.stdout.slice(1));
    const header = rows[0] ?? [];
    const name = header.indexOf("Trust name");
    const notes = header.indexOf("Notes");
    const icsName = header.indexOf("ICS name");
    expect(rows.slice(1).map((r) => [r[name], r[notes], r[icsName]])).toEqual([
      [`'${HOSTILE[0]}`, `'${HOSTILE[1]}`, "'=1+1 ICS"],
      [`'${HOSTILE[2]}`, "'-2+3", "'=1+1 ICS"],
    ]);
    // Every field that a spreadsheet would evaluate is quoted and prefixed, never bare.
    for (const line of run.stdout.split("\r\n")) expect(line).not.toMatch(/(^|,)[=+\-@]/);
  });

  it("JSON: the canonical data, text kept exactly (JSON is never evaluated as formulas)", async () => {
    const run = await runCli(["export", hostile, "--format", "json"]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { format: string; ics: { icsName: string } | null; trusts: { trustCode: string; trustName: string; goLiveDate: string }[] };
    expect(doc.format).toBe("epr-return/1");
    expect(doc.ics?.icsName).toBe("=1+1 ICS");
    expect(doc.trusts.map((t) => [t.trustCode, t.trustName, t.goLiveDate])).toEqual([["RYJ", HOSTILE[0], "2019-06-01"], ["R1H", HOSTILE[2], "2019-06-01"]]);
  });

  it("writes to -o, taking the format from its extension, and never overwrites without --force", async () => {
    const out = path("north.csv");
    const run = await runCli(["export", north, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote 2 trust rows as CSV to ${out}`);
    const text = await readFile(out, "utf8");
    expect(parseCsv(text.slice(1)).map((r) => r[0])).toEqual(["Trust ODS code", "RYJ", "R1H"]);
    const again = await runCli(["export", north, "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists");
    expect((await runCli(["export", north, "-o", out, "--force", "--format", "json"])).code).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8"))).toMatchObject({ format: "epr-return/1" });
  });

  it("refuses a return with errors (exit 1) unless --force-errors", async () => {
    const broken = await writeTrustBook(path("broken.xlsx"), { sheet: "Trusts", rows: [...NORTH.rows, ["RAX", "Bad date", "Acute", "Live", "Epic", "31/02/2023", "Keep"]] });
    const refused = await runCli(["export", broken, "--format", "csv"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("has 1 error, so nothing was exported");
    const forced = await runCli(["export", broken, "--format", "csv", "--force-errors"]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain("despite 1 error (--force-errors)");
    // The date that could not be read is exported blank.
    const last = parseCsv(forced.stdout.slice(1)).at(-1) ?? [];
    expect(last.slice(0, 7)).toEqual(["RAX", "Bad date", "Acute", "Live", "Epic", "", ""]);
  });

  it("rejects bad usage with exit 2", async () => {
    expect((await runCli(["export", north])).stderr).toContain("needs --format csv or --format json");
    expect((await runCli(["export", north, "--format", "xml"])).stderr).toContain('not "xml"');
    expect((await runCli(["export", north, hostile, "--format", "csv"])).code).toBe(2);
    await writeFile(path("junk.xlsx"), "junk");
    expect((await runCli(["export", path("junk.xlsx"), "--format", "csv"])).code).toBe(2);
  });
});
