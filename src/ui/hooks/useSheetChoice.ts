/** The workbook's sheets and the one the Columns, Validate, Scores and Export views work on. */
import { useCallback, useEffect, useState } from "react";
import { detectMapping } from "../../core/headers";
import { isAddinSheet, pickReturnSheet, TRUSTS_SHEET } from "../../core/returnSheets";
import type { SheetInfo, WorkbookGateway } from "../../app/gateway";
import { useOperation } from "./useOperation";
import type { Operation } from "./useOperation";

/** Sheets read at most to guess the return sheet when there is no `Trusts` sheet. */
const MAX_SHEETS_PROBED = 10;

export interface SheetChoice {
  readonly sheets: readonly SheetInfo[];
  readonly sheet: string | null;
  readonly choose: (name: string) => void;
  /** Lists the sheets again (e.g. after inserting the template), keeping the choice when it still exists. */
  readonly refresh: Operation<[], void>;
}

async function guessReturnSheet(gateway: WorkbookGateway, sheets: readonly SheetInfo[]): Promise<string | null> {
  const headerRows = new Map<string, number | null>();
  if (!sheets.some((s) => s.name === TRUSTS_SHEET)) {
    for (const info of sheets.filter((s) => s.visible).slice(0, MAX_SHEETS_PROBED)) {
      headerRows.set(info.name, detectMapping(await gateway.readSheet(info.name)).headerRow);
    }
  }
  return pickReturnSheet(sheets, (name) => headerRows.get(name) ?? null);
}

export function useSheetChoice(gateway: WorkbookGateway): SheetChoice {
  const [sheets, setSheets] = useState<readonly SheetInfo[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);

  const refresh = useOperation(async () => {
    const listed = (await gateway.listSheets()).filter((s) => !isAddinSheet(s.name));
    setSheets(listed);
    const keep = sheet !== null && listed.some((s) => s.name === sheet);
    if (!keep) setSheet(await guessReturnSheet(gateway, listed));
  });

  const { run } = refresh;
  useEffect(() => {
    void run();
  }, [run]);

  const choose = useCallback((name: string) => setSheet(name), []);
  return { sheets, sheet, choose, refresh };
}
