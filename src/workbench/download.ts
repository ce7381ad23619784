/** Hands bytes to the browser as a file download (the workbench's Save). */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadBytes(bytes: Uint8Array, fileName: string, mimeType = XLSX_MIME): void {
  // A copy into a fresh ArrayBuffer: Blob wants ArrayBuffer-backed views, and the caller may reuse its buffer.
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The name a saved workbook gets: the opened file's name, else "EPR return.xlsx". */
export function saveName(opened: string | null): string {
  if (opened === null || opened.trim() === "") return "EPR return.xlsx";
  return /\.xlsx$/i.test(opened) ? opened : `${opened.replace(/\.[^.]*$/, "")}.xlsx`;
}
