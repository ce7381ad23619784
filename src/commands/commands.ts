/**
 * Ribbon commands. The manifest's only button opens the task pane
 * (ShowTaskpane), which needs no code here. This bundle still runs in the
 * shared runtime (taskpane.html loads it, and <FunctionFile> points at that
 * page), so it is where ExecuteFunction handlers would be associated.
 */

/** Waits for Office.js, when the page runs inside Office; outside Office (a plain browser) there is nothing to wait for. */
export function initialiseCommands(): Promise<unknown> {
  if (typeof Office === "undefined") return Promise.resolve(null);
  return Office.onReady();
}

void initialiseCommands();
