/** Values quoted in messages: bounded (output linear in the file) and with invisible characters shown. */
import { icsMessages, placeholderMessage, readingMessage, requiredMessage, requirementReason, ruleMessages, sheetMessages } from "../../src/core/catalogue";
import { describeCell } from "../../src/core/read/display";
import { makeNote } from "../../src/core/read/note";
import { boundedList, boundedText, LONGEST_QUOTED, quoteValue, textPrefix } from "../../src/core/quote";

const MB = 1024 * 1024;
const HUGE = "x".repeat(MB);

describe("boundedText", () => {
  it("shows ordinary short text as it is", () => {
    expect(boundedText("Barts Health")).toBe("Barts Health");
    expect(boundedText("x".repeat(LONGEST_QUOTED))).toBe("x".repeat(LONGEST_QUOTED));
  });

  it("cuts long text after LONGEST_QUOTED characters, then …", () => {
    expect(boundedText(HUGE)).toBe(`${"x".repeat(LONGEST_QUOTED)}…`);
    expect(boundedText("abcdef", 3)).toBe("abc…");
  });

  it("shows controls, bidirectional overrides and line separators as <U+…>; tab and line breaks as a space", () => {
    expect(boundedText("a\tb\nc\r\nd\u001b[31m")).toBe("a b c  d<U+001B>[31m");
    expect(boundedText("\u202Eexe.txt\u2066\u2028\u0085\u007f")).toBe("<U+202E>exe.txt<U+2066><U+2028><U+0085><U+007F>");
  });

  it("counts what it shows against the bound, so a value full of controls stays bounded", () => {
    const shown = boundedText("\u001b".repeat(MB));
    expect(shown.length).toBeLessThanOrEqual(LONGEST_QUOTED + 1);
    expect(shown.endsWith("<U+001B>…")).toBe(true);
  });

  it("never cuts a character written as a surrogate pair in half", () => {
    expect(boundedText("ab😀", 3)).toBe("ab…");
    expect(textPrefix("ab😀cd", 3)).toBe("ab");
    expect(textPrefix("ab😀cd", 4)).toBe("ab😀");
    expect(textPrefix("short", 10)).toBe("short");
  });

  it("quotes with curly quotes, and lists at most ten items then how many more", () => {
    expect(quoteValue("Epic")).toBe("“Epic”");
    expect(boundedList(["a", "b"])).toBe("a, b");
    expect(boundedList(Array.from({ length: 12 }, (_, i) => String(i)))).toBe("0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 2 more");
  });
});

describe("messages naming a huge value", () => {
  const bound = LONGEST_QUOTED + 250;

  it("bound every text that came from the workbook", () => {
    const messages = [
      sheetMessages.unknownColumn(HUGE),
      sheetMessages.duplicateColumn(HUGE, "Trust name", "B1"),
      icsMessages.invalidEmail("Contact email", HUGE),
      readingMessage(makeNote("invalid_date", "error", { reason: "unreadable" }), HUGE, HUGE),
      placeholderMessage(HUGE, HUGE),
      requiredMessage(HUGE, null, requirementReason("whenLiveOrImplementing", "EPR status", HUGE)),
      ruleMessages.supplierWithoutSystem("EPR supplier", "EPR status", HUGE, HUGE),
      ruleMessages.keepWithOtherTarget("Target EPR supplier", "Convergence plan", HUGE, HUGE, HUGE),
      ruleMessages.convergeOnUnusedSupplier("Target EPR supplier", "Convergence plan", HUGE),
      ruleMessages.duplicateTrust(HUGE, "RYJ", [2, 3]),
      describeCell(HUGE),
    ];
    for (const message of messages) expect(message.length).toBeLessThan(bound * 2);
    expect(sheetMessages.unknownColumn(HUGE)).toContain(`“${"x".repeat(LONGEST_QUOTED)}…”`);
  });

  it("name at most ten rows of a duplicated trust code: fifty thousand duplicates must not make each message 300 KB", () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => i + 2);
    const message = ruleMessages.duplicateTrust("Trust ODS code", "RYJ", rows);
    expect(message).toContain("appears on rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 49990 more;");
    expect(message.length).toBeLessThan(bound);
  });

  it("keep the shorter cut of a value inside a sentence (describeCell), controls shown", () => {
    expect(describeCell(`  ${"y".repeat(100)}  `)).toBe(`“${"y".repeat(60)}…”`);
    expect(describeCell("a\u202Eb")).toBe("“a<U+202E>b”");
  });
});
