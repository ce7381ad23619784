/** Says exactly which cells a fix will change (cell: old → new) before anything is written. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { FixableIssue } from "../../app/issueGroups";
import { BusyButton } from "./BusyButton";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  list: { maxHeight: "12rem", overflowY: "auto", margin: 0 },
});

export interface FixPreviewProps {
  readonly fixes: readonly FixableIssue[];
  readonly busy: boolean;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

export function FixPreview({ fixes, busy, onApply, onCancel }: FixPreviewProps) {
  const styles = useStyles();
  return (
    <div role="region" aria-label="Changes to apply">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{fixes.length === 1 ? "This cell will change:" : `These ${fixes.length} cells will change:`}</MessageBarTitle>
          <ul className={styles.list}>
            {fixes.map((f) => (
              <li key={`${f.sheet}!${f.cell}`}>
                {f.sheet}!{f.cell}: {String(f.value)} → {String(f.replacement)}
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <BusyButton appearance="primary" busy={busy} onClick={onApply}>Apply</BusyButton>
            <Button onClick={onCancel} disabled={busy}>Cancel</Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
