/** Loads the exceljs half of the workbench (./session) once, on first need; a failed load is tried again next time. */
export type SessionModule = typeof import("./session");
export type WorkbenchGateway = InstanceType<SessionModule["XlsxGateway"]>;

let loading: Promise<SessionModule> | null = null;

export function loadSession(): Promise<SessionModule> {
  if (loading === null) {
    loading = import(/* webpackChunkName: "workbook" */ "./session").catch((error: unknown) => {
      // Forget the failed attempt (e.g. the network dropped), so that the next open tries again.
      loading = null;
      throw new Error(`Could not load the workbook code: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  }
  return loading;
}
