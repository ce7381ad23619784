/** The workbook's sheets and the one the Columns, Validate, Scores and Export views work on. */
import { useCallback, useEffect, useState } from "react";
import type { SheetInfo, WorkbookGateway } from "../../app/gateway";
import { guessTrustSheet, userSheets } from "../../app/sheetChoice";
import { useOperation } from "./useOperation";
import type { Operation } from "./useOperation";

export interface SheetChoice {
  readonly sheets: readonly SheetInfo[];
  readonly sheet: string | null;
  readonly choose: (name: string) => void;
  /**
   * Lists the sheets again, keeping the choice when it still exists; given a sheet (the Trusts sheet the template
   * or a merge just filled), chooses that one instead when it exists.
   */
  readonly refresh: Operation<[prefer?: string], void>;
}

export function useSheetChoice(gateway: WorkbookGateway): SheetChoice {
  const [sheets, setSheets] = useState<readonly SheetInfo[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);

  const refresh = useOperation(async (prefer?: string) => {
    const listed = await gateway.listSheets();
    setSheets(userSheets(listed));
    if (prefer !== undefined && listed.some((s) => s.name === prefer)) {
      setSheet(prefer);
      return;
    }
    const keep = sheet !== null && listed.some((s) => s.name === sheet);
    if (!keep) setSheet(await guessTrustSheet(gateway, listed));
  });

  const { run } = refresh;
  useEffect(() => {
    void run();
  }, [run]);

  const choose = useCallback((name: string) => setSheet(name), []);
  return { sheets, sheet, choose, refresh };
}
