/**
 * Going to an issue on a hidden sheet: Excel cannot select a cell there, so the gateway refused (HiddenSheetError).
 * Says so and offers, as a button, to unhide the sheet and go there: the sheet is unhidden only when the user asks.
 * Not for a very hidden sheet, which the add-in never unhides (the view shows the gateway's message instead).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface HiddenSheetBarProps {
  readonly sheet: string;
  readonly address: string;
  readonly busy: boolean;
  readonly onUnhide: () => void;
  readonly onDismiss: () => void;
}

export function HiddenSheetBar({ sheet, address, busy, onUnhide, onDismiss }: HiddenSheetBarProps) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The sheet "{sheet}" is hidden</MessageBarTitle>
        Excel cannot select {sheet}!{address} while its sheet is hidden. Unhide the sheet to go there, or leave it hidden.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={busy} onClick={onUnhide}>Unhide the sheet and go there</Button>
        <Button appearance="transparent" onClick={onDismiss}>Dismiss</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
