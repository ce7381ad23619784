/**
 * Where the host has Web Workers, validateOffThread starts the real worker through spawnCheckWorker. That
 * module uses import.meta (webpack only), so it is replaced here by one that returns a fake worker.
 */
import type { SheetData } from "../../src/core/cells";
import { FakeWorker } from "./fakeWorker";

const spawned: FakeWorker[] = [];

jest.mock("../../src/worker/spawnCheckWorker", () => ({
  spawnCheckWorker: () => {
    const worker = new FakeWorker();
    spawned.push(worker);
    return worker;
  },
}));

class HostWorker {}

describe("the default client in a host with Web Workers", () => {
  beforeAll(() => {
    Object.defineProperty(globalThis, "Worker", { value: HostWorker, configurable: true, writable: true });
  });

  afterAll(() => {
    Reflect.deleteProperty(globalThis, "Worker");
  });

  it("validates in the worker", async () => {
    const { checkClient, validateOffThread } = await import("../../src/worker/checkClient");
    const sheet: SheetData = { name: "Trusts", firstRow: 1, firstCol: 1, rows: [["Trust ODS code", "Trust name", "Trust type"], ["RYJ", "Imperial", "Acute"]] };

    const result = await validateOffThread(sheet, { submitted: "2023-06-01" });

    expect(result.sheet).toBe("Trusts");
    expect(result.rows).toBe(1);
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.received).toHaveLength(1);
    expect(checkClient().mode).toBe("worker");
  });
});
