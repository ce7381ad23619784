/**
 * The EPR.* date functions in the workbook's date system. Excel passes and shows dates as serials of the workbook's
 * system; in a 1904 workbook the same day is 1462 lower. The functions learn the system once per session through
 * Excel's JavaScript API (src/functions/dateSystem.ts: DATE(2000,1,1) via `new Excel.RequestContext()`), here a stub
 * installed as the Excel global. Each test loads the functions afresh (jest.isolateModulesAsync), as a new session.
 */
import { serialFromIso, type DateSystem } from "../../src/core/dates";
import type * as FunctionsModule from "../../src/functions/functions";
import type * as DateSystemModule from "../../src/functions/dateSystem";

type Behaviour = DateSystem | "fail" | "hang" | "junk";

interface ExcelStub {
  behaviour: Behaviour;
  /** context.sync() calls made. */
  reads: number;
}

/** Installs an Excel global whose RequestContext evaluates DATE() in `stub.behaviour`'s system (or fails, or never answers). */
function installExcel(behaviour: Behaviour): ExcelStub {
  const stub: ExcelStub = { behaviour, reads: 0 };
  class RequestContext {
    private readonly queued: { result: { value: unknown }; iso: string }[] = [];
    readonly workbook = {
      functions: {
        date: (year: number, month: number, day: number) => {
          const result = { value: undefined as unknown, load: () => result };
          this.queued.push({ result, iso: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` });
          return result;
        },
      },
    };
    async sync(): Promise<void> {
      stub.reads++;
      await Promise.resolve();
      if (stub.behaviour === "fail") throw Object.assign(new Error("An internal error has occurred."), { code: "GeneralException" });
      if (stub.behaviour === "hang") return new Promise<void>(() => undefined);
      for (const { result, iso } of this.queued) result.value = stub.behaviour === "junk" ? "#NUM!" : serialFromIso(iso, stub.behaviour);
    }
  }
  Object.assign(globalThis, { Excel: { RequestContext } });
  return stub;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Excel");
  jest.useRealTimers();
});

/** A fresh copy of the functions (and their date-system memory): a new session. */
async function freshSession(): Promise<{ functions: typeof FunctionsModule; dateSystem: typeof DateSystemModule }> {
  let loaded: { functions: typeof FunctionsModule; dateSystem: typeof DateSystemModule } | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = { functions: await import("../../src/functions/functions"), dateSystem: await import("../../src/functions/dateSystem") };
  });
  if (!loaded) throw new Error("not loaded");
  return loaded;
}

const DEC_31_2023 = { "1900": serialFromIso("2023-12-31", "1900"), "1904": serialFromIso("2023-12-31", "1904") };

describe("in a 1904 workbook", () => {
  it("EPR.PARSEDATE gives the 1904 serial, reading the date system once and then answering at once", async () => {
    const stub = installExcel("1904");
    const { functions } = await freshSession();
    const first = functions.parseDate("31/12/2023");
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toBe(DEC_31_2023["1904"]);
    expect(DEC_31_2023["1904"]).toBe(45291 - 1462);
    // Known now: no promise, no more reads.
    expect(functions.parseDate("Q3 2023/24")).toBe(DEC_31_2023["1904"]);
    expect(functions.parseDate(DEC_31_2023["1904"])).toBe(DEC_31_2023["1904"]);
    expect(stub.reads).toBe(1);
  });

  it("calls made before the read is back share it", async () => {
    const stub = installExcel("1904");
    const { functions } = await freshSession();
    const results = await Promise.all([functions.parseDate("31/12/2023"), functions.financialQuarter(DEC_31_2023["1904"]), functions.parseDate("")]);
    expect(results).toEqual([DEC_31_2023["1904"], "Q3 2023/24", ""]);
    expect(stub.reads).toBe(1);
  });

  it("EPR.FYQUARTER reads a date serial in the 1904 system", async () => {
    installExcel("1904");
    const { functions } = await freshSession();
    await expect(functions.financialQuarter(serialFromIso("2024-03-31", "1904"))).resolves.toBe("Q4 2023/24");
    expect(functions.financialQuarter(serialFromIso("2024-04-01", "1904"))).toBe("Q1 2024/25");
    // Its 1900 serial, 1462 days later in a 1904 workbook, is another quarter.
    expect(functions.financialQuarter(serialFromIso("2024-04-01", "1900"))).toBe("Q1 2028/29");
  });

  it("EPR.COVERAGE reads goLive, targetGoLive and asOf serials in the 1904 system", async () => {
    installExcel("1904");
    const { functions } = await freshSession();
    const s = (iso: string): number => serialFromIso(iso, "1904");
    await expect(functions.coverage("Live", s("2023-12-31"), "", s("2023-12-31"))).resolves.toBe("installed");
    expect(functions.coverage("Live", s("2024-01-01"), "", s("2023-12-31"))).toBe("implementing");
    expect(functions.coverage("Procuring", "", s("2026-03-31"), s("2026-03-31"))).toBe("installed");
    expect(functions.coverage("Procuring", "", s("2026-03-31"), s("2026-03-30"))).toBe("not covered");
  });

  it("functions given only text or blanks do not wait for the date system", async () => {
    const stub = installExcel("1904");
    const { functions } = await freshSession();
    expect(functions.financialQuarter("31/12/2023")).toBe("Q3 2023/24");
    expect(functions.coverage("Live", "31/12/2023", "", "31/12/2023")).toBe("installed");
    expect(functions.financialQuarter("")).toBe("");
    expect(stub.reads).toBe(0);
  });

  it("bad arguments still give errors", async () => {
    installExcel("1904");
    const { functions } = await freshSession();
    await expect(functions.parseDate("31/02/2023")).resolves.toMatchObject({ code: "#VALUE!" });
    // Before 1990 (the reading rules' range): 1904-01-02 in a 1904 workbook.
    expect(functions.parseDate(1)).toMatchObject({ code: "#VALUE!" });
    expect(functions.coverage("Sort of", 1, "", 1)).toMatchObject({ code: "#VALUE!" });
  });
});

describe("in a 1900 workbook", () => {
  it("gives the same serials as ever", async () => {
    const stub = installExcel("1900");
    const { functions } = await freshSession();
    await expect(functions.parseDate("31/12/2023")).resolves.toBe(45291);
    expect(functions.parseDate(45291)).toBe(45291);
    expect(functions.financialQuarter(45291)).toBe("Q3 2023/24");
    expect(functions.coverage("Live", serialFromIso("2023-03-15"), "", 45291)).toBe("installed");
    expect(stub.reads).toBe(1);
  });
});

describe("when the date system cannot be read", () => {
  it("outside Excel (no Excel global) the system is 1900, at once", async () => {
    const { functions, dateSystem } = await freshSession();
    expect(dateSystem.workbookDateSystem()).toBe("1900");
    expect(functions.parseDate("31/12/2023")).toBe(45291);
  });

  it("a failed read gives 1900 for that call and is tried again on the next", async () => {
    const stub = installExcel("fail");
    const { functions } = await freshSession();
    await expect(functions.parseDate("31/12/2023")).resolves.toBe(45291);
    expect(stub.reads).toBe(1);
    stub.behaviour = "1904";
    await expect(functions.parseDate("31/12/2023")).resolves.toBe(DEC_31_2023["1904"]);
    expect(stub.reads).toBe(2);
  });

  it("a value that is neither system's DATE(2000,1,1) gives 1900", async () => {
    installExcel("junk");
    const { functions } = await freshSession();
    await expect(functions.parseDate("31/12/2023")).resolves.toBe(45291);
  });

  it("a read that does not come back gives 1900 after the timeout, and later calls do not wait for it again", async () => {
    jest.useFakeTimers();
    const stub = installExcel("hang");
    const { functions, dateSystem } = await freshSession();
    const first = functions.parseDate("31/12/2023");
    expect(first).toBeInstanceOf(Promise);
    await jest.advanceTimersByTimeAsync(dateSystem.READ_TIMEOUT_MS);
    await expect(first).resolves.toBe(45291);
    expect(functions.parseDate("31/12/2023")).toBe(45291);
    expect(stub.reads).toBe(1);
  });
});
