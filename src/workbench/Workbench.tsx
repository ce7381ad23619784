/**
 * The workbench: the real task pane (App) beside a grid of a workbook held in the browser by the exceljs
 * gateway, so the add-in can be used, shown and tested without Excel. Open a file (.xlsx, .xlsm, .xls, .ods or
 * .csv, read by the reader every host shares; button or drag and drop), a blank workbook or an example; fill it in
 * in the grid; Save downloads the workbook's values with the pane's changes as .xlsx, after naming what of the file
 * it cannot keep. Unsaved changes are asked about before another workbook replaces them, or the page is left.
 * The page never scrolls sideways: the grid and the sheet tabs scroll in their own boxes.
 */
import { useEffect, useState, type DragEvent } from "react";
import { FluentProvider, Spinner, Text, makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { openWorkbookBytes } from "../files/openLazily";
import { App } from "../ui/App";
import { DOWNLOADS_WORK } from "../ui/exportChannels";
import { validateOffThread } from "../worker/checkClient";
import { FailureBar } from "../ui/components/FailureBar";
import { saveName } from "./download";
import { SaveWarningDialog } from "./components/SaveWarningDialog";
import { WorkbenchToolbar } from "./components/Toolbar";
import { UnsavedChangesDialog } from "./components/UnsavedChangesDialog";
import { WorkbookPanel } from "./components/WorkbookPanel";
import { openedWhat, useWorkbook } from "./hooks/useWorkbook";
import { useWarnBeforeLeaving } from "./hooks/useWarnBeforeLeaving";
import type { WorkbenchOptions } from "./urlOptions";

/** What the workbench calls a blank workbook it made, until it is saved under a name. */
const NEW_WORKBOOK = "New workbook";

/** The width Excel gives a task pane by default. */
export const PANE_WIDTH = "350px";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  dragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  title: { fontSize: tokens.fontSizeBase400, margin: 0 },
  body: { display: "flex", flexGrow: 1, minHeight: 0, minWidth: 0 },
  sheetArea: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, padding: tokens.spacingHorizontalS, gap: tokens.spacingVerticalXS },
  pane: { width: PANE_WIDTH, flexShrink: 0, overflowY: "auto", borderLeft: `1px solid ${tokens.colorNeutralStroke1}` },
  placeholder: { padding: tokens.spacingHorizontalM },
});

function hasFiles(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes("Files");
}

export function Workbench({ options }: { readonly options: WorkbenchOptions }) {
  const styles = useStyles();
  const books = useWorkbook();
  const { workbook, opening, saving, open } = books;
  const [dragging, setDragging] = useState(false);
  useWarnBeforeLeaving(books.unsaved);

  // The page's first workbook, from its address: nothing is open yet, so nothing to ask about.
  const { run: openAtOnce } = opening;
  useEffect(() => {
    if (options.example !== null) void openAtOnce({ kind: "example", example: options.example });
  }, [options.example, openAtOnce]);

  function dragOver(event: DragEvent<HTMLDivElement>): void {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function dragLeave(event: DragEvent<HTMLDivElement>): void {
    // Leaving for a child of the page is not leaving the page.
    if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setDragging(false);
  }

  function drop(event: DragEvent<HTMLDivElement>): void {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) open({ kind: "file", file });
  }

  return (
    <FluentProvider theme={options.theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={mergeClasses(styles.root, dragging ? styles.dragging : undefined)} onDragOver={dragOver} onDragLeave={dragLeave} onDrop={drop} data-testid="workbench">
        <header className={styles.header}>
          <h1 className={styles.title}>EPR Return workbench</h1>
          <WorkbenchToolbar busy={opening.running || saving.running} canSave={workbook !== null} onOpen={open} onSave={books.save} />
          <Text data-testid="file-name">{workbook ? (workbook.fileName ?? NEW_WORKBOOK) : "No workbook open"}</Text>
          {books.unsaved ? <Text italic data-testid="unsaved">Unsaved changes</Text> : null}
          {opening.running ? <Spinner size="tiny" label="Opening…" /> : null}
        </header>
        <FailureBar what="Could not open the workbook" error={opening.error} hint="Choose an .xlsx, .xlsm, .xls, .ods or .csv file saved by Excel (or another spreadsheet program)." onDismiss={opening.dismissError} />
        <FailureBar what="Could not save the workbook" error={saving.error} hint="Try Save again." onDismiss={saving.dismissError} />
        <SaveWarningDialog lost={books.confirmingSave} fileName={saveName(workbook?.fileName ?? null)} onSave={books.confirmSave} onCancel={books.cancelSave} />
        <UnsavedChangesDialog
          open={books.replacing !== null}
          current={workbook?.fileName ?? NEW_WORKBOOK}
          next={books.replacing ? openedWhat(books.replacing) : ""}
          onSave={books.saveThenOpen}
          onDiscard={books.discardAndOpen}
          onCancel={books.keepWorking}
        />
        <div className={styles.body}>
          <section className={styles.sheetArea} aria-label="Workbook">
            {workbook ? (
              <WorkbookPanel key={workbook.generation} gateway={workbook.gateway} onEdited={books.edited} />
            ) : (
              <Text as="p" block>Open a workbook (.xlsx, .xlsm, .xls, .ods or .csv; or drop one on this page), start a new blank workbook, or open an example. Nothing leaves your browser.</Text>
            )}
          </section>
          <div className={styles.pane} data-testid="task-pane">
            {workbook ? (
              <App key={workbook.generation} gateway={workbook.paneGateway} validate={validateOffThread} openFile={openWorkbookBytes} theme={options.theme} exportChannels={DOWNLOADS_WORK} {...(options.view ? { initialView: options.view } : {})} />
            ) : (
              <Text as="p" block className={styles.placeholder}>The task pane appears here once a workbook is open.</Text>
            )}
          </div>
        </div>
      </div>
    </FluentProvider>
  );
}
