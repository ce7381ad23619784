/**
 * The little of the Office runtime the gateway needs, behind one interface so tests can
 * hand in office-addin-mock objects or a fake. The default reads the Excel and Office
 * globals only when called (they exist once Office.onReady has fired).
 */

export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** What a batch asks of Excel.run beyond running it. */
export interface RunOptions {
  /**
   * The batch is one user action (Fix all, Merge, Insert template...): Excel makes all its syncs one undo step where it
   * can. Excel.RunOptions.mergeUndoGroup (ExcelApi 1.20): "When false, each `context.sync()` call creates an undo
   * record. When true, all `context.sync()` calls in a single `Excel.run` are merged into one `undo` group"
   * (@types/office-js; https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   */
  readonly oneUndoStep?: boolean;
  /**
   * The batch sets Worksheet.visibility, which Excel on Windows and on Mac cannot undo (the undo article's table of
   * unsupported APIs: supported on the web only). In a merged group such an API fails the batch with UndoNotSupported
   * (same article), so there the batch is not merged (and Excel clears the undo stack from that call on anyway).
   */
  readonly setsVisibility?: boolean;
}

export interface OfficeHost {
  /** One Excel.run. Ours always pass delayForCellEdit, so a user typing in a cell delays the batch instead of failing it. */
  run<T>(batch: Batch<T>, options?: RunOptions): Promise<T>;
  /** Excel.run on an earlier batch's context (needed to remove an event handler). */
  runIn<T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T>;
  settings(): Office.Settings;
  isSetSupported(name: string, version: string): boolean;
}

/**
 * Whether a batch's syncs are merged into one undo step: asked for, the host has mergeUndoGroup (`canMerge`: ExcelApi
 * 1.20), and nothing in the batch is an API the host cannot undo (Worksheet.visibility off the web). Pure.
 */
export function mergesUndo(options: RunOptions | undefined, canMerge: boolean, onTheWeb: boolean): boolean {
  return options?.oneUndoStep === true && canMerge && (options.setsVisibility !== true || onTheWeb);
}

export function officeHost(): OfficeHost {
  return {
    run: (batch, options) => {
      const canMerge = Office.context.requirements.isSetSupported("ExcelApi", "1.20");
      // Office.context.platform is the string "OfficeOnline" in Excel on the web (Office.PlatformType).
      const merge = canMerge && mergesUndo(options, canMerge, String(Office.context.platform) === "OfficeOnline");
      return Excel.run(merge ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true }, batch);
    },
    runIn: (context, batch) => Excel.run(context, batch),
    settings: () => Office.context.document.settings,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
