/** The one way the task pane reports a failure: what failed, the gateway's message, and what to do. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface FailureBarProps {
  /** What failed, e.g. "Could not insert the template". */
  readonly what: string;
  readonly error: string | null;
  /** What the user can do about it. */
  readonly hint?: string;
  readonly onDismiss?: () => void;
}

export function FailureBar({ what, error, hint, onDismiss }: FailureBarProps) {
  if (error === null) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{what}</MessageBarTitle>
        {error}
        {hint ? ` ${hint}` : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button appearance="transparent" onClick={onDismiss}>Dismiss</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
