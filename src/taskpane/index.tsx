/**
 * The task pane's entry: once Office is ready, render the pane over the Office.js gateway, in Office's theme,
 * validating in a Web Worker; files dropped on the Merge tab open with exceljs, loaded on first use. What the
 * host can do with an exported file comes from its platform (onReady's info.platform, as Office.context.platform:
 * exportChannels.ts). In Internet Explorer's webview this bundle never runs: taskpane.html and webview-check.js
 * show a message instead.
 */
import { createRoot } from "react-dom/client";
import { openWorkbookBytes } from "../files/openLazily";
import { createOfficeGateway } from "../office/officeGateway";
import { App } from "../ui/App";
import { paneThemeFor } from "../ui/theme";
import { validateOffThread } from "../worker/checkClient";
import { exportChannelsFor } from "./exportChannels";
import { paneHostFor, workbenchAddressFor } from "./hostChoice";

function officeTheme(): Office.OfficeTheme | undefined {
  // officeTheme is missing in some hosts and versions (e.g. Excel on the web before 2024): then light.
  return Office.context?.officeTheme ?? undefined;
}

void Office.onReady((info) => {
  // Opened in a plain browser rather than Excel: the workbench runs this same pane over an .xlsx file.
  if (paneHostFor(info) === "workbench") {
    window.location.replace(workbenchAddressFor(window.location.href));
    return;
  }
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <App gateway={createOfficeGateway()} validate={validateOffThread} openFile={openWorkbookBytes} theme={paneThemeFor(officeTheme())} exportChannels={exportChannelsFor(info.platform ?? Office.context?.platform)} />,
  );
});
