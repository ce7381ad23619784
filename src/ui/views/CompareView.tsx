/**
 * Compare: what changed since an earlier version of this return, a file the user picks (the one sent last quarter).
 * Both are read and checked as every host reads a return (app/checkReturn.ts: this workbook through the pane's
 * shared check, the file through the entry's file opener), and compared by the core (core/diff, as `epr-return
 * diff` does): the summary, the ICS details, the changes grouped by trust, and the headline figures before and now.
 * "Mark changed cells" marks them in the sheet in blue, a mark of its own kind that Clear marks removes like the
 * others; a sheet has one set of marks, so marking the changes takes the place of Validate's marks there.
 */
import { useMemo, useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { todayIso, type IsoDate } from "../../core/dates";
import { cellLocator, changedCells, diffReturns, icsChangeText, icsLabel, repeatedText, summaryText } from "../../core/diff";
import type { CheckedReturn } from "../../app/checkReturn";
import type { WorkbookGateway } from "../../app/gateway";
import { readPickedFile, type OpenWorkbookFile, type PickedReturn } from "../../app/mergeSources";
import { plural } from "../../core/plural";
import { BusyButton } from "../components/BusyButton";
import { FailureBar } from "../components/FailureBar";
import { FilePickButton } from "../components/compare/FilePickButton";
import { HeadlineTable } from "../components/compare/HeadlineTable";
import { TrustChanges } from "../components/compare/TrustChanges";
import { fileBytes } from "../fileBytes";
import { useOperation } from "../hooks/useOperation";
import { useAutoCheck, type Validation } from "../hooks/useValidation";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", margin: `${tokens.spacingVerticalS} 0` },
  summary: { margin: `${tokens.spacingVerticalS} 0` },
  list: { paddingLeft: tokens.spacingHorizontalL, margin: `${tokens.spacingVerticalXS} 0`, overflowWrap: "anywhere" },
});

export interface CompareViewProps {
  readonly gateway: WorkbookGateway;
  readonly sheet: string | null;
  readonly validation: Validation;
  /** Opens the file the user picks (the entry point chooses how, loaded on first use). */
  readonly openFile: OpenWorkbookFile;
  readonly today?: IsoDate;
}

const sideOf = (read: CheckedReturn) => ({ trusts: read.result.trusts, ics: read.ics?.details ?? null });

export function CompareView({ gateway, sheet, validation, openFile, today = todayIso() }: CompareViewProps) {
  const styles = useStyles();
  const { check, operation: checking } = validation;
  const [previous, setPrevious] = useState<PickedReturn | null>(null);
  const [marked, setMarked] = useState<{ sheet: string; cells: number } | null>(null);
  useAutoCheck(validation, sheet);

  const picking = useOperation(async (file: File) => {
    setPrevious(await readPickedFile(await openFile(await fileBytes(file), file.name), file.name, today));
  });

  const diff = useMemo(() => (previous && check ? diffReturns(sideOf(previous), sideOf(check)) : null), [previous, check]);
  const locate = useMemo(() => (check ? cellLocator(check.mapping.mapping) : null), [check]);
  const cells = useMemo(() => (diff && check ? changedCells(diff, check.mapping.mapping) : []), [diff, check]);

  const marking = useOperation(async () => {
    if (!check) throw new Error("The return has not been read yet.");
    // Validate's marks follow each check once asked for; they would take these cells back. Cleared, they stop following.
    if (validation.marks.following) await validation.marks.clear.run([]);
    const name = check.sheet.name;
    await gateway.markCells(name, cells.map((address) => ({ address, severity: "changed" as const })));
    setMarked({ sheet: name, cells: cells.length });
  });

  const clearing = useOperation(async () => {
    const name = marked?.sheet ?? check?.sheet.name;
    if (name === undefined) return;
    await gateway.clearMarks(name);
    setMarked(null);
  });

  const selecting = useOperation(async (address: string) => {
    if (check) await gateway.selectCell(check.sheet.name, address);
  });

  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare</h2>
      <Text as="p" block>
        What changed since an earlier version of this return: pick the file sent before. Trusts are matched by their ODS code.
      </Text>
      <div className={styles.row}>
        <FilePickButton inputLabel="Earlier version of the return" appearance={previous ? "secondary" : "primary"} disabled={picking.running} onPick={([file]) => { if (file) void picking.run(file); }}>
          {previous ? "Choose another file…" : "Choose the earlier version…"}
        </FilePickButton>
      </div>
      {picking.running ? <Spinner size="small" label="Reading the file…" /> : null}
      {checking.running && !check ? <Spinner size="small" label="Reading this return…" /> : null}
      <FailureBar what="Could not read the file" error={picking.error} hint="Check that it is a workbook (.xlsx, .xlsm, .xls, .ods or .csv) that opens in Excel, then choose it again." onDismiss={picking.dismissError} />
      <FailureBar what="Could not read this return" error={checking.error} hint="Check that the sheet still exists (Refresh sheets), then switch tabs to try again." onDismiss={checking.dismissError} />
      {previous ? (
        <Text as="p" block>
          Earlier version: {previous.origin}, sheet &quot;{previous.sheet.name}&quot;, {plural(previous.result.rows, "trust row")}.
        </Text>
      ) : null}
      {diff && check ? (
        <>
          <Text as="p" block role="status" weight="semibold" className={styles.summary}>{summaryText(diff.summary)}</Text>
          {previous && (previous.errors > 0 || check.errors > 0) ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {previous.errors > 0 ? `The earlier version has ${plural(previous.errors, "error")}. ` : ""}
                {check.errors > 0 ? `This return has ${plural(check.errors, "error")}. ` : ""}
                Values that fail to read count as blank here.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {cells.length > 0 ? (
            <div className={styles.row}>
              <BusyButton busy={marking.running} onClick={() => void marking.run()}>Mark changed cells</BusyButton>
              <Button disabled={clearing.running} onClick={() => void clearing.run()}>Clear marks</Button>
            </div>
          ) : null}
          {marked ? <Text as="p" block role="status">Marked {plural(marked.cells, "cell")} in blue on {marked.sheet}.</Text> : null}
          <FailureBar what="Could not mark the cells" error={marking.error} hint="Check that the sheet is not protected, then try again." onDismiss={marking.dismissError} />
          <FailureBar what="Could not clear the marks" error={clearing.error} hint="Check that the sheet is not protected, then try again." onDismiss={clearing.dismissError} />
          <FailureBar what="Could not go to the cell" error={selecting.error} onDismiss={selecting.dismissError} />
          {diff.ics.length > 0 ? (
            <>
              <h3>ICS details</h3>
              <ul className={styles.list} aria-label="ICS details changed">
                {diff.ics.map((change) => <li key={change.field}>{icsLabel(change.field)}: {icsChangeText(change)}</li>)}
              </ul>
            </>
          ) : null}
          {locate ? <TrustChanges diff={diff} cellOf={locate} onSelect={(address) => void selecting.run(address)} /> : null}
          {diff.repeatedCodes.length > 0 ? (
            <ul className={styles.list} aria-label="How repeated codes were matched">
              {diff.repeatedCodes.map((repeated) => <li key={repeated.trustCode ?? "(no code)"}>{repeatedText(repeated)}.</li>)}
            </ul>
          ) : null}
          <HeadlineTable headline={diff.headline} />
        </>
      ) : null}
    </section>
  );
}
