/**
 * "N accepted (show)": the warnings the user accepted, left out of the counts, shown on request with when each
 * was accepted, and Un-accept to count it again.
 */
import { useId, useRef, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { AcceptedIssue, AcceptedWarning } from "../../../app/review/acceptance";
import { ISSUE_CODE_LABELS } from "../../../app/review/codeLabels";

const useStyles = makeStyles({
  list: { listStyleType: "none", paddingLeft: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", overflowWrap: "anywhere" },
  text: { flex: "1 1 14rem", minWidth: 0 },
});

/** "12 Mar 2026", or "at an unknown time" for a stored time that does not read. */
function acceptedOn(at: string): string {
  const time = Date.parse(at);
  return Number.isNaN(time) ? "at an unknown time" : `on ${new Date(time).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}`;
}

function describe({ issue, acceptance }: AcceptedIssue): string {
  const value = issue.value === null ? "" : ` ${typeof issue.value === "string" ? `"${issue.value}"` : String(issue.value)}`;
  return `${issue.sheet}!${issue.cell}:${value} — ${ISSUE_CODE_LABELS[issue.code]}, accepted ${acceptedOn(acceptance.at)}`;
}

export interface AcceptedListProps {
  readonly accepted: readonly AcceptedIssue[];
  readonly onUnaccept: (acceptance: AcceptedWarning) => void;
  readonly busy: boolean;
}

export function AcceptedList({ accepted, onUnaccept, busy }: AcceptedListProps) {
  const styles = useStyles();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  if (accepted.length === 0) return null;
  const unaccept = (acceptance: AcceptedWarning) => {
    // Its row leaves this list: focus goes to the list's button first, never to the page start.
    toggleRef.current?.focus();
    onUnaccept(acceptance);
  };
  return (
    <div>
      <Button ref={toggleRef} appearance="subtle" aria-expanded={open} aria-controls={open ? listId : undefined} onClick={() => setOpen(!open)}>
        {accepted.length} accepted ({open ? "hide" : "show"})
      </Button>
      {open ? (
        <ul id={listId} className={styles.list} aria-label="Accepted warnings">
          {accepted.map((entry, i) => (
            <li key={`${entry.issue.cell}-${entry.issue.code}-${i}`} className={styles.item}>
              <span className={styles.text}>{describe(entry)}</span>
              <Button size="small" disabled={busy} onClick={() => unaccept(entry.acceptance)} aria-label={`Un-accept the warning in ${entry.issue.cell}`}>
                Un-accept
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
