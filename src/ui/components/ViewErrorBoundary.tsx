/**
 * Keeps a bug in one view from blanking the whole pane: the view is replaced by a MessageBar with the error,
 * the other tabs keep working.
 */
import { Component } from "react";
import type { ReactNode } from "react";
import { FailureBar } from "./FailureBar";
import { messageOf } from "../hooks/useOperation";

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly error: string | null;
}

export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: messageOf(error) };
  }

  override render() {
    if (this.state.error !== null) {
      return <FailureBar what="This view stopped working" error={this.state.error} hint="Switch tabs and back to try again; if it persists, report it with the steps that led here." />;
    }
    return this.props.children;
  }
}
