/**
 * Export: the return's canonical data as CSV and JSON downloads, named after the ICS and the submission date
 * (app/exportFileName.ts; the sheet's name and today's date when the ICS sheet gives none). A return with
 * errors is only offered when the user ticks "Export anyway" (values that failed to read would be blank).
 * The validation stamp's state is shown under the verdict (components/StampStateBar.tsx): a return changed since it
 * was stamped should be stamped again before it is sent.
 * Where the host cannot download (channels.download false: Excel on Mac), the pane offers the CSV on a sheet of
 * its own and the text to copy instead (components/ExportWithoutDownload.tsx).
 */
import { useMemo, useState } from "react";
import { Checkbox, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { exportCsv, exportJson } from "../../core/export";
import type { WorkbookGateway } from "../../app/gateway";
import { BusyButton } from "../components/BusyButton";
import { ExportWithoutDownload } from "../components/ExportWithoutDownload";
import { FailureBar } from "../components/FailureBar";
import { StampStateBar } from "../components/StampStateBar";
import { DOWNLOADS_WORK } from "../exportChannels";
import type { ExportChannels } from "../exportChannels";
import { useObjectUrl } from "../hooks/useObjectUrl";
import { exportFileName } from "../../app/exportFileName";
import { todayIso, type IsoDate } from "../../core/dates";
import { useAutoCheck } from "../hooks/useValidation";
import type { Validation } from "../hooks/useValidation";
import { verdict } from "../../app/verdict";

const useStyles = makeStyles({
  links: { display: "flex", gap: tokens.spacingHorizontalL, margin: `${tokens.spacingVerticalS} 0` },
});

export interface ExportViewProps {
  readonly gateway: WorkbookGateway;
  readonly sheet: string | null;
  readonly validation: Validation;
  /** What the host can do with a file (the entry works it out); downloads by default. */
  readonly channels?: ExportChannels;
  /** The date in the file names when the ICS sheet gives no submission date. */
  readonly today?: IsoDate;
}

export function ExportView({ gateway, sheet, validation, channels = DOWNLOADS_WORK, today = todayIso() }: ExportViewProps) {
  const styles = useStyles();
  const { check, operation: checking } = validation;
  const [anyway, setAnyway] = useState(false);
  useAutoCheck(validation, sheet);

  // Nothing to export without trust rows (app/returnState.ts).
  const allowed = check !== null && check.result.rows > 0 && (check.errors === 0 || anyway);
  const csv = useMemo(() => (check && allowed ? exportCsv(check.result.trusts, check.ics?.details ?? undefined) : null), [check, allowed]);
  const json = useMemo(() => (check && allowed ? exportJson(check.result.trusts, check.ics?.details ?? undefined) : null), [check, allowed]);
  // No object URLs where nothing can download them.
  const csvUrl = useObjectUrl(channels.download ? csv : null, "text/csv;charset=utf-8");
  const jsonUrl = useObjectUrl(channels.download ? json : null, "application/json");

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <Text as="p" block>{channels.download ? "Downloads" : "Exports"} the trust rows in canonical form: CSV for spreadsheets, JSON for programs.</Text>
      <BusyButton busy={checking.running} disabled={sheet === null} onClick={() => void checking.run()}>Read the sheet again</BusyButton>
      {checking.running ? <Spinner size="small" label="Reading the return…" /> : null}
      <FailureBar what="Could not read the return" error={checking.error} hint="Check that the sheet still exists (Refresh sheets), then read it again." onDismiss={checking.dismissError} />
      {check ? (
        <>
          <Text as="p" block role="status">{verdict({ errors: check.errors, warnings: check.warnings, rows: check.result.rows })}; {check.result.rows} trust rows.</Text>
          <StampStateBar gateway={gateway} check={check} />
          {check.result.rows === 0 ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>There are no trust rows to export: fill in your trusts first.</MessageBarBody>
            </MessageBar>
          ) : check.errors > 0 ? (
            <>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  The return has {check.errors} {check.errors === 1 ? "error" : "errors"}. Fix them on the Validate tab first, or export anyway: values that failed to read are left blank.
                </MessageBarBody>
              </MessageBar>
              <Checkbox label="Export anyway" checked={anyway} onChange={(_, d) => setAnyway(d.checked === true)} />
            </>
          ) : null}
          {allowed && channels.download && csvUrl && jsonUrl ? (
            <div className={styles.links}>
              <Link href={csvUrl} download={exportFileName({ ics: check.ics?.details, sheet: check.sheet.name, today }, "csv")}>Download CSV</Link>
              <Link href={jsonUrl} download={exportFileName({ ics: check.ics?.details, sheet: check.sheet.name, today }, "json")}>Download JSON</Link>
            </div>
          ) : null}
          {allowed && !channels.download && csv !== null && json !== null ? (
            <ExportWithoutDownload gateway={gateway} csv={csv} json={json} clipboard={channels.clipboard} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
