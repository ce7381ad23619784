/**
 * Text from the returns (ICS names, file names, reasons) goes into the page only through these: every character
 * that HTML or an attribute could read as markup is replaced by its entity, so a name such as `<script>` or
 * `"><img onerror=…>` shows as the text it is. The page has no scripts, and nothing else builds markup from data.
 */
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** The file's own name, without its folders: how the page names a return whose ICS name is blank. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The ICS as the page names it: its name, else its file's name. */
export function icsLabel(ics: { readonly icsName: string | null; readonly file: string }): string {
  const name = ics.icsName?.trim();
  return name !== undefined && name !== "" ? name : fileName(ics.file);
}
