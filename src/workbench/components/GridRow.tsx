/**
 * One row of the workbench grid: its number, then its cells (text, the add-in's mark, a formula not yet computed, the
 * selection, the active cell and the cell being edited). A memo: moving the active cell redraws the rows it left and
 * entered only, so the keys stay quick on a grid of 500 rows.
 */
import { memo, type KeyboardEvent } from "react";
import { Input, mergeClasses } from "@fluentui/react-components";
import { cellAddress } from "../../core/cells";
import { textAt, type GridSheet } from "../gridModel";
import { useGridStyles } from "./gridStyles";

/** A cell being edited: Enter mode (typing replaced the cell; arrows finish the edit) or Edit mode (F2; arrows move the caret). */
export interface CellEdit {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  /** What the cell held when the edit began: an edit that changes nothing writes nothing. */
  readonly original: string;
  readonly mode: "enter" | "edit";
}

export interface CellEditor {
  readonly change: (text: string) => void;
  readonly keyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  readonly blur: () => void;
}

export interface GridRowProps {
  readonly grid: GridSheet;
  readonly row: number;
  readonly columns: number;
  /** The active cell's column when it is in this row. */
  readonly activeCol: number | null;
  /** The selected columns of this row, first to last; null when none is (numbers, not an object, for the memo). */
  readonly selectedFrom: number | null;
  readonly selectedTo: number | null;
  /** The edit in progress when it is in this row. */
  readonly edit: CellEdit | null;
  readonly editor: CellEditor;
}

const MARK_WORDS = { error: "marked as an error", warning: "marked as a warning", changed: "marked as changed" } as const;

/** The editor takes focus once, when it appears, with the caret after what is in it (the typed first character). */
function focusAtEnd(input: HTMLInputElement | null): void {
  if (input === null || input.ownerDocument.activeElement === input) return;
  input.focus({ preventScroll: true });
  input.setSelectionRange(input.value.length, input.value.length);
}

function GridRowView({ grid, row, columns, activeCol, selectedFrom, selectedTo, edit, editor }: GridRowProps) {
  const styles = useGridStyles();
  const cells = [];
  for (let col = 1; col <= columns; col++) {
    const address = cellAddress(row, col);
    const text = textAt(grid, row, col);
    const formula = grid.formulas.get(address);
    const mark = grid.marks.get(address);
    const isSelected = selectedFrom !== null && selectedTo !== null && col >= selectedFrom && col <= selectedTo;
    const isActive = col === activeCol;
    const editing = edit !== null && edit.col === col ? edit : null;
    const title = formula !== undefined ? `${address}: ${formula} (a formula: its value is worked out when the workbook is opened in Excel)` : text ? `${address}: ${text}` : address;
    cells.push(
      <td
        key={address}
        role="gridcell"
        data-address={address}
        data-mark={mark}
        data-selected={isSelected ? "true" : undefined}
        data-formula={formula !== undefined ? "true" : undefined}
        aria-selected={isSelected}
        tabIndex={isActive ? 0 : -1}
        title={title}
        className={mergeClasses(styles.cell, formula !== undefined ? styles.formula : undefined, mark ? styles[mark] : undefined, isSelected ? styles.selected : undefined, isActive ? styles.active : undefined)}
      >
        {editing ? (
          <Input
            ref={focusAtEnd}
            size="small"
            className={styles.editor}
            aria-label={`Edit ${address}`}
            value={editing.text}
            onChange={(_, data) => editor.change(data.value)}
            onKeyDown={editor.keyDown}
            onBlur={editor.blur}
          />
        ) : (
          (formula ?? text)
        )}
        {formula !== undefined && !editing ? <span className={styles.visuallyHidden}> (formula, not worked out here)</span> : null}
        {mark ? <span className={styles.visuallyHidden}> ({MARK_WORDS[mark]})</span> : null}
      </td>,
    );
  }
  return (
    <tr role="row">
      <th role="rowheader" scope="row" className={styles.rowHeader}>{row}</th>
      {cells}
    </tr>
  );
}

export const GridRow = memo(GridRowView);
