/**
 * Columns: the sheet's header row and what each header maps to. The user can correct a mapping per header;
 * the choice is saved in the workbook (setting `mapping:<sheet>`) and used by every later check of the sheet
 * (a mapping saved before the sheet was renamed is adopted and moved to the new name: app/settings/mappingSetting.ts).
 */
import { useEffect, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { COLUMNS } from "../../core/columns";
import type { ColumnKey } from "../../core/columns";
import type { SheetData } from "../../core/cells";
import { detectMapping } from "../../core/headers";
import type { ColumnMapping } from "../../core/results";
import type { WorkbookGateway } from "../../app/gateway";
import { FailureBar } from "../components/FailureBar";
import { MappingTable } from "../components/MappingTable";
import { useOperation } from "../hooks/useOperation";
import { duplicateWarnings, sampleValues } from "../../app/mappingReview";
import { chooseSavedMapping, loadSavedMapping, saveMapping } from "../../app/settings/mappingSetting";
import type { ChosenMapping } from "../../app/settings/mappingSetting";

export interface ColumnsViewProps {
  readonly gateway: WorkbookGateway;
  readonly sheet: string | null;
  /** Called after a changed mapping was saved (earlier checks of the sheet are out of date). */
  readonly onMappingSaved?: () => void;
}

interface Loaded extends ChosenMapping {
  readonly sheet: string;
  readonly detected: ColumnMapping;
  /** The sheet as read, for the sample values under each header. */
  readonly data: SheetData;
}

export function ColumnsView({ gateway, sheet, onMappingSaved }: ColumnsViewProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [saved, setSaved] = useState(false);

  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;
  const loading = useOperation(async () => {
    setLoaded(null);
    // Loops when the user picks another sheet while one is being read, so the last choice wins.
    for (let name = sheetRef.current; name !== null; ) {
      const data = await gateway.readSheet(name);
      const detected = detectMapping(data);
      // As every check reads it (app/checkReturn.ts): saved under this name, or adopted from a sheet renamed since.
      const saved = await loadSavedMapping(gateway, data, await gateway.listSheets());
      const chosen = chooseSavedMapping(saved, data, detected);
      if (name === sheetRef.current) {
        setLoaded({ ...chosen, sheet: name, detected, data });
        return;
      }
      name = sheetRef.current;
    }
  });
  const saving = useOperation(async (name: string, mapping: ColumnMapping, adoptedFrom?: string) => {
    setSaved(false);
    // A mapping adopted from a renamed sheet moves to this sheet's key now.
    await saveMapping(gateway, name, mapping, adoptedFrom);
    setSaved(true);
    onMappingSaved?.();
  });

  const { run: load } = loading;
  useEffect(() => {
    setSaved(false);
    if (sheet !== null) void load();
  }, [sheet, load]);

  function change(mapping: ColumnMapping): void {
    if (!loaded) return;
    const { adoptedFrom } = loaded;
    setLoaded({ ...loaded, mapping, source: "saved", note: undefined, adoptedFrom: undefined });
    void saving.run(loaded.sheet, mapping, adoptedFrom);
  }

  function setKey(col: number, key: ColumnKey | null): void {
    if (!loaded) return;
    const headers = loaded.mapping.headers.map((h) => (h.col === col ? { ...h, key } : h));
    change({ ...loaded.mapping, headers });
  }

  const mapping = loaded?.mapping;
  const mapped = new Set(mapping?.headers.map((h) => h.key) ?? []);
  const unmapped = COLUMNS.filter((c) => !mapped.has(c.key));
  const headerRow = mapping?.headerRow ?? null;
  const samples = new Map<number, string[]>();
  if (loaded && mapping && headerRow !== null) {
    for (const h of mapping.headers) samples.set(h.col, sampleValues(loaded.data, headerRow, h.col));
  }
  const warnings = duplicateWarnings(mapping?.headers ?? []);

  return (
    <section aria-labelledby="columns-heading">
      <h2 id="columns-heading">Columns</h2>
      {sheet === null ? <Text as="p" block>Choose the sheet with the trust rows first.</Text> : null}
      {loading.running ? <Spinner size="small" label="Reading the headers…" /> : null}
      {loaded && mapping ? (
        <>
          {loaded.note ? <MessageBar intent="warning" layout="multiline"><MessageBarBody>{loaded.note}</MessageBarBody></MessageBar> : null}
          {mapping.headerRow === null ? (
            <Text as="p" block>No header row found: none of the first 10 rows names at least 3 known columns. Put the template headers in row 1.</Text>
          ) : (
            <Text as="p" block>Headers found in row {mapping.headerRow} of {loaded.sheet} ({loaded.source === "saved" ? "your saved mapping" : "detected"}).</Text>
          )}
          <MappingTable headers={mapping.headers} onChange={setKey} disabled={saving.running} samples={samples} warnings={warnings} />
          {unmapped.length > 0 && mapping.headerRow !== null ? (
            <Text as="p" block>No header for: {unmapped.map((c) => c.header).join(", ")}.</Text>
          ) : null}
          <Button onClick={() => change(loaded.detected)} disabled={saving.running}>Use detected mapping</Button>
          {saved ? <Text as="p" block role="status">Mapping saved in the workbook.</Text> : null}
        </>
      ) : null}
      <FailureBar what="Could not read the headers" error={loading.error} hint="Check that the sheet still exists (Refresh sheets), then choose it again." onDismiss={loading.dismissError} />
      <FailureBar what="Could not save the mapping" error={saving.error} hint="Check that the workbook is editable, then change the mapping again." onDismiss={saving.dismissError} />
    </section>
  );
}
