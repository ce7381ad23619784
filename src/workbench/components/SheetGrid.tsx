/**
 * The sheet on screen as a grid from A1, used as Excel's: click or the arrow keys move the active cell (Ctrl+arrow to
 * the edge of the data, Home, Ctrl+Home, Ctrl+End, Page Up/Down), Tab and Enter move across and down, typing replaces
 * the active cell, F2 or a double-click edits it, Enter or Tab keeps the edit and moves on, Escape drops it, Delete
 * clears the selected cells. Tab at the end of a row, and Shift+Tab at column A, leave the grid (no keyboard trap).
 * Marks show in Excel's red and amber (and in words for screen readers); a formula not yet worked out shows as the
 * formula. The selected cell is scrolled into view when the task pane goes to it. An ARIA grid: one Tab stop, the
 * active cell.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { cellAddress, columnLetters, parseAddress } from "../../core/cells";
import { parseRangeBounds, type RangeBounds } from "../../core/sheet/addresses";
import { editText, isFilled, type GridLimits, type GridSheet, type TypedCell } from "../gridModel";
import { entered, moved, moveForKey, tabbed, type CellPosition } from "../gridMoves";
import { GridRow, type CellEdit, type CellEditor } from "./GridRow";
import { useGridStyles } from "./gridStyles";

export interface SheetGridProps {
  readonly grid: GridSheet;
  /** The rows and columns the grid shows (gridModel's shownSize). */
  readonly shown: GridLimits;
  /** The selected cell or range on this sheet, or null. */
  readonly selected: string | null;
  readonly onSelect: (address: string) => void;
  readonly onEdit: (cells: readonly TypedCell[]) => void;
  /** Moving below the rows shown: the grid should show rows down to `row`. */
  readonly onShowRow: (row: number) => void;
  /** A row to scroll into view (the first of rows just added), or null. */
  readonly reveal?: number | null;
}

/**
 * Tells Fluent's focus manager (tabster) to leave Tab to the grid: otherwise it may move focus on Tab itself, before
 * the grid's own handler sees the key. What the attribute holds is tabster's documented `focusable.ignoreKeydown`.
 */
const LEAVE_TAB_TO_GRID = JSON.stringify({ focusable: { ignoreKeydown: { Tab: true } } });

export const GRID_KEYS_HINT =
  "Arrow keys, Tab and Enter move between cells. Type to replace a cell, or press F2 to edit it; Enter keeps the change, Escape cancels it. Delete clears the selected cells.";

/** A key that types a character (AltGr's characters too), not a shortcut. */
function typesCharacter(event: KeyboardEvent): boolean {
  if (event.key.length !== 1 || event.metaKey) return false;
  return (!event.ctrlKey && !event.altKey) || event.getModifierState("AltGraph");
}

function positionOf(target: EventTarget): CellPosition | null {
  const cell = target instanceof Element ? target.closest("td[data-address]") : null;
  return cell ? parseAddress(cell.getAttribute("data-address") ?? "") : null;
}

function activeCell(bounds: RangeBounds | null, shown: GridLimits): CellPosition {
  return bounds !== null && bounds.firstRow <= shown.rows && bounds.firstCol <= shown.columns ? { row: bounds.firstRow, col: bounds.firstCol } : { row: 1, col: 1 };
}

export function SheetGrid({ grid, shown, selected, onSelect, onEdit, onShowRow, reveal = null }: SheetGridProps) {
  const styles = useGridStyles();
  const hintId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const bounds = useMemo(() => (selected === null ? null : parseRangeBounds(selected)), [selected]);
  const active = activeCell(bounds, shown);
  const [edit, setEditState] = useState<CellEdit | null>(null);
  // The edit also in a ref: Enter and the blur that follows must write once, and Escape not at all.
  const editRef = useRef(edit);
  // Set by a move from the keyboard: the active cell takes focus once drawn (never when the task pane selects a cell).
  const focusPending = useRef(false);
  // The column a run of Tabs started from, where Enter goes back to (as Excel does).
  const tabAnchor = useRef<number | null>(null);

  function setEdit(next: CellEdit | null): void {
    editRef.current = next;
    setEditState(next);
  }

  function cellElement(at: CellPosition): HTMLElement | null {
    return scroller.current?.querySelector<HTMLElement>(`td[data-address="${cellAddress(at.row, at.col)}"]`) ?? null;
  }

  useEffect(() => {
    if (bounds === null) return;
    cellElement({ row: bounds.firstRow, col: bounds.firstCol })?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [bounds]);

  useEffect(() => {
    if (reveal !== null) cellElement({ row: reveal, col: 1 })?.scrollIntoView({ block: "nearest" });
  }, [reveal]);

  useLayoutEffect(() => {
    if (!focusPending.current || editRef.current !== null) return;
    const cell = cellElement(active);
    if (cell === null) return;
    focusPending.current = false;
    cell.focus({ preventScroll: true });
  });

  function go(to: CellPosition): void {
    if (to.row > shown.rows) onShowRow(to.row);
    focusPending.current = true;
    onSelect(cellAddress(to.row, to.col));
  }

  function begin(at: CellPosition, text: string, mode: CellEdit["mode"]): void {
    setEdit({ row: at.row, col: at.col, text, original: editText(grid, at.row, at.col), mode });
  }

  /** Ends the edit; writes it when it changed the cell. */
  function finish(): CellEdit | null {
    const done = editRef.current;
    if (done === null) return null;
    setEdit(null);
    if (done.text !== done.original) onEdit([{ address: cellAddress(done.row, done.col), text: done.text }]);
    return done;
  }

  function clearSelected(): void {
    const area = bounds ?? { firstRow: active.row, lastRow: active.row, firstCol: active.col, lastCol: active.col };
    const cleared: TypedCell[] = [];
    for (let row = area.firstRow; row <= Math.min(area.lastRow, shown.rows); row++) {
      for (let col = area.firstCol; col <= Math.min(area.lastCol, shown.columns); col++) {
        if (isFilled(grid, row, col)) cleared.push({ address: cellAddress(row, col), text: "" });
      }
    }
    if (cleared.length > 0) onEdit(cleared);
  }

  function cellKeyDown(event: KeyboardEvent<HTMLTableElement>): void {
    // The editor's keys are its own (editorKeyDown).
    if (!(event.target instanceof HTMLTableCellElement) || editRef.current !== null) return;
    // From the cell that has focus: the active cell, unless the task pane selected a range meanwhile.
    const from = positionOf(event.target) ?? active;
    const move = event.altKey ? null : moveForKey(event.key, event.ctrlKey || event.metaKey);
    if (move !== null) {
      event.preventDefault();
      tabAnchor.current = null;
      go(moved(grid, shown, from, move));
      return;
    }
    switch (event.key) {
      case "Tab": {
        const to = tabbed(shown, from, event.shiftKey);
        // At the row's end Tab leaves the grid, as the browser moves focus on.
        if (to === null) {
          tabAnchor.current = null;
          return;
        }
        event.preventDefault();
        tabAnchor.current ??= from.col;
        go(to);
        return;
      }
      case "Enter": {
        event.preventDefault();
        const to = entered(grid, from, event.shiftKey, tabAnchor.current);
        tabAnchor.current = null;
        go(to);
        return;
      }
      case "F2":
        event.preventDefault();
        begin(from, editText(grid, from.row, from.col), "edit");
        return;
      case "Delete":
        event.preventDefault();
        clearSelected();
        return;
      case "Backspace":
        // As in Excel: clears the cell and starts typing in it (nothing is written until Enter).
        event.preventDefault();
        begin(from, "", "enter");
        return;
    }
    if (typesCharacter(event)) {
      event.preventDefault();
      begin(from, event.key, "enter");
    }
  }

  function editorKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const current = editRef.current;
    if (current === null) return;
    const at: CellPosition = { row: current.row, col: current.col };
    if (event.key === "Enter") {
      event.preventDefault();
      finish();
      const to = entered(grid, at, event.shiftKey, tabAnchor.current);
      tabAnchor.current = null;
      go(to);
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish();
      const to = tabbed(shown, at, event.shiftKey);
      if (to !== null) tabAnchor.current ??= at.col;
      go(to ?? at);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setEdit(null);
      go(at);
    } else if (current.mode === "enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing that replaced the cell ends at an arrow, which moves on; in Edit mode (F2) arrows move the caret.
      const move = moveForKey(event.key, false);
      if (move === null || move.kind !== "step") return;
      event.preventDefault();
      finish();
      tabAnchor.current = null;
      go(moved(grid, shown, at, move));
    }
  }

  const latestEditor: CellEditor = {
    change: (text) => {
      if (editRef.current !== null) setEdit({ ...editRef.current, text });
    },
    keyDown: editorKeyDown,
    // Clicking elsewhere keeps the edit, as in Excel.
    blur: () => void finish(),
  };
  // The rows get one editor object for good (so their memo holds), which calls this render's handlers.
  const handlers = useRef(latestEditor);
  handlers.current = latestEditor;
  const editor = useMemo<CellEditor>(
    () => ({ change: (text) => handlers.current.change(text), keyDown: (event) => handlers.current.keyDown(event), blur: () => handlers.current.blur() }),
    [],
  );

  function click(event: MouseEvent<HTMLTableElement>): void {
    const at = positionOf(event.target);
    if (at === null || (editRef.current?.row === at.row && editRef.current.col === at.col)) return;
    tabAnchor.current = null;
    onSelect(cellAddress(at.row, at.col));
  }

  function doubleClick(event: MouseEvent<HTMLTableElement>): void {
    const at = positionOf(event.target);
    if (at === null || editRef.current !== null) return;
    onSelect(cellAddress(at.row, at.col));
    begin(at, editText(grid, at.row, at.col), "edit");
  }

  const columns = useMemo(() => Array.from({ length: shown.columns }, (_, c) => columnLetters(c + 1)), [shown.columns]);
  const rows = [];
  for (let row = 1; row <= shown.rows; row++) {
    const inSelection = bounds !== null && row >= bounds.firstRow && row <= bounds.lastRow;
    rows.push(
      <GridRow
        key={row}
        grid={grid}
        row={row}
        columns={shown.columns}
        activeCol={row === active.row ? active.col : null}
        selectedFrom={inSelection ? bounds.firstCol : null}
        selectedTo={inSelection ? bounds.lastCol : null}
        edit={edit !== null && edit.row === row ? edit : null}
        editor={editor}
      />,
    );
  }

  return (
    <div ref={scroller} className={styles.scroller} data-testid="grid">
      <p id={hintId} className={styles.visuallyHidden}>{GRID_KEYS_HINT}</p>
      <table role="grid" aria-label={`Cells of ${grid.name}`} aria-describedby={hintId} data-tabster={LEAVE_TAB_TO_GRID} className={styles.table} onKeyDown={cellKeyDown} onClick={click} onDoubleClick={doubleClick}>
        <thead>
          <tr role="row">
            <th role="columnheader" scope="col" className={styles.corner}>
              <span className={styles.visuallyHidden}>Row</span>
            </th>
            {columns.map((letters) => (
              <th key={letters} role="columnheader" scope="col" className={styles.columnHeader}>{letters}</th>
            ))}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}
