/**
 * The workbench's entry (workbench.html): the task pane over a workbook file in the browser, no Excel and no
 * Office.js. Excel loads src/taskpane/index.tsx instead, over the Office.js gateway.
 */
import { createRoot } from "react-dom/client";
import { parseWorkbenchOptions } from "./urlOptions";
import { Workbench } from "./Workbench";

const container = document.getElementById("container");
if (!container) throw new Error("workbench.html has no #container element");
const options = parseWorkbenchOptions(window.location.search);
document.documentElement.style.colorScheme = options.theme;
// No StrictMode: the pane runs here exactly as in Excel (src/taskpane/index.tsx renders it without).
createRoot(container).render(<Workbench options={options} />);
