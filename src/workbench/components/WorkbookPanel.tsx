/** The open workbook's grid: the sheet on screen, what is selected, a note when the sheet is cut, and the sheet tabs. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { columnLetters } from "../../core/cells";
import { parseRangeBounds } from "../../core/sheet/addresses";
import { FailureBar } from "../../ui/components/FailureBar";
import { useWorkbookView } from "../hooks/useWorkbookView";
import type { WorkbenchGateway } from "../loadSession";
import { SheetGrid } from "./SheetGrid";
import { SheetTabs } from "./SheetTabs";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, flexGrow: 1, minHeight: 0 },
  status: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap", minHeight: "1.5em" },
});

function cutNote(rows: number, columns: number, totalRows: number, totalColumns: number): string | null {
  const parts: string[] = [];
  if (totalRows > rows) parts.push(`rows 1–${rows} of ${totalRows.toLocaleString("en-GB")}`);
  if (totalColumns > columns) parts.push(`columns A–${columnLetters(columns)} of ${columnLetters(totalColumns)}`);
  return parts.length === 0 ? null : `This sheet is big: the grid shows ${parts.join(" and ")}. The task pane reads all of it.`;
}

export function WorkbookPanel({ gateway }: { readonly gateway: WorkbenchGateway }) {
  const styles = useStyles();
  const view = useWorkbookView(gateway);
  const { grid, selection, active } = view;
  const selectedHere = selection !== null && active !== null && selection.sheet === active ? selection.address : null;
  const note = grid ? cutNote(grid.texts.length, grid.columnCount, grid.totalRows, grid.totalColumns) : null;
  const selectedBounds = selectedHere === null ? null : parseRangeBounds(selectedHere);
  const beyondGrid = grid !== null && selectedBounds !== null && (selectedBounds.firstRow > grid.texts.length || selectedBounds.firstCol > grid.columnCount);

  return (
    <div className={styles.panel}>
      <div className={styles.status}>
        <Text role="status" data-testid="selection">{selection ? `Selected: ${selection.sheet}!${selection.address}${beyondGrid ? " (beyond the part of the sheet shown)" : ""}` : "No cell selected"}</Text>
        {note ? <Text data-testid="cut-note">{note}</Text> : null}
      </div>
      <FailureBar what="Could not show the sheet" error={view.readError} hint="Choose the sheet again, or reopen the file." />
      <FailureBar what="Could not change the cell" error={view.edit.error} hint="Try the edit again." onDismiss={view.edit.dismissError} />
      {grid ? (
        grid.texts.length === 0 ? (
          <Text as="p" block>{grid.name} is empty.</Text>
        ) : (
          <SheetGrid grid={grid} selected={selectedHere} onSelect={view.select} onEdit={(address, text) => void view.edit.run(address, text)} />
        )
      ) : null}
      <SheetTabs sheets={view.sheets} active={active} onShow={view.show} />
    </div>
  );
}
