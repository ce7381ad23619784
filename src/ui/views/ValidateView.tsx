/**
 * Validate: checks the chosen sheet, says whether the return is ready to send, and leads the review of its issues:
 * counts by severity and kind, filters (severity, kind, column), Previous/Next issue (each selects its cell), marks
 * that follow the check, fixes after a preview (spellings, month-first dates, numbers typed as text), and
 * accepting a warning (stored in the workbook; it leaves the counts until the cell's value changes).
 *
 * Live checking (useValidation) is on by default: each edit re-checks. Off, an edit makes the list say it is out
 * of date, and its fixes wait for a re-check (they would write over the edit).
 *
 * An issue on a hidden sheet: the gateway refuses to go there (Excel cannot select a cell on a hidden sheet), and the
 * view offers to unhide the sheet and go there; only that button unhides it (never a very hidden sheet).
 * Under the verdict it says the next step (app/returnState.ts): with no return yet (an empty sheet, or one with no
 * header row) it says so and offers the Template tab instead of listing every missing column. Beside the verdict, the
 * submission date the rules measured from, and where it came from; a box to give it when the ICS sheet gives none
 * (SubmissionDateField: saved with the return).
 *
 * Focus never drops to the page start: a fix preview takes focus (FixPreview) and gives it back to the button
 * that opened it on Cancel or Escape, and to the Issues heading after Apply; an accepted warning's row goes, and
 * focus goes to that heading too.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../core/issues";
import { plural } from "../../core/plural";
import { isHiddenSheetError, type WorkbookGateway } from "../../app/gateway";
import { fixWritesBySheet, groupIssues, isFixable, stillPending, type FixableIssue } from "../../app/issueGroups";
import { countByCode, countBySeverity } from "../../app/review/counts";
import { columnOptions, filterIssues, isFiltered, NO_FILTER, type IssueFilter } from "../../app/review/filters";
import { withSuggestedFixes } from "../../app/review/fixes";
import { issueCellName, issueKey } from "../../app/review/issueKeys";
import { stepIssue, type Direction, type IssuePlace } from "../../app/review/navigation";
import { verdict } from "../../app/verdict";
import { nextStep, returnState } from "../../app/returnState";
import { BusyButton } from "../components/BusyButton";
import { FailureBar } from "../components/FailureBar";
import { FIX_PREVIEW_ID, FixPreview } from "../components/FixPreview";
import { HiddenSheetBar } from "../components/HiddenSheetBar";
import { IssueList } from "../components/IssueList";
import { StampStateBar } from "../components/StampStateBar";
import { SubmissionDateField } from "../components/SubmissionDateField";
import { AcceptedList } from "../components/review/AcceptedList";
import { IssueStepper } from "../components/review/IssueStepper";
import { formatUkDate } from "../format";
import { useOperation } from "../hooks/useOperation";
import { useAutoCheck } from "../hooks/useValidation";
import type { Validation } from "../hooks/useValidation";

/**
 * The filters bring Fluent's Dropdown (combobox and positioning, about 40 KB gzipped with the toggles): loaded
 * after the pane's first paint, so the Validate view, the pane's first view, stays in the small first download.
 */
const ReviewFilters = lazy(async () => ({ default: (await import(/* webpackChunkName: "review-filters" */ "../components/review/ReviewFilters")).ReviewFilters }));

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  review: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  listHeading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0 0` },
});

export interface ValidateViewProps {
  readonly gateway: WorkbookGateway;
  readonly sheet: string | null;
  readonly validation: Validation;
  /** Shows the Template tab (offered when the sheet holds no return yet). */
  readonly onOpenTemplate?: () => void;
}

/** An open fix preview: what it will write, the issue it opened under (null: Fix all) and the button that opened it. */
interface PendingFix {
  readonly fixes: readonly FixableIssue[];
  readonly anchor: string | null;
  readonly opener: HTMLElement | null;
}

function fixedNotice(fixes: readonly FixableIssue[]): string {
  const [only] = fixes;
  return fixes.length === 1 && only ? `Fixed ${issueCellName(only)}.` : `Fixed ${fixes.length} cells.`;
}

export function ValidateView({ gateway, sheet, validation, onOpenTemplate }: ValidateViewProps) {
  const styles = useStyles();
  const { check, operation: checking, request, review, stale, live, setLive, watch, acceptances, marks } = validation;
  useAutoCheck(validation, sheet);
  const [filter, setFilter] = useState<IssueFilter>(NO_FILTER);
  const [current, setCurrent] = useState<IssuePlace | null>(null);
  const [pending, setPending] = useState<PendingFix | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  const trustSheet = check?.sheet.name ?? "";
  // Every issue still open, each fix the message knows attached (review/fixes.ts).
  const open = useMemo(() => withSuggestedFixes(review?.open ?? []), [review]);
  const severity = useMemo(() => countBySeverity(open), [open]);
  const codes = useMemo(() => countByCode(open), [open]);
  const columns = useMemo(() => (check ? columnOptions(open, trustSheet, check.mapping.mapping) : []), [open, trustSheet, check]);
  const shown = useMemo(() => filterIssues(open, filter, trustSheet), [open, filter, trustSheet]);
  const shownKeys = useMemo(() => shown.map(issueKey), [shown]);
  const groups = useMemo(
    () => (check ? groupIssues(shown, check.result.trusts, check.result.headerRow, trustSheet) : []),
    [shown, check, trustSheet],
  );
  const fixable = useMemo(() => shown.filter(isFixable), [shown]);
  const state = useMemo(() => (check ? returnState(check) : null), [check]);

  // Another sheet: its own review.
  useEffect(() => {
    setFilter(NO_FILTER);
    setCurrent(null);
    setPending(null);
  }, [trustSheet]);

  const focusListHeading = () => listHeadingRef.current?.focus();
  /** Gives focus back to what opened the preview, else to the Issues heading. */
  const closePreview = useCallback(() => {
    const opener = pendingRef.current?.opener ?? null;
    if (opener !== null && opener.isConnected && !opener.hasAttribute("disabled")) opener.focus();
    else listHeadingRef.current?.focus();
    setPending(null);
  }, []);

  // A new check while a preview is open: keep only the fixes that still apply (the user may have edited a cell).
  useEffect(() => {
    const shownPreview = pendingRef.current;
    if (shownPreview === null) return;
    const still = stillPending(shownPreview.fixes, open);
    if (still.length === shownPreview.fixes.length) return;
    if (still.length === 0) closePreview();
    else setPending({ ...shownPreview, fixes: still });
  }, [open, closePreview]);

  // The issue's cell, when an issue is activated or stepped to: the sheet turned out hidden (not very hidden)?
  // The user may unhide it and go there.
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
  const goTo = (issue: Issue, index: number) => {
    setCurrent({ key: issueKey(issue), index });
    void selecting.run(issue);
  };
  const step = (direction: Direction) => {
    const index = stepIssue(shownKeys, current, direction);
    const issue = index === null ? undefined : shown[index];
    if (index !== null && issue) goTo(issue, index);
  };
  const currentIndex = current === null ? -1 : shownKeys.indexOf(current.key);
  // A filter that hides the current issue starts the stepping afresh: its place in another list says nothing of this one.
  const changeFilter = (next: IssueFilter) => {
    setFilter(next);
    if (current !== null && !filterIssues(open, next, trustSheet).some((issue) => issueKey(issue) === current.key)) setCurrent(null);
  };

  const fixing = useOperation(async (fixes: readonly FixableIssue[]) => {
    for (const [name, writes] of fixWritesBySheet(fixes)) await gateway.writeCells(name, writes);
    // Before the preview goes, so that focus moves to the list rather than dropping to the page start.
    focusListHeading();
    setPending(null);
    setNotice(fixedNotice(fixes));
    request();
  });
  const openPreview = (fixes: readonly FixableIssue[], opener: HTMLElement, anchor: string | null) => {
    setNotice(null);
    setPending({ fixes, anchor, opener });
  };

  const accept = (issue: Issue) => {
    // The row leaves the list once accepted: focus goes to the list heading first.
    focusListHeading();
    setNotice(null);
    void acceptances.accept.run(issue).then((done) => {
      if (done === true) setNotice(`Accepted the warning in ${issueCellName(issue)}.`);
    });
  };

  const busy = checking.running || fixing.running;
  const accepting = acceptances.accept.running || acceptances.unaccept.running;
  const fixDisabled = busy || stale;
  const anchorShown = pending !== null && pending.anchor !== null && shownKeys.includes(pending.anchor);
  const preview = pending ? (
    <FixPreview fixes={pending.fixes} busy={fixing.running} blocked={stale} onApply={() => void fixing.run(pending.fixes)} onCancel={closePreview} />
  ) : null;
  // Besides the sheets the marks hook knows it marked, Clear marks clears the chosen sheet and every sheet with issues
  // (marks an older version of the add-in left, which its record may not list).
  const clearSheets = [...new Set([...(sheet === null ? [] : [sheet]), ...(check?.issues ?? []).map((i) => i.sheet)])];
  const listed = check !== null && !(state?.kind === "no-return" && state.empty);

  return (
    <section aria-labelledby="validate-heading">
      <h2 id="validate-heading">Validate</h2>
      <div className={styles.toolbar}>
        <BusyButton appearance="primary" busy={checking.running} disabled={sheet === null} onClick={() => void checking.run()}>
          Re-validate
        </BusyButton>
        <BusyButton busy={marks.mark.running} disabled={open.length === 0} onClick={() => void marks.mark.run()}>Mark</BusyButton>
        <BusyButton busy={marks.clear.running} disabled={sheet === null} onClick={() => void marks.clear.run(clearSheets)}>Clear marks</BusyButton>
        <Button
          disabled={fixable.length === 0 || fixDisabled}
          onClick={(event) => openPreview(fixable, event.currentTarget, null)}
          aria-expanded={pending !== null && !anchorShown}
          aria-controls={pending !== null && !anchorShown ? FIX_PREVIEW_ID : undefined}
        >
          {isFiltered(filter) ? `Fix all shown (${fixable.length})` : `Fix all (${fixable.length})`}
        </Button>
      </div>
      <Switch label="Re-validate when the sheet changes" checked={live} onChange={(_, data) => setLive(data.checked)} />
      {marks.following ? <Text as="p" block size={200}>The marks follow each check until you clear them.</Text> : null}
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
            {verdict({ errors: severity.errors, warnings: severity.warnings, rows: check.result.rows })} ({plural(check.result.rows, "trust row")}, submission date {formatUkDate(check.submitted)})
          </Text>
          <SubmissionDateField gateway={gateway} submitted={check.submitted} from={check.submittedFrom} hasIcsSheet={check.ics !== null} onSaved={request} />
          <Text as="p" block>Next: {nextStep(state)}</Text>
          <StampStateBar gateway={gateway} check={check} />
        </>
      ) : null}
      {stale ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <span role="status">The sheet changed since this check. Re-validate to update the list.</span>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {pending !== null && !anchorShown ? preview : null}
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
      <FailureBar what="Could not mark the cells" error={marks.mark.error} hint="Check that the sheet is not protected, then try Mark again." onDismiss={marks.mark.dismissError} />
      <FailureBar what="Could not update the marks" error={marks.updateError} hint="The next check tries again; Clear marks stops the marks following the check." onDismiss={marks.dismissUpdateError} />
      <FailureBar what="Could not clear the marks" error={marks.clear.error} hint="Check that the sheet is not protected, then try Clear marks again." onDismiss={marks.clear.dismissError} />
      <FailureBar what="Could not apply the fixes" error={fixing.error} hint="Check that the sheet is not protected, re-validate, and try the fix again." onDismiss={fixing.dismissError} />
      <FailureBar what="Could not follow the sheet's changes" error={watch.error} hint="Re-validate by hand after your edits, or reopen the pane." onDismiss={watch.dismissError} />
      <FailureBar what="Could not read the accepted warnings" error={acceptances.loadError} hint="Warnings cannot be accepted until they are read: reopen the pane." onDismiss={acceptances.dismissLoadError} />
      <FailureBar what="Could not accept the warning" error={acceptances.accept.error} hint="Check that the workbook is not protected, then try again." onDismiss={acceptances.accept.dismissError} />
      <FailureBar what="Could not un-accept the warning" error={acceptances.unaccept.error} hint="Check that the workbook is not protected, then try again." onDismiss={acceptances.unaccept.dismissError} />
      {/* An empty sheet: the next step says it all, not one "missing column" per required column. */}
      {listed ? (
        <div className={styles.review}>
          <h3 id="issues-heading" ref={listHeadingRef} tabIndex={-1} className={styles.listHeading}>Issues</h3>
          {notice ? <Text as="p" block role="status">{notice}</Text> : null}
          {open.length > 0 ? (
            <>
              <Suspense fallback={null}>
                <ReviewFilters severity={severity} codes={codes} columns={columns} filter={filter} onChange={changeFilter} />
              </Suspense>
              <IssueStepper position={currentIndex < 0 ? null : currentIndex} total={shown.length} onStep={step} />
            </>
          ) : (
            <Text as="p" block>No issues to review.</Text>
          )}
          {open.length > 0 && shown.length === 0 ? <Text as="p" block>No issues match these filters.</Text> : null}
          <IssueList
            key={`${trustSheet}|${JSON.stringify(filter)}`}
            groups={groups}
            onSelect={(issue) => goTo(issue, shownKeys.indexOf(issueKey(issue)))}
            onFix={(fixes, opener) => {
              const [only] = fixes;
              openPreview(fixes, opener, only ? issueKey(only) : null);
            }}
            onAccept={accept}
            fixDisabled={fixDisabled}
            acceptDisabled={accepting || !acceptances.ready}
            currentKey={current?.key ?? null}
            preview={pending !== null && anchorShown && pending.anchor !== null ? { anchor: pending.anchor, node: preview } : null}
          />
          {/* Mounted only while there are some, so it opens closed each time. */}
          {review && review.accepted.length > 0 ? (
            <AcceptedList
              accepted={review.accepted}
              busy={accepting}
              onUnaccept={(acceptance) => {
                // The last one: the whole list goes, so focus goes to the Issues heading.
                if (review.accepted.length === 1) focusListHeading();
                setNotice(null);
                void acceptances.unaccept.run(acceptance);
              }}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
