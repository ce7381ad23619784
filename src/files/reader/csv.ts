// Placeholder until the reader lands (being written now).
import type { ReadOptions, WorkbookData } from "./types";

export async function readCsv(_bytes: Uint8Array, _options: ReadOptions = {}): Promise<WorkbookData> {
  throw new Error("readCsv: not built yet");
}
