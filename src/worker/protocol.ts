/**
 * The messages between the task pane and the checking worker, and the worker's side of the exchange as a
 * plain function (so tests run it without a worker). Messages travel by structured clone: a SheetData's
 * Dates arrive as Dates and its ErrorValues are plain objects, so the grid is the same on both sides.
 */
import type { SheetData } from "../core/cells";
import type { ValidateOptions, ValidationResult } from "../core/results";
import { validateSheet } from "../core/validate";

/** Validate one sheet. `id` pairs the reply with its request, so a reply to an older request is recognised. */
export interface CheckRequest {
  readonly kind: "validate";
  readonly id: number;
  readonly sheet: SheetData;
  readonly options: ValidateOptions;
}

export type CheckReply =
  | { readonly id: number; readonly ok: true; readonly result: ValidationResult }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Posted once by the worker when its script has loaded, so a later failure is known to be a crash, not a failed start. */
export interface ReadyMessage {
  readonly kind: "ready";
}

export const READY_MESSAGE: ReadyMessage = { kind: "ready" };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A shape check only: the worker receives messages from the task pane alone, this guards against mix-ups. */
export function isCheckRequest(value: unknown): value is CheckRequest {
  if (!isRecord(value) || value.kind !== "validate" || typeof value.id !== "number") return false;
  const { sheet, options } = value;
  return isRecord(sheet) && Array.isArray(sheet.rows) && isRecord(options) && typeof options.submitted === "string";
}

export function isReadyMessage(value: unknown): value is ReadyMessage {
  return isRecord(value) && value.kind === "ready";
}

export function isCheckReply(value: unknown): value is CheckReply {
  if (!isRecord(value) || typeof value.id !== "number") return false;
  return value.ok === true ? isRecord(value.result) : value.ok === false && typeof value.message === "string";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the worker posts back for a message: the result, or the failure as a readable message. */
export function answerCheckRequest(message: unknown): CheckReply {
  if (!isCheckRequest(message)) {
    const id = isRecord(message) && typeof message.id === "number" ? message.id : -1;
    return { id, ok: false, message: "The checker received a message it does not understand." };
  }
  try {
    return { id: message.id, ok: true, result: validateSheet(message.sheet, message.options) };
  } catch (error) {
    // The worker has no one else to tell: the failure travels back to the task pane, which shows it.
    return { id: message.id, ok: false, message: `Checking the sheet failed: ${messageOf(error)}` };
  }
}
