/**
 * What the grid shows of the open workbook: its sheets, the sheet on screen, that sheet's cells and marks,
 * the selected cell, and the rows added below each sheet's used range. Follows the gateway: any change re-reads the
 * sheet, and the task pane's "go to cell" (gateway.selectCell) switches to that sheet and selects the cell.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SheetInfo } from "../../app/gateway";
import { messageOf } from "../../ui/hooks/useOperation";
import type { GridSheet, TypedCell } from "../gridModel";
import { loadSession, type WorkbenchGateway } from "../loadSession";

export interface GridSelection {
  readonly sheet: string;
  readonly address: string;
}

export interface WorkbookView {
  readonly sheets: readonly SheetInfo[];
  readonly active: string | null;
  readonly show: (sheet: string) => void;
  readonly grid: GridSheet | null;
  readonly selection: GridSelection | null;
  readonly select: (address: string) => void;
  /**
   * Writes what the user typed into cells of the sheet on screen, as Excel stores what is typed (session's
   * writeTypedCells: a user's edit, which the task pane hears of). Edits are written one after another, in the order typed: none is dropped while one is written.
   */
  readonly edit: (cells: readonly TypedCell[]) => void;
  /** Why the last edit failed, or null. */
  readonly editError: string | null;
  readonly dismissEditError: () => void;
  /** Blank rows the user added below the used range of the sheet on screen (they hold nothing until typed into). */
  readonly addedRows: number;
  readonly addRows: (count: number) => void;
  /** Why the sheet could not be read, or null. */
  readonly readError: string | null;
}

function firstShown(sheets: readonly SheetInfo[]): string | null {
  return (sheets.find((s) => s.visible) ?? sheets[0])?.name ?? null;
}

/** `onEdited`: called after each of the user's edits (written or not: a failed edit may have changed something). */
export function useWorkbookView(gateway: WorkbenchGateway, onEdited?: () => void): WorkbookView {
  const [sheets, setSheets] = useState<readonly SheetInfo[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [grid, setGrid] = useState<GridSheet | null>(null);
  const [selection, setSelection] = useState<GridSelection | null>(gateway.selection);
  // Bumped by every change the gateway reports: the sheet list and the grid are read again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const stopChanges = gateway.onChange(() => setVersion((v) => v + 1));
    const stopSelections = gateway.onSelectionChanged((sheet, address) => {
      setActive(sheet);
      setSelection({ sheet, address });
    });
    return () => {
      stopChanges();
      stopSelections();
    };
  }, [gateway]);

  const [readError, setReadError] = useState<string | null>(null);
  useEffect(() => {
    // Each run reads for the latest sheet and version; a run overtaken by a newer one drops its result.
    let latest = true;
    const readShown = async (): Promise<void> => {
      const listed = await gateway.listSheets();
      if (!latest) return;
      setSheets(listed);
      const name = active !== null && listed.some((s) => s.name === active) ? active : firstShown(listed);
      if (name !== active) {
        setActive(name); // runs this effect again, for that sheet
        return;
      }
      const read = name === null ? null : await (await loadSession()).readGridSheet(gateway, name);
      if (!latest) return;
      setGrid(read);
      setReadError(null);
    };
    readShown().catch((error: unknown) => {
      if (latest) setReadError(messageOf(error));
    });
    return () => {
      latest = false;
    };
  }, [gateway, active, version]);

  const show = useCallback((sheet: string) => setActive(sheet), []);
  const select = useCallback(
    (address: string) => {
      if (active !== null) setSelection({ sheet: active, address });
    },
    [active],
  );

  const [editError, setEditError] = useState<string | null>(null);
  const edits = useRef<Promise<void>>(Promise.resolve());
  const onEditedRef = useRef(onEdited);
  onEditedRef.current = onEdited;
  const edit = useCallback(
    (cells: readonly TypedCell[]) => {
      if (active === null) return;
      const sheet = active;
      edits.current = edits.current.then(async () => {
        try {
          // A user's edit, not the add-in's writeCells: the task pane's sheet listeners hear of it (as Excel tells them
          // of a user's edit); the grid redraws on onChange either way.
          (await loadSession()).writeTypedCells(gateway, sheet, cells);
          setEditError(null);
        } catch (failure: unknown) {
          // Shown above the grid; the cells keep what they held (the write is all or nothing).
          setEditError(messageOf(failure));
        } finally {
          onEditedRef.current?.();
        }
      });
    },
    [gateway, active],
  );
  const dismissEditError = useCallback(() => setEditError(null), []);

  // By sheet name, for as long as the workbook is open: going back to a sheet shows the rows added to it.
  const [added, setAdded] = useState<ReadonlyMap<string, number>>(new Map());
  const addedRows = active === null ? 0 : (added.get(active) ?? 0);
  const addRows = useCallback(
    (count: number) => {
      if (active !== null && count > 0) setAdded((before) => new Map(before).set(active, (before.get(active) ?? 0) + count));
    },
    [active],
  );

  return { sheets, active, show, grid: grid !== null && grid.name === active ? grid : null, selection, select, edit, editError, dismissEditError, addedRows, addRows, readError };
}
