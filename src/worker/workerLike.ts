/** The part of a Web Worker the check client uses: a real Worker fits; tests pass a fake. */

export interface WorkerMessage {
  readonly data: unknown;
}

export interface WorkerError {
  /** The browser's description; often empty when the script failed to load. */
  readonly message?: string;
}

/** The part of a Web Worker the client uses (a real Worker fits; tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: "message" | "messageerror", listener: (event: WorkerMessage) => void): void;
  addEventListener(type: "error", listener: (event: WorkerError) => void): void;
}

/** Starts a checking worker; may throw or reject when the host cannot run one. */
export type SpawnWorker = () => WorkerLike | Promise<WorkerLike>;
