import { errorValue } from "../../../src/core/cells";
import { columnDef } from "../../../src/core/columns";
import { readCell, readText } from "../../../src/core/read";

describe("text", () => {
  it("trims and keeps the text", () => {
    expect(readText("  Leeds Teaching Hospitals  ", 200)).toEqual({ state: "value", value: "Leeds Teaching Hospitals", notes: [] });
  });

  it("reads numbers and dates as text", () => {
    expect(readText(42, 200).value).toBe("42");
    expect(readText(new Date(Date.UTC(2024, 1, 29)), 200).value).toBe("2024-02-29");
  });

  it("accepts exactly the maximum length and flags one more as too_long, keeping the text", () => {
    expect(readText("x".repeat(200), 200).notes).toEqual([]);
    const long = readText("x".repeat(201), 200, "error");
    expect(long.value).toBe("x".repeat(201));
    expect(long.notes).toEqual([{ code: "too_long", severity: "error", detail: { length: 201, max: 200 } }]);
  });

  describe("counts length as Excel's LEN does (UTF-16 code units, spec section 5)", () => {
    const lengthOf = (text: string, max: number): number | null => {
      const note = readText(text, max).notes[0];
      return note?.code === "too_long" ? note.detail.length : null;
    };

    it("counts an emoji (a surrogate pair) as 2", () => {
      expect(readText("😀".repeat(100), 200).notes).toEqual([]);
      expect(lengthOf(`${"😀".repeat(100)}a`, 200)).toBe(201);
      expect(lengthOf("😀", 1)).toBe(2);
    });

    it("counts a precomposed é as 1 and e with a combining accent as 2, without normalising either", () => {
      expect(readText("\u00e9", 1)).toEqual({ state: "value", value: "\u00e9", notes: [] });
      expect(lengthOf("e\u0301", 1)).toBe(2);
      expect(readText("e\u0301", 2).value).toBe("e\u0301");
    });

    it("counts each CJK character as 1", () => {
      expect(readText("漢".repeat(200), 200).notes).toEqual([]);
      expect(lengthOf("漢".repeat(201), 200)).toBe(201);
    });

    it("counts the trimmed text", () => {
      expect(readText(`  ${"x".repeat(200)}  `, 200).notes).toEqual([]);
    });
  });

  it("takes too_long's severity from the column: error for trust name and product, warning for notes", () => {
    expect(readCell("n".repeat(201), columnDef("trustName")).notes[0]?.severity).toBe("error");
    expect(readCell("p".repeat(201), columnDef("product")).notes[0]?.severity).toBe("error");
    expect(readCell("w".repeat(2001), columnDef("notes")).notes[0]?.severity).toBe("warning");
    expect(readCell("w".repeat(2000), columnDef("notes")).notes).toEqual([]);
  });

  it("rejects logical values as not text, and gives an Excel error formula_error alone", () => {
    expect(readText(false, 200)).toEqual({
      state: "invalid", value: null, notes: [{ code: "invalid_enum", severity: "error", detail: { allowed: [] } }],
    });
    expect(readText(errorValue("#REF!"), 200)).toEqual({ state: "invalid", value: null, notes: [{ code: "formula_error", severity: "error", detail: { error: "#REF!" } }] });
  });
});

describe("readCell", () => {
  it("reads each column by its type", () => {
    expect(readCell("r1h", columnDef("trustCode")).value).toBe("R1H");
    expect(readCell("Dec 2023", columnDef("goLiveDate")).value).toBe("2023-12-31");
    expect(readCell("£1m", columnDef("totalCost")).value).toBe(1000000);
    expect(readCell("Millennium", columnDef("targetSupplier")).value).toBe("Oracle Health");
    expect(readCell("obc", columnDef("businessCaseStage")).value).toBe("OBC");
    expect(readCell(300, columnDef("beds")).value).toBe(300);
  });
});
