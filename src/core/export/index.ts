/** Export of the return's canonical data (CSV and JSON). */
export { exportCsv, csvText } from "./csv";
export { exportJson, exportDocument, EXPORT_FORMAT } from "./json";
export type { ExportDocument, ExportedTrust } from "./json";
