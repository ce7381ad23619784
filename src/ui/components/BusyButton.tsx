/** A button for a long operation: disabled while it runs, with a spinner, so it cannot start twice. */
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
      disabled={busy || disabled}
      onClick={onClick}
      icon={busy ? <Spinner size="tiny" aria-label="Working" /> : undefined}
    >
      {children}
    </Button>
  );
}
