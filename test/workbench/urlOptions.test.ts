import { parseWorkbenchOptions } from "../../src/workbench/urlOptions";
import { saveName } from "../../src/workbench/download";

describe("parseWorkbenchOptions", () => {
  test("reads the theme, the first view and an example", () => {
    expect(parseWorkbenchOptions("?theme=dark&view=scores&example=clean-ics-return")).toEqual({
      theme: "dark",
      view: "scores",
      example: "clean-ics-return",
    });
  });

  test("defaults, and ignores unknown values", () => {
    expect(parseWorkbenchOptions("")).toEqual({ theme: "light", view: undefined, example: null });
    expect(parseWorkbenchOptions("?theme=purple&view=charts&example=../secret")).toEqual({ theme: "light", view: undefined, example: null });
  });
});

describe("saveName", () => {
  test("keeps the opened file's name as .xlsx; a new workbook gets a default", () => {
    expect(saveName("return.xlsx")).toBe("return.xlsx");
    expect(saveName("Return.XLSX")).toBe("Return.XLSX");
    expect(saveName("return.xlsm")).toBe("return.xlsx");
    expect(saveName(null)).toBe("EPR return.xlsx");
    expect(saveName("  ")).toBe("EPR return.xlsx");
  });
});
