/**
 * Stamp: "Stamp as validated" writes the validation stamp (hashes of the return's canonical data) into the
 * very hidden `_epr_stamp` sheet, in the layout `epr-return verify` reads; it is offered only when the return
 * has no errors. The view also says whether the data still matches the workbook's stamp, and which rows changed and,
 * for stamps with field hashes, which of their values (with the value now: a stamp keeps no values).
 */
import { MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { Stamp } from "../../core/stamp";
import type { WorkbookGateway } from "../../app/gateway";
import { BusyButton } from "../components/BusyButton";
import { FailureBar } from "../components/FailureBar";
import { stampedOn } from "../components/StampStateBar";
import { useOperation } from "../hooks/useOperation";
import { useStampReading } from "../hooks/useStampReading";
import { useAutoCheck, type Validation } from "../hooks/useValidation";
import { describeStampChanges, stampReturn, type StampCheck } from "../../app/stamp";
import { verdict } from "../../app/verdict";
import { plural } from "../../core/plural";

export interface StampViewProps {
  readonly gateway: WorkbookGateway;
  readonly sheet: string | null;
  readonly validation: Validation;
  /** The stamping time (tests fix it). */
  readonly now?: () => Date;
}

function StampStatus({ stamp, compared, sheet }: { readonly stamp: Stamp | null; readonly compared: StampCheck | null; readonly sheet: string }) {
  if (stamp === null) return <Text as="p" block role="status">Not stamped yet.</Text>;
  const on = stampedOn(stamp);
  if (stamp.sheet !== sheet) return <Text as="p" block role="status">The stamp (validated on {on}) covers the sheet &quot;{stamp.sheet}&quot;: choose it above to compare.</Text>;
  if (compared === null) return <Spinner size="tiny" label="Comparing with the stamp…" />;
  if (compared.status === "match") {
    return <Text as="p" block role="status" weight="semibold">Validated on {on} — data unchanged ({stamp.rows.length} trust rows).</Text>;
  }
  if (compared.status === "errors") {
    return (
      <Text as="p" block role="status" weight="semibold">
        Validated on {on} — matches its stamp, but has {plural(compared.errors, "error")} under the current rules: the stamp no longer holds.
      </Text>
    );
  }
  return (
    <div role="status">
      <Text as="p" block weight="semibold">Validated on {on} — changed since:</Text>
      <ul aria-label="Changes since the stamp">
        {describeStampChanges(compared.comparison).map((line) => <li key={line}>{line}</li>)}
      </ul>
      <Text as="p" block size={200}>The stamp keeps fingerprints of the values, not the values themselves: it can say what a value is now, not what it was.</Text>
    </div>
  );
}

export function StampView({ gateway, sheet, validation, now = () => new Date() }: StampViewProps) {
  const { check, operation: checking } = validation;
  const { stamp, compared, reading, compareError, dismissCompareError, stamped } = useStampReading(gateway, check);
  const { run: readStamp } = reading;
  useAutoCheck(validation, sheet);

  const stamping = useOperation(async () => {
    // Checked again right now: the stamp must describe the data as it is when written.
    const fresh = await checking.run();
    if (!fresh) throw new Error("The return could not be checked just now: try again.");
    stamped(await stampReturn(gateway, fresh, now()));
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
      <FailureBar what="Could not compare with the stamp" error={compareError} onDismiss={dismissCompareError} />
      <FailureBar what="Could not stamp the return" error={stamping.error} hint="Check that the workbook is not protected, then try again." onDismiss={stamping.dismissError} />
    </section>
  );
}
