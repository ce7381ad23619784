import { errorValue } from "../../src/core/cells";
import type { SheetData } from "../../src/core/cells";
import type { ValidateOptions } from "../../src/core/results";
import { validateSheet } from "../../src/core/validate";
import { checkClient, createCheckClient, isSuperseded, SupersededError, validateOffThread } from "../../src/worker/checkClient";
import { isCheckRequest } from "../../src/worker/protocol";
import { HEADERS, trustRow } from "../ui/fixtures";
import { fakeSpawner, tick } from "./fakeWorker";
import { structuredCloneHere } from "./realmClone";

const OPTIONS: ValidateOptions = { submitted: "2023-06-01" };

/** Row 2 has a real Date go-live date; row 3 has an Excel error value (#REF!) for its beds. */
function sheetNamed(name: string): SheetData {
  return {
    name,
    firstRow: 1,
    firstCol: 1,
    rows: [
      HEADERS,
      trustRow({ trustCode: "RYJ", trustName: "Imperial", trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: new Date(Date.UTC(2021, 4, 1)), plan: "Keep", beds: 900 }),
      trustRow({ trustCode: "R1H", trustName: "Barts", trustType: "Acute", eprStatus: "Live", supplier: "Cerner", goLiveDate: new Date(Date.UTC(2019, 10, 30)), plan: "Keep", beds: errorValue("#REF!") }),
    ],
  };
}

describe("structured cloning of a sheet", () => {
  it("keeps Dates as Dates and error values as plain error objects", () => {
    const copy = structuredCloneHere(sheetNamed("Trusts"));
    const date = copy.rows[1]?.[6];
    expect(date).toBeInstanceOf(Date);
    expect(date instanceof Date ? date.toISOString() : null).toBe("2021-05-01T00:00:00.000Z");
    expect(copy.rows[2]?.[18]).toEqual({ kind: "error", code: "#REF!" });
  });
});

describe("validating in a worker", () => {
  it("gives the same result as validating in the page, dates and error values included", async () => {
    const { spawn, workers } = fakeSpawner();
    const client = createCheckClient(spawn);
    const sheet = sheetNamed("Trusts");

    const result = await client.validate(sheet, OPTIONS);

    expect(workers).toHaveLength(1);
    expect(isCheckRequest(workers[0]?.received[0])).toBe(true);
    expect(result).toEqual(validateSheet(sheet, OPTIONS));
    expect(result.trusts.map((t) => t.goLiveDate)).toEqual(["2021-05-01", "2019-11-30"]);
    expect(result.issues.filter((i) => i.column === "goLiveDate")).toEqual([]);
    expect(result.issues.find((i) => i.cell === "S3")?.value).toBe("#REF!");
    expect(client.mode).toBe("worker");
  });

  it("reuses one worker for checks one after another", async () => {
    const { spawn, workers } = fakeSpawner();
    const client = createCheckClient(spawn);
    await client.validate(sheetNamed("First"), OPTIONS);
    const second = await client.validate(sheetNamed("Second"), OPTIONS);
    expect(second.sheet).toBe("Second");
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received).toHaveLength(2);
  });

  it("lets the newer request win: the older rejects, its worker is stopped, its late reply is ignored", async () => {
    const { spawn, workers } = fakeSpawner(["hold", "hold"]);
    const client = createCheckClient(spawn);
    const older = client.validate(sheetNamed("Older"), OPTIONS);
    const olderOutcome = older.then(() => "resolved", (error: unknown) => error);
    await tick();
    const newer = client.validate(sheetNamed("Newer"), OPTIONS);
    await tick();

    expect(await olderOutcome).toBeInstanceOf(SupersededError);
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.terminated).toBe(false);

    // The stopped worker's reply, already on its way, and a reply to an older id on the new worker: both ignored.
    workers[0]?.replyInFlight({ id: 1, ok: true, result: validateSheet(sheetNamed("Older"), OPTIONS) });
    workers[1]?.reply({ id: 1, ok: true, result: validateSheet(sheetNamed("Older"), OPTIONS) });
    workers[1]?.answer(0);
    expect((await newer).sheet).toBe("Newer");
  });

  it("rejects with the worker's message when the check fails there", async () => {
    const { spawn, workers } = fakeSpawner(["hold"]);
    const client = createCheckClient(spawn);
    const pending = client.validate(sheetNamed("Trusts"), OPTIONS);
    await tick();
    workers[0]?.reply({ id: 1, ok: false, message: "Checking the sheet failed: out of memory" });
    await expect(pending).rejects.toThrow("Checking the sheet failed: out of memory");
  });

  it("rejects readably when the worker crashes, and starts a fresh worker for the next check", async () => {
    const { spawn, workers } = fakeSpawner(["hold", "answer"]);
    const client = createCheckClient(spawn);
    const pending = client.validate(sheetNamed("Trusts"), OPTIONS);
    await tick();
    workers[0]?.emitError("Uncaught RangeError: too much recursion");
    await expect(pending).rejects.toThrow("The background checker stopped: Uncaught RangeError: too much recursion. Try again.");
    expect(workers[0]?.terminated).toBe(true);

    const next = await client.validate(sheetNamed("Again"), OPTIONS);
    expect(next.sheet).toBe("Again");
    expect(workers).toHaveLength(2);
    expect(client.mode).toBe("worker");
  });

  it("rejects when the worker cannot start, then checks in the page from then on", async () => {
    const { spawn, workers } = fakeSpawner(["fail-to-start"]);
    const client = createCheckClient(spawn);
    await expect(client.validate(sheetNamed("Trusts"), OPTIONS)).rejects.toThrow(
      "The background checker failed to start: Failed to load the worker script. Try again: the next check runs in the task pane itself.",
    );
    expect(client.mode).toBe("in-thread");

    const sheet = sheetNamed("Trusts");
    expect(await client.validate(sheet, OPTIONS)).toEqual(validateSheet(sheet, OPTIONS));
    expect(workers).toHaveLength(1);
  });

  it("rejects a reply it does not understand", async () => {
    const { spawn, workers } = fakeSpawner(["hold"]);
    const client = createCheckClient(spawn);
    const pending = client.validate(sheetNamed("Trusts"), OPTIONS);
    await tick();
    workers[0]?.reply({ id: 1, status: "done" });
    await expect(pending).rejects.toThrow("The checker sent a reply the task pane does not understand.");
  });

  it("rejects when the sheet cannot be sent", async () => {
    const { spawn } = fakeSpawner();
    const client = createCheckClient(spawn);
    const sheet = { ...sheetNamed("Trusts"), rows: [[() => "not cloneable"]] } as unknown as SheetData;
    await expect(client.validate(sheet, OPTIONS)).rejects.toThrow(/^Could not send the sheet to the checker: /);
  });

  it("stops the worker on dispose, rejecting the running check as superseded", async () => {
    const { spawn, workers } = fakeSpawner(["hold"]);
    const client = createCheckClient(spawn);
    const pending = client.validate(sheetNamed("Trusts"), OPTIONS);
    await tick();
    client.dispose();
    await expect(pending).rejects.toBeInstanceOf(SupersededError);
    expect(workers[0]?.terminated).toBe(true);
  });
});

describe("falling back to the page", () => {
  it("checks in the page when the worker cannot be created, and says why", async () => {
    const client = createCheckClient(() => {
      throw new Error("SecurityError: worker-src blocked");
    });
    const sheet = sheetNamed("Trusts");
    expect(await client.validate(sheet, OPTIONS)).toEqual(validateSheet(sheet, OPTIONS));
    expect(client.mode).toBe("in-thread");
    expect(client.fallbackReason).toBe("the checking worker could not start: SecurityError: worker-src blocked");
  });

  it("yields a macrotask before the check, so a spinner set just before can paint", async () => {
    const client = createCheckClient(null, "no workers in this test");
    let painted = false;
    setTimeout(() => {
      painted = true;
    }, 0);
    const paintedWhenDone = await client.validate(sheetNamed("Trusts"), OPTIONS).then(() => painted);
    expect(paintedWhenDone).toBe(true);
    expect(client.fallbackReason).toBe("no workers in this test");
  });

  it("lets the newer of two overlapping checks win", async () => {
    const client = createCheckClient(null);
    const older = client.validate(sheetNamed("Older"), OPTIONS);
    const newer = client.validate(sheetNamed("Newer"), OPTIONS);
    expect(await older.then(() => false, isSuperseded)).toBe(true);
    expect((await newer).sheet).toBe("Newer");
  });

  it("surfaces an error thrown by the check", async () => {
    const client = createCheckClient(null);
    const broken = { name: "Trusts", firstRow: 1, firstCol: 1, rows: null } as unknown as SheetData;
    await expect(client.validate(broken, OPTIONS)).rejects.toThrow(TypeError);
  });

  it("is what validateOffThread uses where there is no Worker (Node, jsdom)", async () => {
    const sheet = sheetNamed("Trusts");
    expect(await validateOffThread(sheet, OPTIONS)).toEqual(validateSheet(sheet, OPTIONS));
    expect(checkClient().mode).toBe("in-thread");
    expect(checkClient().fallbackReason).toBe("this host has no Web Workers");
  });
});
