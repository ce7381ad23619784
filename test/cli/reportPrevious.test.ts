/**
 * `epr-return report … --previous FOLDER`: each ICS's changes since its previous return. Six current returns made
 * from the generated ones (test/helpers/nationalReturns.ts) and a previous folder of edited copies: one with a
 * target go-live date N days earlier (so it slipped N days), one under another file name with a status and its
 * national funding changed, one found by its ICS name only, one by its file name only, one ICS with no previous
 * return, and a previous return no current one matches. The JSON's figures are checked exactly, and the ICSs sheet.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isoFromSerial, serialFromIso } from "../../src/core/dates";
import type { IcsFigures, NationalReport, SincePrevious } from "../../src/core/national";
import { trustRowCells } from "../../src/core/rowCells";
import type { IcsDetails, TrustRow } from "../../src/core/schema";
import { writeIcsDetails, writeTrustsTable } from "../../src/files/writeRows";
import { templateWorkbook } from "../../src/files/writeTemplate";
import { tempFolder } from "../core/merge/trustWorkbooks";
import { nationalReturnsData, type GeneratedReturn } from "../helpers/nationalReturns";
import { readTable } from "./reportWorkbookRead";
import { runCli } from "./run";

jest.setTimeout(120_000);

const SLIP_DAYS = 45;
const FUNDING_CHANGE = 2_000_000;

interface Written {
  readonly name: string;
  readonly icsName: string | null;
  readonly icbCode: string | null;
  readonly trusts: readonly TrustRow[];
}

async function writeReturn(dir: string, r: Written): Promise<void> {
  const wb = templateWorkbook();
  const ics: IcsDetails = { icsName: r.icsName, icbCode: r.icbCode, contactName: null, contactEmail: null, submissionDate: "2023-11-01", targetProfile: "dec-2023" };
  writeIcsDetails(wb, ics);
  writeTrustsTable(wb, r.trusts.map(trustRowCells));
  await wb.xlsx.writeFile(join(dir, r.name));
}

const earlier = (iso: string, days: number): string => isoFromSerial(serialFromIso(iso) - days) ?? iso;

let folder: { dir: string; cleanup: () => Promise<void> };
let json: NationalReport & { workbook: string };
let then: NationalReport;
let text: string;
const at = (name: string) => join(folder.dir, name);
const source: GeneratedReturn[] = nationalReturnsData().returns.filter((r) => !r.hasErrors && r.icbCode !== null).slice(0, 6);
const pick = (i: number): GeneratedReturn => {
  const r = source[i];
  if (!r) throw new Error(`no generated return ${i}`);
  return r;
};
/** The return whose target date is moved: the first with a trust that has one. */
const slipIndex = source.findIndex((r) => r.trusts.some((t) => t.targetGoLiveDate !== null));
const others = source.map((_, i) => i).filter((i) => i !== slipIndex);
const [fundingIndex = -1, nameIndex = -1, fileIndex = -1, newIndex = -1, goneIndex = -1] = others;

beforeAll(async () => {
  folder = await tempFolder("epr-report-previous-");
  await mkdir(at("now"));
  await mkdir(at("then"));
  const current = (i: number): Written => {
    const r = pick(i);
    // The file-name match: a return whose ICS sheet names neither ICS nor ICB.
    const anonymous = i === fileIndex;
    return { name: `ics-${i + 1}.xlsx`, icsName: anonymous ? null : r.icsName, icbCode: anonymous ? null : r.icbCode, trusts: r.trusts };
  };
  for (const i of [slipIndex, fundingIndex, nameIndex, fileIndex, newIndex]) await writeReturn(at("now"), current(i));

  const slip = current(slipIndex);
  const slipRow = slip.trusts.findIndex((t) => t.targetGoLiveDate !== null);
  await writeReturn(at("then"), { ...slip, trusts: slip.trusts.map((t, n) => (n === slipRow && t.targetGoLiveDate ? { ...t, targetGoLiveDate: earlier(t.targetGoLiveDate, SLIP_DAYS) } : t)) });
  const funding = current(fundingIndex);
  await writeReturn(at("then"), {
    ...funding, name: "october-return.xlsx", icsName: "Renamed since",
    trusts: funding.trusts.map((t, n) => (n === 0 ? { ...t, eprStatus: t.eprStatus === "Procuring" ? "Business case" : "Procuring", nationalFunding: (t.nationalFunding ?? 0) + FUNDING_CHANGE } : t)),
  });
  const named = current(nameIndex);
  await writeReturn(at("then"), { ...named, name: "named-only.xlsx", icbCode: null, icsName: `  ${(named.icsName ?? "").toUpperCase()} ` });
  await writeReturn(at("then"), current(fileIndex));
  const gone = pick(goneIndex);
  await writeReturn(at("then"), { name: "gone.xlsx", icsName: gone.icsName, icbCode: gone.icbCode, trusts: gone.trusts });
  await writeFile(at("then/broken.xlsx"), "not a workbook");

  const run = await runCli(["report", at("now"), "-o", at("national"), "--profile", "dec-2023", "--previous", at("then"), "--json"]);
  if (run.code !== 0) throw new Error(`report failed (${run.code}): ${run.stderr}`);
  json = JSON.parse(run.stdout) as typeof json;
  const plain = await runCli(["report", at("now"), "-o", at("plain"), "--profile", "dec-2023", "--previous", at("then")]);
  text = plain.stdout;
  // The previous returns on their own: the independent source of each score's old value.
  const old = await runCli(["report", at("then"), "-o", at("then-report"), "--profile", "dec-2023", "--json"]);
  then = JSON.parse(old.stdout) as NationalReport;
});
afterAll(() => folder.cleanup());

const icsOf = (i: number): IcsFigures => {
  const found = json.icss.find((ics) => ics.file === at(`now/ics-${i + 1}.xlsx`));
  if (!found) throw new Error(`no ICS row for return ${i}`);
  return found;
};
const oldScores = (file: string) => {
  const found = then.icss.find((ics) => ics.file === at(`then/${file}`));
  if (!found) throw new Error(`no previous figures for ${file}`);
  return found;
};
function expected(i: number, previousFile: string, matchedBy: SincePrevious["matchedBy"], slips: number, median: number | null, funding: number): SincePrevious {
  const now = icsOf(i);
  const old = oldScores(previousFile);
  return {
    previousFile: at(`then/${previousFile}`), matchedBy, targetDatesSlipped: slips, medianSlipDays: median,
    scoreNowChange: now.scoreNow - old.scoreNow, scoreTargetChange: now.scoreTarget - old.scoreTarget, nationalFundingChange: funding,
  };
}

test("the previous returns are counted and matched", () => {
  expect(json.previous).toEqual({ returns: 5, unreadable: 1, matched: 4, withoutPrevious: 1, previousNotMatched: 1 });
});

test("a target date moved later: one trust slipped, by exactly the days moved", () => {
  expect(icsOf(slipIndex).sincePrevious).toEqual(expected(slipIndex, `ics-${slipIndex + 1}.xlsx`, "icbCode", 1, SLIP_DAYS, 0));
});

test("a return under another file name is found by its ICB code, with its funding and score changes", () => {
  const since = icsOf(fundingIndex).sincePrevious;
  expect(since).toEqual(expected(fundingIndex, "october-return.xlsx", "icbCode", 0, null, -FUNDING_CHANGE));
});

test("by ICS name (trimmed, any case), then by file name", () => {
  expect(icsOf(nameIndex).sincePrevious).toEqual(expected(nameIndex, "named-only.xlsx", "icsName", 0, null, 0));
  expect(icsOf(fileIndex).sincePrevious).toEqual(expected(fileIndex, `ics-${fileIndex + 1}.xlsx`, "file", 0, null, 0));
});

test("an ICS with no previous return says so", () => {
  expect(icsOf(newIndex).sincePrevious).toEqual({ previousFile: null, note: "no previous return" });
});

test("the ICSs sheet holds the changes at the right, blank without a previous return", async () => {
  const rows = await readTable(`${at("national")}.xlsx`, "ICSs");
  const row = (i: number) => rows.find((r) => r.get("File") === at(`now/ics-${i + 1}.xlsx`));
  const slip = row(slipIndex);
  expect([slip?.get("Previous return"), slip?.get("Target dates slipped"), slip?.get("Median slip (days)"), slip?.get("National funding change (£)")])
    .toEqual([at(`then/ics-${slipIndex + 1}.xlsx`), 1, SLIP_DAYS, 0]);
  const funding = row(fundingIndex);
  const since = icsOf(fundingIndex).sincePrevious as SincePrevious;
  expect([funding?.get("Score change (now)"), funding?.get("Score change (target)"), funding?.get("National funding change (£)")])
    .toEqual([since.scoreNowChange, since.scoreTargetChange, -FUNDING_CHANGE]);
  const none = row(newIndex);
  expect([none?.get("Previous return") ?? null, none?.get("Target dates slipped") ?? null]).toEqual([null, null]);
});

test("the terminal summary has one line for it", () => {
  expect(text).toContain(`Since the previous returns: 4 of 5 ICSs matched; target go-live dates slipped for 1 trust in 1 ICS; national funding asked down £2,000,000`);
});

test("without --previous nothing of it appears", async () => {
  expect(then.previous).toBeUndefined();
  expect(then.icss.every((i) => i.sincePrevious === undefined)).toBe(true);
});

test("the HTML page has a table of the changes", async () => {
  const page = await readFile(`${at("national")}.html`, "utf8");
  expect(page).toContain('<h2 id="previous-heading">Since the previous returns</h2>');
  expect(page).toContain(`<td class="num">${SLIP_DAYS}</td>`);
  expect(page).toContain("−£2,000,000");
  expect(page).toContain("no previous return");
});
