/**
 * The task pane: eight views over one workbook. It knows the workbook only through the WorkbookGateway it
 * is given (Office.js in Excel, exceljs in the workbench, a fake in tests), and gets from its entry point how
 * to validate (a Web Worker where there is one) and how to open a picked file, so every view runs the same
 * way everywhere.
 */
import { Suspense, useState } from "react";
import { FluentProvider, Spinner, Tab, TabList, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Validator } from "../app/checkReturn";
import type { WorkbookGateway } from "../app/gateway";
import type { OpenWorkbookFile } from "../app/mergeSources";
import { TRUSTS_SHEET } from "../core/returnSheets";
import type { ExportChannels } from "./exportChannels";
import { SheetPicker } from "./components/SheetPicker";
import { ViewErrorBoundary } from "./components/ViewErrorBoundary";
import { useSheetChoice } from "./hooks/useSheetChoice";
import { useValidation } from "./hooks/useValidation";
import { ColumnsView, CompareView, ExportView, MergeView, ScoresView, StampView, TemplateView } from "./views/lazyViews";
import { ValidateView } from "./views/ValidateView";

export type PaneTheme = "light" | "dark";

export const VIEWS = ["template", "merge", "columns", "validate", "scores", "export", "stamp", "compare"] as const;
export type ViewName = (typeof VIEWS)[number];

const VIEW_LABELS: Record<ViewName, string> = {
  template: "Template",
  merge: "Merge",
  columns: "Columns",
  validate: "Validate",
  scores: "Scores",
  export: "Export",
  stamp: "Stamp",
  compare: "Compare",
};

const useStyles = makeStyles({
  pane: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minHeight: "100vh", boxSizing: "border-box" },
  title: { fontSize: tokens.fontSizeBase500, margin: 0 },
  // Eight tabs do not fit a 350 px task pane on one line: let them wrap rather than scroll out of sight.
  tabs: { flexWrap: "wrap" },
});

export interface AppProps {
  readonly gateway: WorkbookGateway;
  /** Validates a sheet; the entry points run it in a Web Worker so the pane keeps painting. */
  readonly validate: Validator;
  /** Opens a workbook file the user picks on the Merge or Compare tab. */
  readonly openFile: OpenWorkbookFile;
  readonly theme?: PaneTheme;
  readonly initialView?: ViewName;
  /** What the host can do with an exported file (the entry works it out); left out, downloads work. */
  readonly exportChannels?: ExportChannels;
}

function isViewName(value: unknown): value is ViewName {
  return VIEWS.some((v) => v === value);
}

export function App({ gateway, validate, openFile, theme = "light", initialView = "validate", exportChannels }: AppProps) {
  const styles = useStyles();
  const [view, setView] = useState<ViewName>(initialView);
  const choice = useSheetChoice(gateway);
  const validation = useValidation(gateway, choice.sheet, validate);
  const { sheet } = choice;
  // After the template or a merge filled a Trusts sheet, or when the user asks to see the return: check that sheet.
  const showReturn = (name: string, next?: ViewName) => {
    validation.invalidate();
    void choice.refresh.run(name);
    if (next) setView(next);
  };

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <main className={styles.pane}>
        <h1 className={styles.title}>EPR Return</h1>
        <TabList className={styles.tabs} size="small" selectedValue={view} onTabSelect={(_, data) => { if (isViewName(data.value)) setView(data.value); }} aria-label="Views">
          {VIEWS.map((v) => (
            <Tab key={v} id={`tab-${v}`} value={v}>{VIEW_LABELS[v]}</Tab>
          ))}
        </TabList>
        {/* Merge always fills the Trusts sheet and picks its own sources. */}
        {view !== "template" && view !== "merge" ? <SheetPicker choice={choice} /> : null}
        <div role="tabpanel" aria-labelledby={`tab-${view}`}>
          <ViewErrorBoundary key={view}>
            {/* Every view but Validate (the one the pane opens on) loads on first use: see views/lazyViews.ts. */}
            <Suspense fallback={<Spinner size="small" label={`Loading ${VIEW_LABELS[view]}…`} />}>
              {view === "template" ? <TemplateView gateway={gateway} onInserted={(trusts) => showReturn(trusts)} onShowReturn={(trusts) => showReturn(trusts, "validate")} /> : null}
              {view === "merge" ? (
                <MergeView
                  gateway={gateway}
                  openFile={openFile}
                  onOpenTemplate={() => setView("template")}
                  onApplied={() => showReturn(TRUSTS_SHEET)}
                />
              ) : null}
              {view === "columns" ? <ColumnsView gateway={gateway} sheet={sheet} onMappingSaved={validation.invalidate} /> : null}
              {view === "validate" ? <ValidateView gateway={gateway} sheet={sheet} validation={validation} onOpenTemplate={() => setView("template")} /> : null}
              {view === "scores" ? <ScoresView gateway={gateway} sheet={sheet} validation={validation} /> : null}
              {view === "export" ? <ExportView gateway={gateway} sheet={sheet} validation={validation} channels={exportChannels} /> : null}
              {view === "stamp" ? <StampView gateway={gateway} sheet={sheet} validation={validation} /> : null}
              {view === "compare" ? <CompareView gateway={gateway} sheet={sheet} validation={validation} openFile={openFile} /> : null}
            </Suspense>
          </ViewErrorBoundary>
        </div>
      </main>
    </FluentProvider>
  );
}
