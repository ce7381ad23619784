/**
 * The figures sheet (Scores → Write Summary, Export). The add-in's own sheet is the one carrying its marker, the
 * sheet-scoped defined name `_epr_owner` (app/settings/ownedSheets.ts: what it is, why not the worksheet id, and what
 * happens when the user copied the sheet); it clears and rewrites only such a sheet. A user's sheet that happens to
 * have the name, or the name the record remembers, is left alone and a free name ("EPR Scores (2)") is used instead;
 * the add-in's own sheets count as taken names too.
 *
 * APIs: Worksheet.names, NamedItemCollection.add and getItemOrNullObject (ExcelApi 1.4), NamedItem.formula (1.7) and
 * value (1.1) — all within the manifest's ExcelApi 1.8 (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-names-member,
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection).
 *
 * Formats: each cell's number format (app/figureCells.ts) goes as a Range.numberFormat block (a 2-D array of format
 * codes: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-format) queued before the
 * values and packed into the same chunks (chunks.ts; a figures sheet is one chunk), so the formats cost no sync of
 * their own. A date is written as a serial of the workbook's date system, learnt by the probe queued with the sheet
 * list (dateSystem.ts). Figures with no formats (the Export's text) are written as values alone.
 *
 * Syncs: 1 (the record) + 1 (sheet list) + 1 (the sheets' markers) + chunks + 1 (restore), then 2 (the record) when
 * the sheet the figures went to is not the one the record names.
 */
import type { FiguresSheet } from "../app/gateway";
import { figureFormat, figureInput, hasFigureFormats } from "../app/figureCells";
import { DEFAULT_DATE_SYSTEM, serialFromIso, type DateSystem } from "../core/dates";
import { writeInChunks } from "./bulkWrite";
import { blockAddress, blockFromRows, chunkBlocks, type WriteBlock } from "./chunks";
import { queueDateSystemProbe } from "./dateSystem";
import type { OfficeHost } from "./host";
import type { SettingsStore } from "./settingsStore";
import { uniqueSheetName } from "../core/sheet/sheetNames";
import {
  FIGURES_SETTING, figuresMarker, figuresRecord, markerFormula, markerText, OWNER_COMMENT, OWNER_NAME, ownFiguresSheet, withFiguresSheet,
} from "../app/settings/ownedSheets";

export { FIGURES_SETTING };

/** The figures' values as blockFromRows takes them: a day as its serial in the workbook's date system, blanks as null. */
function officeRows(figures: FiguresSheet, dateSystem: DateSystem): (string | number | boolean | null)[][] {
  return figures.rows.map((row) =>
    row.map((value) => {
      const input = figureInput(value);
      if (input.kind === "day") return serialFromIso(input.iso, dateSystem);
      return input.kind === "value" ? input.value : null;
    }),
  );
}

/** The number formats over the values block (same size; General where a cell has none), or null when none has one. */
function formatBlock(values: WriteBlock, figures: FiguresSheet): WriteBlock | null {
  if (!hasFigureFormats(figures)) return null;
  const data = values.data.map((row, r) => row.map((_, c) => figureFormat(figures, r, c) ?? "General"));
  return { ...values, kind: "numberFormat", data };
}

export async function writeFigures(host: OfficeHost, settings: SettingsStore, figures: FiguresSheet): Promise<string> {
  const record = figuresRecord(await settings.load(FIGURES_SETTING));
  const canPauseEvents = host.isSetSupported("ExcelApi", "1.8");
  const name = await host.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name");
    const hasDates = figures.rows.some((row) => row.some((value) => figureInput(value).kind === "day"));
    const dateSystem = hasDates ? queueDateSystemProbe(context) : () => DEFAULT_DATE_SYSTEM;
    await context.sync();
    // Each sheet's marker, all in one sync (a sheet without one gives a null object).
    const markers = worksheets.items.map((sheet) => sheet.names.getItemOrNullObject(OWNER_NAME).load("formula,value"));
    await context.sync();
    const marked = worksheets.items.map((sheet, i) => {
      const item = markers[i];
      const marker = !item || item.isNullObject ? null : (markerText(item.formula) ?? markerText(item.value));
      return { name: sheet.name, marker };
    });
    const oursName = ownFiguresSheet(marked, figures.name, record);
    const ours = oursName === null ? undefined : worksheets.items.find((s) => s.name === oursName);
    const target = ours ? ours.name : uniqueSheetName(figures.name, worksheets.items.map((s) => s.name));
    const block = blockFromRows(target, officeRows(figures, dateSystem()));
    const formats = block ? formatBlock(block, figures) : null;
    const sheet = ours ?? worksheets.add(target);
    // A new sheet gets the marker in the same batch as its figures.
    if (!ours) sheet.names.add(OWNER_NAME, markerFormula(figuresMarker(figures.name)), OWNER_COMMENT);
    await writeInChunks(context, {
      // Formats first, so each value lands in a cell already formatted for it (as when typing into a formatted cell).
      chunks: chunkBlocks([formats, block].filter((b): b is WriteBlock => b !== null)),
      canPauseEvents,
      // Cleared once events are off, like the writes: rewriting the figures is not a change the user made.
      before: () => {
        if (ours) ours.getRange().clear("All");
      },
      sheetOf: (n) => (n === target ? sheet : worksheets.getItem(n)),
      after: () => {
        if (block) sheet.getRange(blockAddress(block)).format.autofitColumns();
      },
    });
    return target;
  });
  if (record[figures.name]?.name !== name) {
    await settings.update(FIGURES_SETTING, (current) => withFiguresSheet(figuresRecord(current), figures.name, name));
  }
  return name;
}
