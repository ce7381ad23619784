/**
 * Validates a sheet off the UI thread, so the task pane keeps painting while 10,000 rows are checked.
 * Where a Web Worker is available (browsers, Excel's webviews) the check runs in one; elsewhere (jsdom,
 * old hosts, a worker that cannot be created) it runs in the page after yielding to the event loop, so a
 * spinner shown for the check paints first; the rule engine is then loaded from a lazy chunk of its own, so
 * the page's first download holds none of it. Only the newest request gets an answer: an older one still
 * running is cancelled and rejects with SupersededError.
 */
import type { SheetData } from "../core/cells";
import type { ValidateOptions, ValidationResult } from "../core/results";
import { isCheckReply, isReadyMessage } from "./protocol";
import type { CheckRequest } from "./protocol";
import type { SpawnWorker, WorkerLike } from "./workerLike";

export type { SpawnWorker, WorkerError, WorkerLike, WorkerMessage } from "./workerLike";

/** A newer request replaced this one before it finished; its caller has nothing to show. */
export class SupersededError extends Error {
  constructor() {
    super("A newer check replaced this one.");
    this.name = "SupersededError";
  }
}

export function isSuperseded(error: unknown): error is SupersededError {
  return error instanceof SupersededError;
}

export interface CheckClient {
  validate(sheet: SheetData, options: ValidateOptions): Promise<ValidationResult>;
  /** "worker" until workers turn out to be unavailable, then "in-thread" for good. */
  readonly mode: "worker" | "in-thread";
  /** Why the client fell back to checking in the page, or null. */
  readonly fallbackReason: string | null;
  /** Stops the worker; a request still running rejects. */
  dispose(): void;
}

interface Pending {
  readonly id: number;
  readonly resolve: (result: ValidationResult) => void;
  readonly reject: (error: Error) => void;
}

/** A macrotask, not a microtask: the browser renders between macrotasks, so a spinner set just before paints. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class WorkerCheckClient implements CheckClient {
  private latestId = 0;
  private pending: Pending | null = null;
  private worker: WorkerLike | null = null;
  /** Whether the current worker said it is ready: an error before that means it cannot run in this host. */
  private workerStarted = false;
  private spawn: SpawnWorker | null;
  fallbackReason: string | null = null;

  constructor(spawn: SpawnWorker | null, fallbackReason: string | null) {
    this.spawn = spawn;
    if (spawn === null) this.fallbackReason = fallbackReason;
  }

  get mode(): "worker" | "in-thread" {
    return this.spawn === null ? "in-thread" : "worker";
  }

  async validate(sheet: SheetData, options: ValidateOptions): Promise<ValidationResult> {
    const id = ++this.latestId;
    this.cancelPending();
    const worker = await this.workerFor();
    if (id !== this.latestId) throw new SupersededError();
    if (worker === null) return this.validateInThread(id, sheet, options);
    return new Promise<ValidationResult>((resolve, reject) => {
      this.pending = { id, resolve, reject };
      const request: CheckRequest = { kind: "validate", id, sheet, options };
      try {
        worker.postMessage(request);
      } catch (error) {
        // A DataCloneError: the grid holds something that cannot be sent (adapters only produce plain values).
        this.settle(id, () => reject(new Error(`Could not send the sheet to the checker: ${messageOf(error)}`)));
      }
    });
  }

  dispose(): void {
    this.latestId++;
    this.cancelPending();
    this.dropWorker();
  }

  /** The running request (if any) loses: it rejects, and its worker is stopped so the new check need not wait. */
  private cancelPending(): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    this.dropWorker();
    pending.reject(new SupersededError());
  }

  private dropWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** The worker to use (started on first use), or null to check in the page. */
  private async workerFor(): Promise<WorkerLike | null> {
    if (this.worker !== null) return this.worker;
    const spawn = this.spawn;
    if (spawn === null) return null;
    let worker: WorkerLike;
    try {
      worker = await spawn();
    } catch (error) {
      // The host cannot run the worker (no module workers, blocked by policy, chunk failed to load):
      // checking in the page still works, only less smoothly, so that is what this and later checks do.
      this.fallBack(`the checking worker could not start: ${messageOf(error)}`);
      return null;
    }
    if (this.worker !== null) {
      // Another request's worker started while this one was starting: keep just one.
      worker.terminate();
      return this.worker;
    }
    this.listen(worker);
    this.worker = worker;
    this.workerStarted = false;
    return worker;
  }

  private listen(worker: WorkerLike): void {
    worker.addEventListener("message", (event) => {
      if (worker !== this.worker) return; // a stopped worker's last words
      const reply = event.data;
      if (isReadyMessage(reply)) {
        this.workerStarted = true;
        return;
      }
      if (!isCheckReply(reply)) {
        this.failPending("The checker sent a reply the task pane does not understand.");
        return;
      }
      // A reply to an older request (its requester was told it was superseded) is ignored.
      if (reply.ok) this.settle(reply.id, (p) => p.resolve(reply.result));
      else this.settle(reply.id, (p) => p.reject(new Error(reply.message)));
    });
    worker.addEventListener("messageerror", () => {
      if (worker === this.worker) this.failPending("The checker's reply could not be read.");
    });
    worker.addEventListener("error", (event) => {
      if (worker !== this.worker) return;
      const detail = event.message ? `: ${event.message}` : "";
      const neverStarted = !this.workerStarted;
      this.dropWorker();
      if (neverStarted) {
        this.fallBack(`the checking worker failed to start${detail}`);
        this.failPending(`The background checker failed to start${detail}. Try again: the next check runs in the task pane itself.`);
      } else {
        this.failPending(`The background checker stopped${detail}. Try again.`);
      }
    });
  }

  private fallBack(reason: string): void {
    this.spawn = null;
    this.fallbackReason = reason;
  }

  /** Runs `action` on the pending request when it is the one with this id. */
  private settle(id: number, action: (pending: Pending) => void): void {
    const pending = this.pending;
    if (pending === null || pending.id !== id) return;
    this.pending = null;
    action(pending);
  }

  private failPending(message: string): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    pending.reject(new Error(message));
  }

  private async validateInThread(id: number, sheet: SheetData, options: ValidateOptions): Promise<ValidationResult> {
    // First use loads the rule engine (the worker has its own copy), while yielding.
    const [{ validateSheet }] = await Promise.all([import(/* webpackChunkName: "check-in-page" */ "../core/validate"), yieldToEventLoop()]);
    if (id !== this.latestId) throw new SupersededError();
    return validateSheet(sheet, options);
  }
}

/**
 * A client over `spawn`; with `spawn` null, every check runs in the page (and `fallbackReason` says why).
 */
export function createCheckClient(spawn: SpawnWorker | null, fallbackReason: string | null = null): CheckClient {
  return new WorkerCheckClient(spawn, fallbackReason);
}

/** Workers where the host has them. The module naming the worker script loads only then (see spawnCheckWorker). */
function defaultSpawn(): SpawnWorker | null {
  if (typeof Worker !== "function") return null;
  return async () => {
    // "eager": no extra chunk for this tiny module, yet it is only evaluated here, never under jest.
    const { spawnCheckWorker } = await import(/* webpackMode: "eager" */ "./spawnCheckWorker");
    return spawnCheckWorker();
  };
}

let defaultClient: CheckClient | null = null;

/** The task pane's client, made on first use. */
export function checkClient(): CheckClient {
  defaultClient ??= createCheckClient(defaultSpawn(), "this host has no Web Workers");
  return defaultClient;
}

/** validateSheet, run off the UI thread where the host allows it. */
export function validateOffThread(sheet: SheetData, options: ValidateOptions): Promise<ValidationResult> {
  return checkClient().validate(sheet, options);
}
