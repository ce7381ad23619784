/**
 * One issue of the list: a button that selects its cell, then Fix (when the right value is known) and Accept (a
 * warning). The current issue (the one Next/Previous or a click went to) is marked and scrolled into view. A fix
 * preview opened from this issue's Fix shows right under it.
 */
import { useEffect, useRef, type ReactNode } from "react";
import { Badge, Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Issue, IssueValue } from "../../core/issues";
import { isFixable, type FixableIssue } from "../../app/issueGroups";
import { canAccept } from "../../app/review/acceptance";
import { FIX_PREVIEW_ID } from "./FixPreview";

const useStyles = makeStyles({
  item: { display: "flex", flexWrap: "wrap", alignItems: "start", columnGap: tokens.spacingHorizontalXS },
  // Wide enough for the message; at 320 px the actions go under it rather than squeeze it.
  issue: { justifyContent: "flex-start", textAlign: "left", height: "auto", fontWeight: tokens.fontWeightRegular, flex: "1 1 14rem", minWidth: 0, overflowWrap: "anywhere" },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, outline: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, marginLeft: "auto" },
  preview: { flexBasis: "100%", marginTop: tokens.spacingVerticalXS },
});

function describeValue(value: IssueValue): string {
  if (value === null) return "";
  return typeof value === "string" ? ` "${value}"` : ` ${String(value)}`;
}

export interface IssueItemProps {
  readonly issue: Issue;
  readonly current: boolean;
  readonly onSelect: (issue: Issue) => void;
  readonly onFix: (fixes: readonly FixableIssue[], opener: HTMLElement) => void;
  /** Left out: no Accept (e.g. the list of accepted warnings). */
  readonly onAccept?: (issue: Issue) => void;
  readonly fixDisabled: boolean;
  readonly acceptDisabled: boolean;
  /** The fix preview opened from this issue, or null. */
  readonly preview: ReactNode;
}

export function IssueItem({ issue, current, onSelect, onFix, onAccept, fixDisabled, acceptDisabled, preview }: IssueItemProps) {
  const styles = useStyles();
  const selectRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const button = selectRef.current;
    if (current && button && typeof button.scrollIntoView === "function") button.scrollIntoView({ block: "nearest" });
  }, [current]);

  const previewOpen = preview !== null;
  return (
    <li className={styles.item}>
      <Button
        ref={selectRef}
        appearance="subtle"
        className={mergeClasses(styles.issue, current && styles.current)}
        aria-current={current ? "true" : undefined}
        onClick={() => onSelect(issue)}
        title={`Select ${issue.sheet}!${issue.cell}`}
      >
        <span>
          <Badge appearance="tint" color={issue.severity === "error" ? "danger" : "warning"}>
            {issue.severity === "error" ? "Error" : "Warning"}
          </Badge>{" "}
          {issue.cell}:{describeValue(issue.value)} — {issue.message}
        </span>
      </Button>
      <span className={styles.actions}>
        {isFixable(issue) ? (
          <Button
            size="small"
            disabled={fixDisabled}
            onClick={(event) => onFix([issue], event.currentTarget)}
            aria-label={`Fix ${issue.cell}`}
            aria-expanded={previewOpen}
            aria-controls={previewOpen ? FIX_PREVIEW_ID : undefined}
          >
            Fix
          </Button>
        ) : null}
        {onAccept && canAccept(issue) ? (
          <Button size="small" disabled={acceptDisabled} onClick={() => onAccept(issue)} aria-label={`Accept the warning in ${issue.cell}`}>
            Accept
          </Button>
        ) : null}
      </span>
      {previewOpen ? <div className={styles.preview}>{preview}</div> : null}
    </li>
  );
}
