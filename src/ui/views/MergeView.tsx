/**
 * Merge: consolidates trust returns (.xlsx files, or other sheets of this workbook) into this workbook's
 * Trusts table. Each source is read through its column mapping and validated; the user includes or skips
 * each, chooses what happens to a trust code that is already taken, sees the preview, then applies: new rows
 * are added to the table with a Source column, and under "replace" the workbook's rows are overwritten in place.
 * A taken code keeps the existing row by default: "keep both" would put a duplicate error in the return on
 * purpose, and the preview lists every row left out, so nothing is dropped unseen.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { todayIso, type IsoDate } from "../../core/dates";
import type { DuplicatePolicy } from "../../core/merge";
import { TRUSTS_SHEET } from "../../core/returnSheets";
import type { SheetInfo, WorkbookGateway } from "../../app/gateway";
import { BusyButton } from "../components/BusyButton";
import { FailureBar } from "../components/FailureBar";
import { MergeDuplicateChoice, type TakenCodes } from "../components/MergeDuplicateChoice";
import { MergePreview } from "../components/MergePreview";
import { MergeSourceCard } from "../components/MergeSourceCard";
import { useOperation } from "../hooks/useOperation";
import { appendRows, planMerge, replacementWrites, THIS_WORKBOOK, type MergeTarget } from "../../app/mergePlan";
import { readMergeTarget, readPickedFile, readPickedReturn, type OpenWorkbookFile, type PickedReturn } from "../../app/mergeSources";
import { userSheets } from "../../app/sheetChoice";
import { fileBytes } from "../fileBytes";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  grow: { flexGrow: 1 },
  // Visually hidden but still in the document (the button opens it; tests and assistive tools find it by its label).
  hidden: { position: "absolute", width: "1px", height: "1px", padding: 0, margin: "-1px", overflow: "hidden", clip: "rect(0, 0, 0, 0)", whiteSpace: "nowrap", border: 0 },
});

interface SourceEntry {
  readonly label: string;
  readonly source: PickedReturn;
  readonly include: boolean;
}

interface Applied {
  readonly added: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly replaced: number;
  readonly sourceColumnAdded: boolean;
}

/** `north.xlsx › Trusts`, with ` (2)` … when that label is taken (the same file picked twice). */
function uniqueLabel(wanted: string, taken: readonly string[]): string {
  let label = wanted;
  for (let n = 2; taken.includes(label); n++) label = `${wanted} (${n})`;
  return label;
}

export interface MergeViewProps {
  readonly gateway: WorkbookGateway;
  /** Called after rows were written (the trust sheet changed). */
  readonly onApplied?: () => void;
  /** Shows the Template tab (offered when the workbook has no Trusts sheet). */
  readonly onOpenTemplate?: () => void;
  /** Opens a workbook file the user picked (the entry point chooses how: exceljs, loaded on first use). */
  readonly openFile: OpenWorkbookFile;
  readonly today?: IsoDate;
}

export function MergeView({ gateway, onApplied, onOpenTemplate, openFile, today = todayIso() }: MergeViewProps) {
  const styles = useStyles();
  const [target, setTarget] = useState<MergeTarget | null | undefined>(undefined);
  const [sheets, setSheets] = useState<readonly SheetInfo[]>([]);
  const [sheetToAdd, setSheetToAdd] = useState("");
  const [entries, setEntries] = useState<readonly SourceEntry[]>([]);
  const [policy, setPolicy] = useState<DuplicatePolicy>("keep");
  const [applied, setApplied] = useState<Applied | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const addEntries = (found: readonly PickedReturn[]) =>
    setEntries((current) => {
      const next = [...current];
      for (const source of found) {
        const label = uniqueLabel(`${source.origin} › ${source.sheet.name}`, next.map((e) => e.label));
        next.push({ label, source, include: source.mapping.mapping.headerRow !== null });
      }
      return next;
    });

  const loading = useOperation(async () => {
    const listed = await gateway.listSheets();
    setSheets(userSheets(listed).filter((s) => s.visible && s.name !== TRUSTS_SHEET));
    setTarget(await readMergeTarget(gateway, today));
  });
  const { run: load } = loading;
  useEffect(() => {
    void load();
  }, [load]);

  const addingFiles = useOperation(async (files: readonly File[]) => {
    const found: PickedReturn[] = [];
    const failures: string[] = [];
    for (const file of files) {
      try {
        found.push(await readPickedFile(await openFile(await fileBytes(file), file.name), file.name, today));
      } catch (error: unknown) {
        // Collected, not swallowed: the readable files are still added, then every failure is reported.
        failures.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    addEntries(found);
    if (failures.length > 0) throw new Error(failures.join(" · "));
  });

  const addingSheet = useOperation(async (name: string) => {
    addEntries([await readPickedReturn(gateway, THIS_WORKBOOK, today, name)]);
  });

  const inputs = useMemo(() => entries.filter((e) => e.include).map((e) => ({ label: e.label, result: e.source.result })), [entries]);
  const plan = useMemo(() => (target && inputs.length > 0 ? planMerge(target, inputs, policy) : null), [target, inputs, policy]);
  // The rows whose code is taken are the rows `keep` leaves out, whichever policy is chosen.
  const taken = useMemo((): TakenCodes => {
    const kept = plan?.policy === "keep" ? plan : target && inputs.length > 0 ? planMerge(target, inputs, "keep") : null;
    const rows = kept?.sources.flatMap((s) => s.dropped) ?? [];
    return { rows: rows.length, codes: [...new Set(rows.map((r) => r.trustCode))] };
  }, [plan, target, inputs]);

  const applying = useOperation(async () => {
    // Read again: the sheet may have changed since the preview, and the writes must land on today's rows.
    const fresh = await readMergeTarget(gateway, today);
    if (!fresh) throw new Error(`This workbook has no ${TRUSTS_SHEET} sheet any more.`);
    const current = planMerge(fresh, inputs, policy);
    const { rows, sources } = appendRows(current, fresh);
    const appended = await gateway.appendTrustRows(fresh.sheet, rows, { sources });
    const writes = replacementWrites(current, fresh, appended.sourceColumn);
    if (writes.length > 0) await gateway.writeCells(fresh.sheet, writes);
    setApplied({ added: rows.length, firstRow: appended.firstRow, lastRow: appended.lastRow, replaced: current.replace.length, sourceColumnAdded: appended.sourceColumnAdded });
    setEntries([]);
    onApplied?.();
    void load();
  });

  const busy = addingFiles.running || addingSheet.running || applying.running;
  const nothingToDo = plan === null || (plan.append.length === 0 && plan.replace.length === 0);
  return (
    <section aria-labelledby="merge-heading">
      <h2 id="merge-heading">Merge</h2>
      <Text as="p" block>Adds the trust rows of other returns to this workbook&apos;s {TRUSTS_SHEET} table, each with its source.</Text>
      {loading.running ? <Spinner size="small" label="Reading this workbook…" /> : null}
      <FailureBar what={`Could not read this workbook's ${TRUSTS_SHEET} sheet`} error={loading.error} hint="Check the sheet's header row, then switch tabs to try again." onDismiss={loading.dismissError} />
      {target === null ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            This workbook has no {TRUSTS_SHEET} sheet yet, so there is no table to merge into. Insert the template first.{" "}
            {onOpenTemplate ? <Button size="small" onClick={onOpenTemplate}>Open the Template tab</Button> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {target ? (
        <>
          <Text as="p" block>{TRUSTS_SHEET} has {target.result.rows} trust rows now.</Text>
          <div className={styles.row}>
            <Button disabled={busy} onClick={() => fileInput.current?.click()}>Add workbooks…</Button>
            <input
              ref={fileInput}
              type="file"
              multiple
              accept=".xlsx,.xlsm,.xls,.ods,.csv"
              aria-label="Add workbook files"
              tabIndex={-1}
              className={styles.hidden}
              disabled={busy}
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                event.target.value = "";
                if (files.length > 0) void addingFiles.run(files);
              }}
            />
          </div>
          {sheets.length > 0 ? (
            <div className={styles.row}>
              <Field label="Or a sheet of this workbook" className={styles.grow}>
                <Select value={sheetToAdd} onChange={(_, d) => setSheetToAdd(d.value)}>
                  <option value="">(choose a sheet)</option>
                  {sheets.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
                </Select>
              </Field>
              <BusyButton busy={addingSheet.running} disabled={sheetToAdd === "" || busy} onClick={() => void addingSheet.run(sheetToAdd)}>Add sheet</BusyButton>
            </div>
          ) : null}
          {addingFiles.running ? <Spinner size="small" label="Reading the files…" /> : null}
          {entries.map((entry, index) => (
            <MergeSourceCard
              key={entry.label}
              label={entry.label}
              source={entry.source}
              include={entry.include}
              disabled={busy}
              onInclude={(include) => setEntries((current) => current.map((e, i) => (i === index ? { ...e, include } : e)))}
              onRemove={() => setEntries((current) => current.filter((_, i) => i !== index))}
            />
          ))}
          {plan ? <MergeDuplicateChoice taken={taken} policy={policy} onChange={setPolicy} disabled={busy} /> : null}
          {plan ? <MergePreview plan={plan} target={target.sheet} /> : null}
          {entries.length > 0 ? (
            <BusyButton appearance="primary" busy={applying.running} disabled={nothingToDo || busy} onClick={() => void applying.run()}>
              Merge into {TRUSTS_SHEET}
            </BusyButton>
          ) : null}
        </>
      ) : null}
      {applied ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            Added {applied.added} rows to {TRUSTS_SHEET}{applied.added > 0 ? ` (rows ${applied.firstRow}–${applied.lastRow})` : ""}; replaced {applied.replaced} in place
            {applied.sourceColumnAdded ? "; added the Source column" : ""}. The Validate tab now checks the merged return on the {TRUSTS_SHEET} sheet.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <FailureBar what="Could not read a file" error={addingFiles.error} hint="Check that it is a workbook (.xlsx, .xlsm, .xls, .ods or .csv) that opens in Excel, then add it again." onDismiss={addingFiles.dismissError} />
      <FailureBar what="Could not read the sheet" error={addingSheet.error} hint="Check that the sheet still exists, then add it again." onDismiss={addingSheet.dismissError} />
      <FailureBar what="Could not merge the rows" error={applying.error} hint={`Check that the ${TRUSTS_SHEET} sheet is not protected and still has its table, then merge again.`} onDismiss={applying.dismissError} />
    </section>
  );
}
