/** Export of the return's canonical data (CSV and JSON). */
export { exportCsv, exportCsvPieces, csvText } from "./csv";
export { exportJson, exportJsonPieces, exportDocument, escapeInvisibleControls, EXPORT_FORMAT } from "./json";
export type { ExportDocument, ExportedTrust } from "./json";
