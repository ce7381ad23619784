/**
 * The workbook's date system (1900 or 1904), learnt in the same sync as whatever else a batch loads.
 *
 * Office.js has no released property for it: Workbook.use1904DateSystem exists only in the preview set (ExcelApi
 * BETA), so @types/office-js and the production office.js do not have it, and no isSetSupported call can promise
 * it. The DATE worksheet function, evaluated through Workbook.functions (ExcelApi 1.2, under the manifest's 1.8,
 * so every Excel this add-in loads in has it), gives a day's serial in the workbook's own system: DATE(2000,1,1)
 * is 36526 in the 1900 system and 35064 in the 1904. Anything else (an error, a host that does not evaluate it)
 * reads as 1900, Excel's default.
 */
import { DATE_SYSTEM_PROBE, DEFAULT_DATE_SYSTEM, dateSystemFromProbe, type DateSystem } from "../core/dates";

/** Queues the probe on the batch; call the result after the batch's next context.sync(). */
export function queueDateSystemProbe(context: Excel.RequestContext): () => DateSystem {
  const { year, month, day } = DATE_SYSTEM_PROBE;
  const probe = context.workbook.functions.date(year, month, day);
  probe.load("value");
  return () => dateSystemFromProbe(probe.value) ?? DEFAULT_DATE_SYSTEM;
}
