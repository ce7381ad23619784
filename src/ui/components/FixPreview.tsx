/**
 * Says exactly which cells a fix will change (cell: old → new) before anything is written. It opens where it was
 * asked for (next to the issue, or under Fix all), as a non-modal disclosure: the region is scrolled into view and
 * focus moves to Apply (described by what will change); Escape cancels. The view puts focus back afterwards.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { FixableIssue } from "../../app/issueGroups";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  list: { maxHeight: "12rem", overflowY: "auto", margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export const FIX_PREVIEW_ID = "fix-preview";

export interface FixPreviewProps {
  readonly fixes: readonly FixableIssue[];
  readonly busy: boolean;
  /** Apply waits (e.g. the sheet changed since the check: the fixes could write over the user's edits). */
  readonly blocked?: boolean;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

export function FixPreview({ fixes, busy, blocked = false, onApply, onCancel }: FixPreviewProps) {
  const styles = useStyles();
  const titleId = useId();
  const listId = useId();
  const regionRef = useRef<HTMLDivElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const region = regionRef.current;
    // jsdom has no scrollIntoView; browsers do.
    if (region && typeof region.scrollIntoView === "function") region.scrollIntoView({ block: "nearest" });
    applyRef.current?.focus({ preventScroll: true });
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Escape" || busy) return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  const single = fixes.length === 1;
  return (
    <div id={FIX_PREVIEW_ID} ref={regionRef} role="region" aria-label="Changes to apply" onKeyDown={onKeyDown}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={titleId}>{single ? "This cell will change:" : `These ${fixes.length} cells will change:`}</MessageBarTitle>
          <ul id={listId} className={styles.list} tabIndex={0} aria-label="Changes to apply">
            {fixes.map((f) => (
              <li key={`${f.sheet}!${f.cell}`}>
                {f.sheet}!{f.cell}: {String(f.value)} → {String(f.replacement)}
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            {/* Focusable while it works, so focus stays in the preview until the view moves it on. */}
            <Button
              ref={applyRef}
              appearance="primary"
              disabledFocusable={busy || blocked}
              onClick={onApply}
              aria-describedby={single ? `${titleId} ${listId}` : titleId}
              icon={busy ? <Spinner size="tiny" aria-label="Working" /> : undefined}
            >
              Apply
            </Button>
            <Button onClick={onCancel} disabled={busy}>Cancel</Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
