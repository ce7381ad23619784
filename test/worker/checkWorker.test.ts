/**
 * The worker script itself, loaded into a stand-in worker scope: it announces it is ready and answers each
 * request through the protocol handler.
 */
import type { SheetData } from "../../src/core/cells";
import { validateSheet } from "../../src/core/validate";
import { answerCheckRequest, isCheckReply, READY_MESSAGE } from "../../src/worker/protocol";
import { structuredCloneHere } from "./realmClone";

const SHEET: SheetData = {
  name: "Trusts",
  firstRow: 1,
  firstCol: 1,
  rows: [["Trust ODS code", "Trust name", "Trust type", "Go-live date"], ["RYJ", "Imperial", "Acute", new Date(Date.UTC(2021, 4, 1))]],
};

describe("check.worker", () => {
  const posted: unknown[] = [];
  let onMessage: ((event: { data: unknown }) => void) | null = null;

  beforeAll(async () => {
    Object.defineProperty(globalThis, "postMessage", { value: (message: unknown) => posted.push(message), configurable: true, writable: true });
    Object.defineProperty(globalThis, "addEventListener", {
      value: (type: string, listener: (event: { data: unknown }) => void) => {
        if (type === "message") onMessage = listener;
      },
      configurable: true,
      writable: true,
    });
    await import("../../src/worker/check.worker");
  });

  afterAll(() => {
    Reflect.deleteProperty(globalThis, "postMessage");
    Reflect.deleteProperty(globalThis, "addEventListener");
  });

  it("says it is ready once loaded", () => {
    expect(posted[0]).toEqual(READY_MESSAGE);
  });

  it("answers a request with the validation result and its id", () => {
    expect(onMessage).not.toBeNull();
    onMessage?.({ data: structuredCloneHere({ kind: "validate", id: 7, sheet: SHEET, options: { submitted: "2023-06-01" } }) });
    expect(posted[1]).toEqual({ id: 7, ok: true, result: validateSheet(SHEET, { submitted: "2023-06-01" }) });
  });
});

describe("answerCheckRequest", () => {
  it("answers a message it does not understand with a readable failure", () => {
    expect(answerCheckRequest({ kind: "score", id: 3 })).toEqual({ id: 3, ok: false, message: "The checker received a message it does not understand." });
    expect(answerCheckRequest("hello")).toEqual({ id: -1, ok: false, message: "The checker received a message it does not understand." });
  });

  it("turns a failing check into a failure reply naming the cause", () => {
    const reply = answerCheckRequest({ kind: "validate", id: 4, sheet: SHEET, options: { submitted: "2023-06-01", mapping: { headerRow: 1, headers: 5 } } });
    expect(isCheckReply(reply)).toBe(true);
    expect(reply).toMatchObject({ id: 4, ok: false });
    expect(reply.ok ? "" : reply.message).toMatch(/^Checking the sheet failed: /);
  });
});
