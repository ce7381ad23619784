/**
 * The workbook's date system (1900 or 1904) for the EPR.* date functions. Excel passes a date argument as its serial
 * and shows a returned serial as a date, both in the workbook's own system, and the invocation does not say which:
 * in a 1904 workbook (Excel for Mac before 2011 and files made there) the same day is 1462 lower.
 *
 * The functions run in the shared runtime, where Excel's JavaScript API is there for them ("Call Excel JavaScript
 * APIs from a custom function", learn.microsoft.com/office/dev/add-ins/excel/call-excel-apis-from-custom-function:
 * `new Excel.RequestContext()`, load, `context.sync()`; reading is allowed, writing is not). Office.js has no released
 * property for the date system (Workbook.use1904DateSystem is preview-only), so the read evaluates DATE(2000,1,1)
 * through Workbook.functions (ExcelApi 1.2), as office/dateSystem.ts does for the task pane. It costs a round trip, so
 * it is made once per session (the shared runtime lives as long as its workbook is open) and then remembered:
 * later calls answer synchronously. Until it is known a call waits for it, at most READ_TIMEOUT_MS (context.sync()
 * can hang while Excel on the web loads a large workbook: OfficeDev/office-js#6150, #6678); a read that fails or is
 * still out after that gives 1900, Excel's default, and a failed read is tried again on the next call.
 *
 * Limit: a change of the workbook's date system during the session (File > Options > Advanced) is not seen until the
 * add-in reloads. Outside Excel (the workbench, Node) there is no Excel global and the system is 1900.
 */
import { DATE_SYSTEM_PROBE, DEFAULT_DATE_SYSTEM, dateSystemFromProbe, type DateSystem } from "../core/dates";

/**
 * The little of Office.js the read uses, declared here as CustomFunctions is in args.ts: this entry compiles without
 * the Office types (tsconfig.layer.functions.json). Excel.RequestContext, Workbook.functions, Functions.date and
 * FunctionResult.value are all ExcelApi 1.1–1.2, below the manifest's ExcelApi 1.8.
 */
interface FunctionResultLike {
  readonly value: unknown;
  load(propertyNames: string): unknown;
}
interface RequestContextLike {
  readonly workbook: { readonly functions: { date(year: number, month: number, day: number): FunctionResultLike } };
  sync(): Promise<unknown>;
}
export interface ExcelLike {
  readonly RequestContext: new () => RequestContextLike;
}

/** How long a call waits for the first read before it answers in the 1900 system. */
export const READ_TIMEOUT_MS = 5_000;

/** Excel's JavaScript API when this runs in Excel's runtime; undefined elsewhere. */
function excelGlobal(): ExcelLike | undefined {
  return (globalThis as { Excel?: ExcelLike }).Excel;
}

interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** `promise`'s value, or null when it is not back within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  // setTimeout is in every JavaScript runtime Excel has, but not in this entry's ES2022 lib.
  const timers = globalThis as unknown as Timers;
  return new Promise((resolve) => {
    const handle = timers.setTimeout(() => resolve(null), ms);
    void promise.then((value) => {
      timers.clearTimeout(handle);
      resolve(value);
    });
  });
}

/** One read of the workbook's date system; null when it could not be read. */
async function readDateSystem(excel: ExcelLike): Promise<DateSystem | null> {
  try {
    const context = new excel.RequestContext();
    const { year, month, day } = DATE_SYSTEM_PROBE;
    const probe = context.workbook.functions.date(year, month, day);
    probe.load("value");
    await context.sync();
    return dateSystemFromProbe(probe.value);
  } catch {
    return null;
  }
}

let known: DateSystem | null = null;
let reading: Promise<DateSystem | null> | null = null;
/** A read outlived READ_TIMEOUT_MS and is still out: calls do not wait for it again. */
let gaveUpWaiting = false;

function startRead(excel: ExcelLike): Promise<DateSystem | null> {
  const read = readDateSystem(excel).then((system) => {
    if (system !== null) known = system;
    reading = null;
    gaveUpWaiting = false;
    return system;
  });
  reading = read;
  return read;
}

/** The workbook's date system: at once when known (or when there is no workbook), else once the read is back. */
export function workbookDateSystem(): DateSystem | Promise<DateSystem> {
  if (known !== null) return known;
  const excel = excelGlobal();
  if (excel === undefined) return DEFAULT_DATE_SYSTEM;
  if (gaveUpWaiting) return DEFAULT_DATE_SYSTEM;
  const read = reading ?? startRead(excel);
  return within(read.then((system) => ({ system })), READ_TIMEOUT_MS).then((outcome) => {
    if (outcome === null && reading === read) gaveUpWaiting = true;
    return outcome?.system ?? DEFAULT_DATE_SYSTEM;
  });
}

/** `use` run in the workbook's date system: a plain result when the system is known, else a promise of it. */
export function inDateSystem<T>(use: (system: DateSystem) => T): T | Promise<T> {
  const system = workbookDateSystem();
  return typeof system === "string" ? use(system) : system.then(use);
}
