import { errorValue } from "../../../src/core/cells";
import { isBlankCell, presenceOf, readText } from "../../../src/core/read";

describe("blank cells and placeholders", () => {
  it.each([null, "", "   ", "\t \n"])("treats %p as blank", (cell) => {
    expect(isBlankCell(cell)).toBe(true);
    expect(presenceOf(cell)).toEqual({ kind: "blank" });
  });

  it.each(["TBC", "tba", "Tbd", "UNKNOWN", "unknown", "N/A", "n/a", "-", "?", "  tbc  "])("treats %p as a placeholder", (text) => {
    expect(presenceOf(text)).toEqual({ kind: "placeholder", text: text.trim() });
    expect(readText(text, 200)).toMatchObject({ state: "placeholder", value: null, notes: [] });
  });

  it("does not treat look-alikes or error values as placeholders", () => {
    expect(presenceOf("NA").kind).toBe("content");
    expect(presenceOf("TBC soon").kind).toBe("content");
    expect(presenceOf("--").kind).toBe("content");
    // #N/A is an Excel error, not the typed placeholder N/A.
    expect(presenceOf(errorValue("#N/A")).kind).toBe("content");
  });

  it("trims content", () => {
    expect(presenceOf("  Epic ")).toEqual({ kind: "content", cell: "Epic" });
    expect(presenceOf(0)).toEqual({ kind: "content", cell: 0 });
    expect(presenceOf(false)).toEqual({ kind: "content", cell: false });
  });
});
