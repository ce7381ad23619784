/**
 * Stamp: "Stamp as validated" writes the validation stamp (hashes of the return's canonical data) into the
 * very hidden `_epr_stamp` sheet, in the layout `epr-return verify` reads; it is offered only when the return
 * has no errors. The view also says whether the data still matches the workbook's stamp, and which rows changed.
 */
import { useEffect, useState } from "react";
import { MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { compareWithStamp, type Stamp, type StampComparison } from "../../core/stamp";
import type { WorkbookGateway } from "../../app/gateway";
import { BusyButton } from "../components/BusyButton";
import { FailureBar } from "../components/FailureBar";
import { useOperation } from "../hooks/useOperation";
import { useAutoCheck, type Validation } from "../hooks/useValidation";
import { readReturnStamp, stampReturn, stampStatus } from "../../app/stamp";
import { verdict } from "../../app/verdict";
import { plural } from "../../core/plural";

export interface StampViewProps {
  readonly gateway: WorkbookGateway;
  readonly sheet: string | null;
  readonly validation: Validation;
  /** The stamping time (tests fix it). */
  readonly now?: () => Date;
}

function when(stamp: Stamp): string {
  const date = new Date(stamp.stampedAt);
  return Number.isNaN(date.getTime()) ? stamp.stampedAt : date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

const who = (row: number, code: string | null) => `row ${row}${code ? ` (${code})` : ""}`;

function changeLines(c: StampComparison): string[] {
  return [
    ...(c.icsChanged ? ["the ICS details"] : []),
    ...c.changedRows.map((r) => `${who(r.row, r.trustCode)} changed`),
    ...c.addedRows.map((r) => `${who(r.row, r.trustCode)} added`),
    ...c.removedRows.map((r) => `${r.trustCode ?? "a row"} (was row ${r.row}) removed`),
    ...(c.orderChanged ? ["the rows are in a different order"] : []),
  ];
}

/** The comparison with the stamp, and the errors the same check found (the stamp holds only while there are none). */
interface Compared {
  readonly comparison: StampComparison;
  readonly errors: number;
}

function StampStatus({ stamp, compared, sheet }: { readonly stamp: Stamp | null; readonly compared: Compared | null; readonly sheet: string }) {
  if (stamp === null) return <Text as="p" block role="status">Not stamped yet.</Text>;
  if (stamp.sheet !== sheet) return <Text as="p" block role="status">The stamp (validated on {when(stamp)}) covers the sheet &quot;{stamp.sheet}&quot;: choose it above to compare.</Text>;
  if (compared === null) return <Spinner size="tiny" label="Comparing with the stamp…" />;
  const { comparison, errors } = compared;
  const status = stampStatus(comparison, errors);
  if (status === "match") {
    return <Text as="p" block role="status" weight="semibold">Validated on {when(stamp)} — data unchanged ({stamp.rows.length} trust rows).</Text>;
  }
  if (status === "errors") {
    return (
      <Text as="p" block role="status" weight="semibold">
        Validated on {when(stamp)} — matches its stamp, but has {plural(errors, "error")} under the current rules: the stamp no longer holds.
      </Text>
    );
  }
  return (
    <div role="status">
      <Text as="p" block weight="semibold">Validated on {when(stamp)} — changed since:</Text>
      <ul aria-label="Changes since the stamp">
        {changeLines(comparison).map((line) => <li key={line}>{line}</li>)}
      </ul>
    </div>
  );
}

export function StampView({ gateway, sheet, validation, now = () => new Date() }: StampViewProps) {
  const { check, operation: checking } = validation;
  const [stamp, setStamp] = useState<Stamp | null | undefined>(undefined);
  const [compared, setCompared] = useState<Compared | null>(null);
  const [compareError, setCompareError] = useState<string | null>(null);
  useAutoCheck(validation, sheet);

  const reading = useOperation(async () => setStamp(await readReturnStamp(gateway, await gateway.listSheets())));
  const { run: readStamp } = reading;
  useEffect(() => {
    void readStamp();
  }, [readStamp]);

  useEffect(() => {
    setCompared(null);
    if (!stamp || !check || stamp.sheet !== check.sheet.name) return undefined;
    let current = true;
    // The data as this check read it, and its errors: verifyReturn's rule (app/stamp.ts stampStatus) without reading again.
    compareWithStamp(stamp, { ics: check.ics?.details ?? null, trusts: check.result.trusts })
      .then((comparison) => { if (current) setCompared({ comparison, errors: check.errors }); })
      .catch((error: unknown) => { if (current) setCompareError(error instanceof Error ? error.message : String(error)); });
    return () => { current = false; };
  }, [stamp, check]);

  const stamping = useOperation(async () => {
    // Checked again right now: the stamp must describe the data as it is when written.
    const fresh = await checking.run();
    if (!fresh) throw new Error("The return could not be checked just now: try again.");
    setStamp(await stampReturn(gateway, fresh, now()));
  });

  // Nothing to stamp without trust rows (app/returnState.ts), nor with errors.
  const empty = check !== null && check.result.rows === 0;
  const blocked = check !== null && (check.errors > 0 || empty);
  return (
    <section aria-labelledby="stamp-heading">
      <h2 id="stamp-heading">Stamp</h2>
      <Text as="p" block>
        The stamp records that the return passed validation, with a fingerprint of its data, in a hidden sheet. Whoever receives the
        workbook can check with <code>epr-return verify</code> that nothing changed since.
      </Text>
      {checking.running ? <Spinner size="small" label="Checking the return…" /> : null}
      {check ? <Text as="p" block>{verdict({ errors: check.errors, warnings: check.warnings, rows: check.result.rows })}; {check.result.rows} trust rows.</Text> : null}
      {blocked ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {check?.errors ? "A return with errors cannot be stamped: fix them on the Validate tab first." : "A return with no trust rows cannot be stamped: fill in your trusts first."}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <BusyButton appearance="primary" busy={stamping.running} disabled={check === null || blocked || checking.running} onClick={() => void stamping.run()}>
        Stamp as validated
      </BusyButton>{" "}
      <BusyButton busy={checking.running || reading.running} disabled={sheet === null || stamping.running} onClick={() => { void checking.run(); void readStamp(); }}>
        Check again
      </BusyButton>
      {sheet !== null && stamp !== undefined ? <StampStatus stamp={stamp} compared={compared} sheet={sheet} /> : null}
      <FailureBar what="Could not check the return" error={checking.error} hint="Check that the sheet still exists (Refresh sheets)." onDismiss={checking.dismissError} />
      <FailureBar what="Could not read the stamp" error={reading.error} hint="The hidden stamp sheet may have been edited: stamp the return again." onDismiss={reading.dismissError} />
      <FailureBar what="Could not compare with the stamp" error={compareError} onDismiss={() => setCompareError(null)} />
      <FailureBar what="Could not stamp the return" error={stamping.error} hint="Check that the workbook is not protected, then try again." onDismiss={stamping.dismissError} />
    </section>
  );
}
