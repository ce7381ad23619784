/**
 * A megabyte of text in a thousand cells (a 0.7 MB file can hold that: one shared string referenced a
 * thousand times) once crashed `validate --json` with "Invalid string length": every issue repeated the value
 * whole. Messages and reports now quote at most a bounded prefix, so output is linear in the file. The grid is
 * built directly (no file) and run through the command line's own formatting.
 */
import { checkReturn, type WorkbookReader } from "../../src/app/checkReturn";
import type { CellValue, SheetData } from "../../src/core/cells";
import { COLUMNS } from "../../src/core/columns";
import { LONGEST_QUOTED } from "../../src/core/quote";
import { validationJson } from "../../src/cli/format/json";
import { validationText, writeValidationText } from "../../src/cli/format/text";
import type { CheckedFile } from "../../src/cli/fileResults";

jest.setTimeout(60_000);

const MB = 1024 * 1024;
const ESC = "\u001b";
const RLO = "\u202E";
/** Starts with an escape sequence (clear the screen) and a bidi override: a message must not hand either to a terminal raw. */
const HUGE = `${ESC}[2J${RLO}${"Long trust name ".repeat(MB / 16)}`;
const ROWS = 1000;
/** Messages quote at most LONGEST_QUOTED characters of a value, in a sentence of advice: a few hundred characters. */
const LONGEST_MESSAGE = LONGEST_QUOTED + 200;

/** Trust codes R00, R01, … (R and two letters or digits): distinct, so no duplicate issues muddle the count. */
function trustCode(index: number): string {
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return `R${digits[Math.floor(index / 36)] ?? "Z"}${digits[index % 36] ?? "Z"}`;
}

/**
 * The template's headers plus an extra header that is itself the huge text; each row: a code, the huge text
 * as trust name, and a few ordinary values. The first rows also carry it in an enum, a date and a money column.
 */
function hugeSheet(): SheetData {
  const header: CellValue[] = [...COLUMNS.map((c) => c.header), HUGE];
  const at = (key: string) => COLUMNS.findIndex((c) => c.key === key);
  const rows: CellValue[][] = [header];
  for (let i = 0; i < ROWS; i++) {
    const row: CellValue[] = COLUMNS.map(() => null);
    row[at("trustCode")] = trustCode(i);
    row[at("trustName")] = HUGE;
    row[at("trustType")] = "Acute";
    row[at("eprStatus")] = i < 3 ? HUGE : "No EPR";
    row[at("plan")] = "New EPR";
    if (i < 3) {
      row[at("goLiveDate")] = HUGE;
      row[at("totalCost")] = HUGE;
    }
    rows.push(row);
  }
  return { name: "Trusts", rows, firstRow: 1, firstCol: 1 };
}

/** A workbook holding just that sheet, as a host's gateway would give it. */
function readerOf(sheet: SheetData): WorkbookReader {
  return {
    listSheets: async () => [{ name: sheet.name, visible: true }],
    readSheet: async () => sheet,
    loadSetting: async () => undefined,
    settingKeys: async () => [],
  };
}

let checked: CheckedFile;

beforeAll(async () => {
  checked = { file: "huge.xlsx", checked: await checkReturn(readerOf(hugeSheet()), { today: "2023-11-15" }) };
});

describe("a megabyte of text in a thousand cells", () => {
  it("is reported: a too_long error on every trust name, an unknown column, and the unreadable values", () => {
    const issues = checked.checked.issues;
    expect(issues.filter((i) => i.code === "too_long" && i.column === "trustName")).toHaveLength(ROWS);
    expect(issues.filter((i) => i.code === "unknown_column")).toHaveLength(1);
    expect(issues.filter((i) => i.code === "invalid_enum" && i.column === "eprStatus")).toHaveLength(3);
    expect(issues.filter((i) => i.code === "invalid_date")).toHaveLength(3);
    expect(issues.filter((i) => i.code === "invalid_number")).toHaveLength(3);
  });

  it("gives messages of a few hundred characters, the value cut and its controls shown", () => {
    for (const issue of checked.checked.issues) expect(issue.message.length).toBeLessThanOrEqual(LONGEST_MESSAGE);
    const unknown = checked.checked.issues.find((i) => i.code === "unknown_column");
    expect(unknown?.message).toContain("“<U+001B>[2J<U+202E>Long trust name");
    expect(unknown?.message).toContain("…”");
    for (const issue of checked.checked.issues) expect(issue.message.includes(ESC) || issue.message.includes(RLO)).toBe(false);
  });

  it("validate --json: each value cut to LONGEST_QUOTED characters and flagged; the whole report a few megabytes", () => {
    const json = JSON.stringify(validationJson(checked), null, 2);
    expect(json.length).toBeLessThan(3 * MB);
    const report = JSON.parse(json) as { issues: { value: unknown; valueTruncated?: boolean; code: string }[] };
    const cut = report.issues.filter((i) => i.valueTruncated === true);
    // The trust names, the unknown header, and the three rows' status, date and cost.
    expect(cut).toHaveLength(ROWS + 1 + 9);
    for (const issue of cut) expect(issue.value).toBe(HUGE.slice(0, LONGEST_QUOTED));
    // A value short enough is given whole and unflagged.
    const whole = report.issues.filter((i) => i.valueTruncated === undefined && typeof i.value === "string");
    for (const issue of whole) expect((issue.value as string).length).toBeLessThanOrEqual(LONGEST_QUOTED);
  });

  it("validate (text): every line bounded, the report linear in the number of issues", () => {
    const parts: string[] = [];
    writeValidationText(checked, (text) => parts.push(text));
    const text = parts.join("");
    expect(text).toBe(validationText(checked));
    expect(text.length).toBeLessThan(3 * MB);
    for (const line of text.split("\n")) expect(line.length).toBeLessThan(2 * LONGEST_MESSAGE + 2 * LONGEST_QUOTED);
    // Values are shown as JSON, their controls escaped, cut with "…" after the closing quote.
    expect(text).toContain(`["\\u001b[2J\\u202eLong trust name`);
    expect(text).toMatch(/too_long: .*Lon"…\]\n/);
    expect(text.includes(ESC) || text.includes(RLO)).toBe(false);
    // The row heading names the trust by its bounded name, controls shown.
    expect(text).toMatch(/ {2}row 2: <U\+001B>\[2J<U\+202E>Long trust name .*… \(R00\)\n/);
  });
});
