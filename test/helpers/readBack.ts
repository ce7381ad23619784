/** Reading bytes back as the product reads them (src/files/reader): for tests that check what a writer wrote by its values. */
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { readWorkbookBytes, ReadOnlyWorkbook, type ReadOptions } from "../../src/files/reader";

/** The bytes as the command line and Merge read them. */
export async function readBack(bytes: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<ReadOnlyWorkbook> {
  return new ReadOnlyWorkbook(await readWorkbookBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), options));
}

/** The bytes as the workbench opens them (src/workbench/session.ts): the reader's result held by the exceljs gateway. */
export async function openInWorkbench(bytes: Uint8Array | ArrayBuffer): Promise<XlsxGateway> {
  return XlsxGateway.fromWorkbookData(await readWorkbookBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));
}
