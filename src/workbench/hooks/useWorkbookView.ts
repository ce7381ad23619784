/**
 * What the grid shows of the open workbook: its sheets, the sheet on screen, that sheet's cells and marks,
 * and the selected cell. Follows the gateway: any change re-reads the sheet, and the task pane's
 * "go to cell" (gateway.selectCell) switches to that sheet and selects the cell.
 */
import { useCallback, useEffect, useState } from "react";
import type { SheetInfo } from "../../app/gateway";
import { messageOf, useOperation, type Operation } from "../../ui/hooks/useOperation";
import type { GridSheet } from "../gridModel";
import { typedValue } from "../gridModel";
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
  /** Writes what the user typed into a cell of the sheet on screen (gateway.editCells: a user's edit, which the task pane hears of). */
  readonly edit: Operation<[address: string, text: string], void>;
  /** Why the sheet could not be read, or null. */
  readonly readError: string | null;
}

function firstShown(sheets: readonly SheetInfo[]): string | null {
  return (sheets.find((s) => s.visible) ?? sheets[0])?.name ?? null;
}

export function useWorkbookView(gateway: WorkbenchGateway): WorkbookView {
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

  const edit = useOperation(async (address: string, text: string) => {
    if (active === null) throw new Error("No sheet is shown.");
    // editCells, not writeCells: this is the user's edit, so the task pane's sheet listeners hear of it (as Excel
    // tells them of a user's edit); the grid redraws on onChange either way.
    await gateway.editCells(active, [{ address, value: typedValue(text) }]);
  });

  return { sheets, active, show, grid: grid !== null && grid.name === active ? grid : null, selection, select, edit, readError };
}
