/**
 * A stand-in for the checking Web Worker: every message crosses a real structured clone, as with
 * postMessage, and the worker side runs the real protocol handler in a later macrotask. It can be told to
 * hold replies (to see requests overlap) or to fail before it starts.
 */
import type { WorkerError, WorkerLike, WorkerMessage } from "../../src/worker/checkClient";
import { answerCheckRequest, READY_MESSAGE } from "../../src/worker/protocol";
import { structuredCloneHere } from "./realmClone";

export type FakeBehaviour = "answer" | "hold" | "fail-to-start";

type Listener = (event: WorkerMessage & WorkerError) => void;

export class FakeWorker implements WorkerLike {
  /** Messages as the worker side received them (after the clone). */
  readonly received: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(private readonly behaviour: FakeBehaviour = "answer") {
    setTimeout(() => {
      if (behaviour === "fail-to-start") this.emitError("Failed to load the worker script");
      else this.reply(READY_MESSAGE);
    }, 0);
  }

  addEventListener(type: "message" | "messageerror", listener: (event: WorkerMessage) => void): void;
  addEventListener(type: "error", listener: (event: WorkerError) => void): void;
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  postMessage(message: unknown): void {
    const copy = structuredCloneHere(message);
    this.received.push(copy);
    if (this.behaviour === "answer") setTimeout(() => this.reply(answerCheckRequest(copy)), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Posts `data` to the page, as the worker would (a terminated worker posts nothing). */
  reply(data: unknown): void {
    if (!this.terminated) this.emit("message", { data: structuredCloneHere(data) });
  }

  /** Answers the n-th received request with the real handler. */
  answer(index: number): void {
    this.reply(answerCheckRequest(this.received[index]));
  }

  /** Sends a reply even after terminate(), like a reply already in flight when the worker was stopped. */
  replyInFlight(data: unknown): void {
    this.emit("message", { data: structuredCloneHere(data) });
  }

  emitError(message: string): void {
    this.emit("error", { data: null, message });
  }

  private emit(type: string, event: WorkerMessage & WorkerError): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** A spawn function that records the workers it makes. */
export function fakeSpawner(behaviours: FakeBehaviour[] = []): { spawn: () => FakeWorker; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    spawn: () => {
      const worker = new FakeWorker(behaviours[workers.length] ?? "answer");
      workers.push(worker);
      return worker;
    },
  };
}

/** Lets pending timers (the fake worker's replies) run. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
