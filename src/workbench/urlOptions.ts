/**
 * The workbench's address options, so a link (or an end-to-end test) opens it in a given state:
 *   ?theme=dark              the dark theme (task pane and grid)
 *   ?view=scores             the task pane's first view
 *   ?example=clean-ics-return  opens a shipped example at once
 * Unknown or misspelt values are ignored (the defaults apply).
 */
import { VIEWS, type PaneTheme, type ViewName } from "../ui/App";
import { EXAMPLE_IDS, type ExampleId } from "./exampleIds";

export interface WorkbenchOptions {
  readonly theme: PaneTheme;
  readonly view: ViewName | undefined;
  readonly example: ExampleId | null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

export function parseWorkbenchOptions(search: string): WorkbenchOptions {
  const params = new URLSearchParams(search);
  return {
    theme: params.get("theme") === "dark" ? "dark" : "light",
    view: oneOf(VIEWS, params.get("view")),
    example: oneOf(EXAMPLE_IDS, params.get("example")) ?? null,
  };
}
