/**
 * A button for a long operation: inert while it runs, with a spinner, so it cannot start twice. While busy it stays
 * focusable (disabledFocusable), so a keyboard user who pressed it keeps their place instead of falling to the page start.
 */
import { Button, Spinner } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface BusyButtonProps {
  readonly busy: boolean;
  readonly disabled?: boolean;
  readonly appearance?: "primary" | "secondary" | "subtle";
  readonly onClick: () => void;
  readonly children: ReactNode;
}

export function BusyButton({ busy, disabled, appearance, onClick, children }: BusyButtonProps) {
  return (
    <Button
      appearance={appearance}
      disabled={disabled === true}
      disabledFocusable={busy && disabled !== true}
      onClick={onClick}
      icon={busy ? <Spinner size="tiny" aria-label="Working" /> : undefined}
    >
      {children}
    </Button>
  );
}
