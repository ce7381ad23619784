// Placeholder until the reader lands (being written now).
import type { ReadOptions, WorkbookData } from "../types";

export async function readXlsx(_bytes: Uint8Array, _options: ReadOptions = {}): Promise<WorkbookData> {
  throw new Error("readXlsx: not built yet");
}
