/**
 * Starts the checking worker. The only module that names the worker script: webpack 5 turns
 * `new Worker(new URL("./check.worker.ts", import.meta.url))` into a separate worker chunk. `import.meta`
 * does not compile to CommonJS (jest), so checkClient loads this module only where `Worker` exists.
 */
import type { WorkerLike } from "./workerLike";

export function spawnCheckWorker(): WorkerLike {
  return new Worker(/* webpackChunkName: "check-worker" */ new URL("./check.worker.ts", import.meta.url));
}
