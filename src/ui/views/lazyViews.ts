/**
 * The views the pane does not open on, each loaded on first use from its own chunk (view-<name>.js), so
 * the pane's first download holds only the Validate view and what every view shares. The App shows a
 * Spinner (its Suspense fallback) while a view's chunk loads; webpack prefetches the chunks once the pane
 * has loaded, so switching tabs rarely waits. Scores' charts and Template's workbook layout load with them.
 */
import { createElement, lazy, type ComponentType, type FunctionComponent, type LazyExoticComponent } from "react";
import type { ColumnsViewProps } from "./ColumnsView";
import type { CompareViewProps } from "./CompareView";
import type { ExportViewProps } from "./ExportView";
import type { MergeViewProps } from "./MergeView";
import type { ScoresViewProps } from "./ScoresView";
import type { StampViewProps } from "./StampView";
import type { TemplateViewProps } from "./TemplateView";

/**
 * React.lazy over `load`, except that a failed load (the chunk could not be fetched) is tried again the
 * next time the view is shown: React.lazy alone would keep the failure for good, and the error boundary
 * around the views tells the user to switch tabs and back to try again.
 */
export function lazyView<P extends object>(displayName: string, load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let current: LazyExoticComponent<ComponentType<P>>;
  const attempt = () =>
    load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        current = lazy(attempt);
        throw error;
      },
    );
  current = lazy(attempt);
  const View: FunctionComponent<P> = (props) => createElement(current, props);
  View.displayName = displayName;
  return View;
}

export const TemplateView = lazyView<TemplateViewProps>("TemplateView", () =>
  import(/* webpackChunkName: "view-template", webpackPrefetch: true */ "./TemplateView").then((m) => m.TemplateView),
);
export const MergeView = lazyView<MergeViewProps>("MergeView", () =>
  import(/* webpackChunkName: "view-merge", webpackPrefetch: true */ "./MergeView").then((m) => m.MergeView),
);
export const ColumnsView = lazyView<ColumnsViewProps>("ColumnsView", () =>
  import(/* webpackChunkName: "view-columns", webpackPrefetch: true */ "./ColumnsView").then((m) => m.ColumnsView),
);
export const ScoresView = lazyView<ScoresViewProps>("ScoresView", () =>
  import(/* webpackChunkName: "view-scores", webpackPrefetch: true */ "./ScoresView").then((m) => m.ScoresView),
);
export const ExportView = lazyView<ExportViewProps>("ExportView", () =>
  import(/* webpackChunkName: "view-export", webpackPrefetch: true */ "./ExportView").then((m) => m.ExportView),
);
export const StampView = lazyView<StampViewProps>("StampView", () =>
  import(/* webpackChunkName: "view-stamp", webpackPrefetch: true */ "./StampView").then((m) => m.StampView),
);
export const CompareView = lazyView<CompareViewProps>("CompareView", () =>
  import(/* webpackChunkName: "view-compare", webpackPrefetch: true */ "./CompareView").then((m) => m.CompareView),
);
