/** SheetJS cells as the core's values (spec section 5), one kind at a time. */
import type { CellObject } from "@e965/xlsx";
import { errorValue } from "../../../../src/core/cells";
import { sheetJsCellValue } from "../../../../src/files/reader/sheetjs/cellValue";

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

describe("sheetJsCellValue", () => {
  it("a number under a date format is that day, in the workbook's date system", () => {
    expect(sheetJsCellValue({ t: "n", v: 45291, z: "dd/mm/yyyy" }, false)).toEqual(day("2023-12-31"));
    expect(sheetJsCellValue({ t: "n", v: 43829, z: "dd/mm/yyyy" }, true)).toEqual(day("2023-12-31"));
    expect(sheetJsCellValue({ t: "n", v: 45291.99, z: 'dd" "mmm" "yyyy' }, false)).toEqual(day("2023-12-31"));
  });

  it("a time of day alone, a money format and General stay numbers", () => {
    expect(sheetJsCellValue({ t: "n", v: 0.5, z: "hh:mm" }, false)).toBe(0.5);
    expect(sheetJsCellValue({ t: "n", v: 6400000, z: "\\£#,##0.0,,\\m" }, false)).toBe(6400000);
    expect(sheetJsCellValue({ t: "n", v: 45291, z: "General" }, false)).toBe(45291);
    expect(sheetJsCellValue({ t: "n", v: 45291 }, false)).toBe(45291);
  });

  it("a serial Excel cannot show as a date stays the number", () => {
    expect(sheetJsCellValue({ t: "n", v: 60, z: "dd/mm/yyyy" }, false)).toBe(60);
    expect(sheetJsCellValue({ t: "n", v: -1, z: "dd/mm/yyyy" }, false)).toBe(-1);
  });

  it("errors by their text, from the BIFF code or from SheetJS's text", () => {
    const codes: [number, string][] = [
      [0x00, "#NULL!"],
      [0x07, "#DIV/0!"],
      [0x0f, "#VALUE!"],
      [0x17, "#REF!"],
      [0x1d, "#NAME?"],
      [0x24, "#NUM!"],
      [0x2a, "#N/A"],
    ];
    for (const [code, text] of codes) expect(sheetJsCellValue({ t: "e", v: code }, false)).toEqual(errorValue(text));
    expect(sheetJsCellValue({ t: "e", v: 99, w: "#SPILL!" }, false)).toEqual(errorValue("#SPILL!"));
  });

  it("text, booleans, empty and stub cells", () => {
    expect(sheetJsCellValue({ t: "s", v: "  RYJ " }, false)).toBe("  RYJ ");
    expect(sheetJsCellValue({ t: "s", v: "" }, false)).toBeNull();
    expect(sheetJsCellValue({ t: "b", v: false }, false)).toBe(false);
    expect(sheetJsCellValue({ t: "z" } as CellObject, false)).toBeNull();
    expect(sheetJsCellValue({ t: "n", v: Number.NaN }, false)).toBeNull();
  });

  it("a Date (only if SheetJS were asked for them) is its calendar day", () => {
    expect(sheetJsCellValue({ t: "d", v: new Date(2023, 11, 31, 15, 0) }, false)).toEqual(day("2023-12-31"));
  });
});
