// Placeholder until the reader lands (being written now).
import type { ReadOptions, WorkbookData } from "./types";

export async function readWithSheetJs(_bytes: Uint8Array, _kind: "xls" | "ods", _options: ReadOptions = {}): Promise<WorkbookData> {
  throw new Error("readWithSheetJs: not built yet");
}
