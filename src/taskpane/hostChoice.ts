/**
 * Which gateway a page should run the task pane over. Inside Excel, Office.onReady reports a host and the
 * pane runs over Office.js. Opened in a plain browser (taskpane.html outside Office), it reports none: the
 * page can send the user to the workbench, which runs the same pane over an .xlsx file in the browser.
 * The workbench page itself never loads Office.js.
 */
export type PaneHost = "office" | "workbench";

/** From Office.onReady's info: a host (Excel) means the Office gateway; none means the workbench. */
export function paneHostFor(info: { readonly host?: unknown } | null | undefined): PaneHost {
  return info?.host === null || info?.host === undefined ? "workbench" : "office";
}

/** The workbench's address beside a page (e.g. taskpane.html), keeping the page's query (?theme=dark). */
export function workbenchAddressFor(pageAddress: string): string {
  const page = new URL(pageAddress);
  const workbench = new URL("workbench.html", page);
  workbench.search = page.search;
  return workbench.href;
}
