/**
 * The sheet on screen as a table from A1: column letters, row numbers, cell text, the add-in's marks
 * (red for errors, amber for warnings, as Excel shows them, and said in words for screen readers)
 * and the selected cell, scrolled into view when the task pane goes to it. Double-click edits a cell.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetters } from "../../core/cells";
import { MARK_STYLES } from "../../app/marks";
import { selectedCells, type GridSheet } from "../gridModel";

const HEADER_HEIGHT = "28px";
const ROW_HEADER_WIDTH = "48px";

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  table: { borderCollapse: "separate", borderSpacing: 0, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3, minWidth: ROW_HEADER_WIDTH },
  columnHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: HEADER_HEIGHT,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    minWidth: ROW_HEADER_WIDTH,
    textAlign: "right",
    paddingRight: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    maxWidth: "16rem",
    minWidth: "4rem",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    padding: `2px ${tokens.spacingHorizontalXS}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // Keeps a cell scrolled into view clear of the sticky headers.
    scrollMarginTop: HEADER_HEIGHT,
    scrollMarginLeft: ROW_HEADER_WIDTH,
    cursor: "cell",
  },
  // The fills Excel shows for the add-in's marks; dark text on them in either theme.
  error: { backgroundColor: MARK_STYLES.error.fill, color: "#000000" },
  warning: { backgroundColor: MARK_STYLES.warning.fill, color: "#000000" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

const MARK_WORDS = { error: "marked as an error", warning: "marked as a warning" } as const;

export interface SheetGridProps {
  readonly grid: GridSheet;
  /** The selected cell or range on this sheet, or null. */
  readonly selected: string | null;
  readonly onSelect: (address: string) => void;
  readonly onEdit: (address: string, text: string) => void;
}

export function SheetGrid({ grid, selected, onSelect, onEdit }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ address: string; text: string } | null>(null);
  const selection = useMemo(() => selectedCells(selected, grid.texts.length, grid.columnCount), [selected, grid]);
  const columns = useMemo(() => Array.from({ length: grid.columnCount }, (_, c) => columnLetters(c + 1)), [grid.columnCount]);

  useEffect(() => {
    if (selected === null) return;
    const first = [...selection][0];
    const cell = first ? scroller.current?.querySelector(`[data-address="${first}"]`) : null;
    cell?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selected, selection]);

  // The edit in progress, also in a ref: Enter and the blur that follows must write once, and Escape not at all.
  const editingRef = useRef(editing);
  function startEdit(next: { address: string; text: string } | null): void {
    editingRef.current = next;
    setEditing(next);
  }

  function commit(): void {
    const done = editingRef.current;
    startEdit(null);
    if (done) onEdit(done.address, done.text);
  }

  function editKeys(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === "Enter") commit();
    if (event.key === "Escape") startEdit(null);
  }

  return (
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={`Cells of ${grid.name}`} data-testid="grid">
      <table className={styles.table}>
        <caption className={styles.visuallyHidden}>{grid.name}</caption>
        <thead>
          <tr>
            <td className={styles.corner} />
            {columns.map((letters) => (
              <th key={letters} scope="col" className={styles.columnHeader}>{letters}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.texts.map((row, r) => (
            <tr key={r}>
              <th scope="row" className={styles.rowHeader}>{r + 1}</th>
              {columns.map((_, c) => {
                const address = cellAddress(r + 1, c + 1);
                const mark = grid.marks.get(address);
                const isSelected = selection.has(address);
                return (
                  <td
                    key={address}
                    data-address={address}
                    data-mark={mark}
                    data-selected={isSelected ? "true" : undefined}
                    title={row[c] ? `${address}: ${row[c]}` : address}
                    className={mergeClasses(styles.cell, mark ? styles[mark] : undefined, isSelected ? styles.selected : undefined)}
                    onClick={() => onSelect(address)}
                    onDoubleClick={() => startEdit({ address, text: row[c] ?? "" })}
                  >
                    {editing?.address === address ? (
                      <Input
                        size="small"
                        autoFocus
                        aria-label={`Edit ${address}`}
                        value={editing.text}
                        onChange={(_, data) => startEdit({ address, text: data.value })}
                        onKeyDown={editKeys}
                        onBlur={commit}
                      />
                    ) : (
                      row[c]
                    )}
                    {mark ? <span className={styles.visuallyHidden}> ({MARK_WORDS[mark]})</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
