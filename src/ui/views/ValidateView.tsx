/**
 * Validate: checks the chosen sheet, says whether the return is ready to send, lists the issues by row,
 * selects an issue's cell, marks and unmarks issue cells, and fixes non-canonical spellings after a preview.
 * An issue on a hidden sheet: the gateway refuses to go there (Excel cannot select a cell on a hidden sheet), and the
 * view offers to unhide the sheet and go there; only that button unhides it (never a very hidden sheet).
 * Under the verdict it says the next step (app/returnState.ts): with no return yet (an empty sheet, or one with no
 * header row) it says so and offers the Template tab instead of listing every missing column.
 */
import { useMemo, useState } from "react";
import { Button, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../core/issues";
import { isHiddenSheetError, type WorkbookGateway } from "../../app/gateway";
import { BusyButton } from "../components/BusyButton";
import { FailureBar } from "../components/FailureBar";
import { FixPreview } from "../components/FixPreview";
import { HiddenSheetBar } from "../components/HiddenSheetBar";
import { IssueList } from "../components/IssueList";
import { useOperation } from "../hooks/useOperation";
import { useSheetWatch } from "../hooks/useSheetWatch";
import { useAutoCheck } from "../hooks/useValidation";
import type { Validation } from "../hooks/useValidation";
import { fixWritesBySheet, groupIssues, isFixable } from "../../app/issueGroups";
import { marksBySheet } from "../../app/marks";
import type { FixableIssue } from "../../app/issueGroups";
import { verdict } from "../../app/verdict";
import { nextStep, returnState } from "../../app/returnState";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface ValidateViewProps {
  readonly gateway: WorkbookGateway;
  readonly sheet: string | null;
  readonly validation: Validation;
  /** Shows the Template tab (offered when the sheet holds no return yet). */
  readonly onOpenTemplate?: () => void;
}

export function ValidateView({ gateway, sheet, validation, onOpenTemplate }: ValidateViewProps) {
  const styles = useStyles();
  const { check, operation: checking, request } = validation;
  const [watching, setWatching] = useState(false);
  const [pendingFixes, setPendingFixes] = useState<readonly FixableIssue[] | null>(null);
  useAutoCheck(validation, sheet);
  const watch = useSheetWatch(gateway, sheet, watching, request);

  const issues = useMemo(() => check?.issues ?? [], [check]);
  const groups = useMemo(
    () => (check ? groupIssues(check.issues, check.result.trusts, check.result.headerRow, check.sheet.name) : []),
    [check],
  );
  const fixable = useMemo(() => issues.filter(isFixable), [issues]);
  const state = useMemo(() => (check ? returnState(check) : null), [check]);

  // The issue whose sheet turned out to be hidden (not very hidden): the user may unhide it and go there.
  const [hiddenTarget, setHiddenTarget] = useState<Issue | null>(null);
  const selecting = useOperation(async (issue: Issue, unhide = false) => {
    setHiddenTarget(null);
    try {
      await gateway.selectCell(issue.sheet, issue.cell, unhide ? { unhide: true } : undefined);
    } catch (error) {
      if (isHiddenSheetError(error) && !error.veryHidden) {
        setHiddenTarget({ ...issue, sheet: error.sheet });
        return;
      }
      throw error;
    }
  });
  const marking = useOperation(async () => {
    for (const [name, marks] of marksBySheet(issues)) await gateway.markCells(name, marks);
  });
  const clearing = useOperation(async () => {
    const names = new Set([...(sheet === null ? [] : [sheet]), ...issues.map((i) => i.sheet)]);
    for (const name of names) await gateway.clearMarks(name);
  });
  const fixing = useOperation(async (fixes: readonly FixableIssue[]) => {
    for (const [name, writes] of fixWritesBySheet(fixes)) await gateway.writeCells(name, writes);
    setPendingFixes(null);
    request();
  });

  const busy = checking.running || fixing.running;
  return (
    <section aria-labelledby="validate-heading">
      <h2 id="validate-heading">Validate</h2>
      <div className={styles.toolbar}>
        <BusyButton appearance="primary" busy={checking.running} disabled={sheet === null} onClick={() => void checking.run()}>
          Re-validate
        </BusyButton>
        <BusyButton busy={marking.running} disabled={issues.length === 0} onClick={() => void marking.run()}>Mark</BusyButton>
        <BusyButton busy={clearing.running} disabled={sheet === null} onClick={() => void clearing.run()}>Clear marks</BusyButton>
        <Button disabled={fixable.length === 0 || busy} onClick={() => setPendingFixes(fixable)}>Fix all ({fixable.length})</Button>
      </div>
      <Switch label="Re-validate when the sheet changes" checked={watching} onChange={(_, data) => setWatching(data.checked)} />
      {checking.running ? <Spinner size="small" label="Checking the return…" /> : null}
      {check && state?.kind === "no-return" ? (
        <div className={styles.toolbar}>
          <Text as="p" block role="status" weight="semibold">{nextStep(state)}</Text>
          {onOpenTemplate ? <Button appearance="primary" onClick={onOpenTemplate}>Insert the template</Button> : null}
        </div>
      ) : null}
      {check && state && state.kind !== "no-return" ? (
        <>
          <Text as="p" block role="status" weight="semibold">
            {verdict({ errors: check.errors, warnings: check.warnings, rows: check.result.rows })} ({check.result.rows} trust rows, submission date {check.submitted})
          </Text>
          <Text as="p" block>Next: {nextStep(state)}</Text>
        </>
      ) : null}
      {pendingFixes ? (
        <FixPreview fixes={pendingFixes} busy={fixing.running} onApply={() => void fixing.run(pendingFixes)} onCancel={() => setPendingFixes(null)} />
      ) : null}
      <FailureBar what="Could not check the return" error={checking.error} hint="Check that the sheet still exists (Refresh sheets) and try Re-validate." onDismiss={checking.dismissError} />
      {hiddenTarget ? (
        <HiddenSheetBar
          sheet={hiddenTarget.sheet}
          address={hiddenTarget.cell}
          busy={selecting.running}
          onUnhide={() => void selecting.run(hiddenTarget, true)}
          onDismiss={() => setHiddenTarget(null)}
        />
      ) : null}
      <FailureBar what="Could not select the cell" error={selecting.error} hint="The sheet may have been renamed, deleted or hidden: re-validate." onDismiss={selecting.dismissError} />
      <FailureBar what="Could not mark the cells" error={marking.error} hint="Check that the sheet is not protected, then try Mark again." onDismiss={marking.dismissError} />
      <FailureBar what="Could not clear the marks" error={clearing.error} hint="Check that the sheet is not protected, then try Clear marks again." onDismiss={clearing.dismissError} />
      <FailureBar what="Could not apply the fixes" error={fixing.error} hint="Check that the sheet is not protected, re-validate, and try the fix again." onDismiss={fixing.dismissError} />
      <FailureBar what="Could not follow the sheet's changes" error={watch.error} hint="Turn the option off and on again, or re-validate by hand." onDismiss={watch.dismissError} />
      {/* An empty sheet: the next step says it all, not one "missing column" per required column. */}
      {check && !(state?.kind === "no-return" && state.empty) ? <IssueList key={check.sheet.name} groups={groups} onSelect={(issue) => void selecting.run(issue)} onFix={setPendingFixes} busy={busy} /> : null}
    </section>
  );
}
