/**
 * Inflates one zip entry through jszip's streaming interface while counting bytes, so that an
 * entry whose declared size lies is stopped once it passes the budget instead of filling memory.
 */
import type JSZip from "jszip";
import { XlsxRejectedError } from "./errors";
import { formatBytes } from "./limits";

/** jszip's public ZipObject#internalStream, which its type declarations leave out. */
interface StreamableEntry {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
}

function isStreamable(entry: JSZip.JSZipObject): entry is JSZip.JSZipObject & StreamableEntry {
  return typeof (entry as Partial<StreamableEntry>).internalStream === "function";
}

export interface InflateBudget {
  /** Bytes still allowed over the whole workbook. */
  remaining: number;
  /** The workbook-wide limit, for the message. */
  readonly limit: number;
}

/**
 * The inflated bytes of an entry (when keep is true; otherwise an empty array), charging them to
 * the budget. Throws XlsxRejectedError when the budget runs out or jszip cannot inflate the entry.
 */
export function inflateEntry(entry: JSZip.JSZipObject, budget: InflateBudget, keep: boolean): Promise<Uint8Array> {
  if (!isStreamable(entry)) throw new Error("jszip without ZipObject#internalStream: the guard needs jszip 3");
  const stream = entry.internalStream("uint8array");
  const chunks: Uint8Array[] = [];
  let size = 0;
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const fail = (error: XlsxRejectedError): void => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(error);
    };
    stream
      .on("data", (chunk) => {
        if (settled) return;
        size += chunk.length;
        budget.remaining -= chunk.length;
        if (budget.remaining < 0) {
          fail(new XlsxRejectedError("zip-bomb", `The workbook expands to more than ${formatBytes(budget.limit)} when opened (the limit; "${entry.name}" alone passes ${formatBytes(size)}); it is not read.`));
          return;
        }
        if (keep) chunks.push(chunk);
      })
      .on("error", (error) => {
        fail(new XlsxRejectedError("damaged", `The file is damaged: the zip entry "${entry.name}" cannot be unpacked (${error.message}). Open it in Excel and save it again.`));
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        resolve(concat(chunks, size));
      })
      .resume();
  });
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.length === 0 ? 0 : size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
