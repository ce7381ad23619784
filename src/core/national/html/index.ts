/** The national report as one self-contained HTML page (OUT.html). */
export { reportPage } from "./page";
export { escapeHtml } from "./escape";
