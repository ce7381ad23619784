/**
 * The little of the Office runtime the gateway needs, behind one interface so tests can
 * hand in office-addin-mock objects or a fake. The default reads the Excel and Office
 * globals only when called (they exist once Office.onReady has fired).
 */

export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface OfficeHost {
  /** One Excel.run. Ours always pass delayForCellEdit, so a user typing in a cell delays the batch instead of failing it. */
  run<T>(batch: Batch<T>): Promise<T>;
  /** Excel.run on an earlier batch's context (needed to remove an event handler). */
  runIn<T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T>;
  settings(): Office.Settings;
  isSetSupported(name: string, version: string): boolean;
}

export function officeHost(): OfficeHost {
  return {
    run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
    runIn: (context, batch) => Excel.run(context, batch),
    settings: () => Office.context.document.settings,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
