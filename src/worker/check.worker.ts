/**
 * The checking worker: validates each sheet posted to it and posts back the result (see ./protocol).
 * It runs in a DedicatedWorkerGlobalScope; the project's types are the page's (lib "DOM"), whose global
 * addEventListener and one-argument postMessage have the same shape as the worker scope's.
 */
import { answerCheckRequest, READY_MESSAGE } from "./protocol";

addEventListener("message", (event: MessageEvent<unknown>) => {
  postMessage(answerCheckRequest(event.data));
});

postMessage(READY_MESSAGE);
