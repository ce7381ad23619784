import { isoDateFlag, parseArgs, profileFlag, allowOnly } from "../../src/cli/args";
import { UsageError } from "../../src/cli/io";

describe("parseArgs", () => {
  it("takes flags before and after files, with = or a separate value", () => {
    const args = parseArgs(["score", "--profile", "mar-2026", "a.xlsx", "--as-of=2025-01-31", "b.xlsx", "--json"]);
    expect(args.command).toBe("score");
    expect(args.files).toEqual(["a.xlsx", "b.xlsx"]);
    expect(args.flags.get("--profile")).toBe("mar-2026");
    expect(args.flags.get("--as-of")).toBe("2025-01-31");
    expect(args.flags.get("--json")).toBe(true);
  });

  it("treats everything after -- as files", () => {
    expect(parseArgs(["validate", "--", "--json"]).files).toEqual(["--json"]);
  });

  it("rejects a value flag without its value", () => {
    expect(() => parseArgs(["validate", "a.xlsx", "--sheet"])).toThrow(UsageError);
  });

  it("rejects unknown options by name", () => {
    expect(() => allowOnly(parseArgs(["validate", "a.xlsx", "--jsn"]), ["--json"])).toThrow("unknown option --jsn");
  });

  it("checks dates and profiles", () => {
    expect(() => isoDateFlag(parseArgs(["v", "--submitted", "31/12/2023"]), "--submitted")).toThrow("YYYY-MM-DD");
    expect(() => isoDateFlag(parseArgs(["v", "--submitted", "2023-02-29"]), "--submitted")).toThrow(UsageError);
    expect(isoDateFlag(parseArgs(["v", "--submitted", "2024-02-29"]), "--submitted")).toBe("2024-02-29");
    expect(() => profileFlag(parseArgs(["s", "--profile", "dec-2024"]))).toThrow("dec-2023, mar-2026");
  });
});
