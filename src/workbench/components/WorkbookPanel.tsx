/**
 * The open workbook's grid: the sheet on screen with room to type below its used range (and Add rows for more), what
 * is selected, a note when the sheet is cut, and the sheet tabs.
 */
import { useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { columnLetters } from "../../core/cells";
import { parseRangeBounds } from "../../core/sheet/addresses";
import { FailureBar } from "../../ui/components/FailureBar";
import { shownSize } from "../gridModel";
import { useWorkbookView } from "../hooks/useWorkbookView";
import type { WorkbenchGateway } from "../loadSession";
import { SheetGrid } from "./SheetGrid";
import { SheetTabs } from "./SheetTabs";

/** Rows one press of Add rows adds. */
export const ROWS_PER_ADD = 10;

const useStyles = makeStyles({
  // Positioned, so that the visually hidden announcement is placed (and clipped) within it, not the page.
  panel: { position: "relative", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, flexGrow: 1, minHeight: 0, minWidth: 0 },
  status: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalL, flexWrap: "wrap", minHeight: "1.5em" },
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

function cutNote(rows: number, columns: number, totalRows: number, totalColumns: number): string | null {
  const parts: string[] = [];
  if (totalRows > rows) parts.push(`rows 1–${rows} of ${totalRows.toLocaleString("en-GB")}`);
  if (totalColumns > columns) parts.push(`columns A–${columnLetters(columns)} of ${columnLetters(totalColumns)}`);
  return parts.length === 0 ? null : `This sheet is big: the grid shows ${parts.join(" and ")}. The task pane reads all of it.`;
}

export interface WorkbookPanelProps {
  readonly gateway: WorkbenchGateway;
  /** Called after each of the user's edits in the grid. */
  readonly onEdited?: () => void;
}

export function WorkbookPanel({ gateway, onEdited }: WorkbookPanelProps) {
  const styles = useStyles();
  const view = useWorkbookView(gateway, onEdited);
  const { grid, selection, active } = view;
  const [added, setAdded] = useState<{ sheet: string; first: number; last: number } | null>(null);
  const selectedHere = selection !== null && active !== null && selection.sheet === active ? selection.address : null;
  const note = grid ? cutNote(grid.texts.length, grid.columnCount, grid.totalRows, grid.totalColumns) : null;
  const shown = grid ? shownSize(grid, view.addedRows) : null;
  const selectedBounds = selectedHere === null ? null : parseRangeBounds(selectedHere);
  const beyondGrid = shown !== null && selectedBounds !== null && (selectedBounds.firstRow > shown.rows || selectedBounds.firstCol > shown.columns);
  const canAddRows = grid !== null && shown !== null && shown.rows < grid.limits.rows && note === null;

  function addRows(): void {
    if (grid === null || shown === null) return;
    const count = Math.min(ROWS_PER_ADD, grid.limits.rows - shown.rows);
    view.addRows(count);
    setAdded({ sheet: grid.name, first: shown.rows + 1, last: shown.rows + count });
  }

  function showRow(row: number): void {
    if (shown !== null && row > shown.rows) view.addRows(row - shown.rows);
  }

  const addedHere = added !== null && added.sheet === active ? added : null;
  return (
    <div className={styles.panel}>
      <div className={styles.status}>
        <Text role="status" data-testid="selection">{selection ? `Selected: ${selection.sheet}!${selection.address}${beyondGrid ? " (beyond the part of the sheet shown)" : ""}` : "No cell selected"}</Text>
        {note ? <Text data-testid="cut-note">{note}</Text> : null}
        {grid !== null ? (
          <Button size="small" disabled={!canAddRows} onClick={addRows} title={canAddRows ? `Shows ${ROWS_PER_ADD} more blank rows at the bottom of the grid, to type into` : `The grid shows at most ${grid.limits.rows} rows`}>
            Add {ROWS_PER_ADD} rows
          </Button>
        ) : null}
        <span className={styles.visuallyHidden} aria-live="polite">{addedHere ? `Rows ${addedHere.first} to ${addedHere.last} added at the bottom of ${addedHere.sheet}.` : ""}</span>
      </div>
      <FailureBar what="Could not show the sheet" error={view.readError} hint="Choose the sheet again, or reopen the file." />
      <FailureBar what="Could not change the cell" error={view.editError} hint="Try the edit again." onDismiss={view.dismissEditError} />
      {grid !== null && shown !== null ? (
        <SheetGrid
          key={grid.name}
          grid={grid}
          shown={shown}
          selected={selectedHere}
          onSelect={view.select}
          onEdit={view.edit}
          onShowRow={showRow}
          reveal={addedHere?.last ?? null}
        />
      ) : null}
      <SheetTabs sheets={view.sheets} active={active} onShow={view.show} />
    </div>
  );
}
