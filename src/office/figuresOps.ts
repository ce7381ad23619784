/**
 * The figures sheet (Scores → Write Summary). The add-in remembers, in a workbook setting
 * (settingsStore.ts), the id of each figures sheet it created; it clears and rewrites only such a
 * sheet. A user's sheet that happens to have the name is left alone and a free name
 * ("EPR Scores (2)") is used instead; the add-in's own sheets count as taken names too.
 * Syncs: 1 (the record) + 1 (sheet list) + chunks + 1 (restore), then 2 (the record) when the
 * sheet is new.
 */
import type { FiguresSheet } from "../app/gateway";
import { writeInChunks } from "./bulkWrite";
import { blockAddress, blockFromRows, chunkBlocks } from "./chunks";
import type { OfficeHost } from "./host";
import type { SettingsStore } from "./settingsStore";
import { uniqueSheetName } from "../core/sheet/sheetNames";

/** Workbook setting: figures-sheet name asked for → id of the sheet the add-in made for it. */
export const FIGURES_SETTING = "eprReturn.figuresSheets";

type OwnedSheets = Readonly<Record<string, string>>;

function ownedSheets(value: unknown): OwnedSheets {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export async function writeFigures(host: OfficeHost, settings: SettingsStore, figures: FiguresSheet): Promise<string> {
  const owned = ownedSheets(await settings.load(FIGURES_SETTING));
  const canPauseEvents = host.isSetSupported("ExcelApi", "1.8");
  const result = await host.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    const ours = worksheets.items.find((s) => s.id === owned[figures.name]);
    const name = ours ? ours.name : uniqueSheetName(figures.name, worksheets.items.map((s) => s.name));
    const block = blockFromRows(name, figures.rows);
    const sheet = ours ?? worksheets.add(name);
    sheet.load("id");
    await writeInChunks(context, {
      chunks: chunkBlocks(block ? [block] : []),
      canPauseEvents,
      // Cleared once events are off, like the writes: rewriting the figures is not a change the user made.
      before: () => {
        if (ours) ours.getRange().clear("All");
      },
      sheetOf: (n) => (n === name ? sheet : worksheets.getItem(n)),
      after: () => {
        if (block) sheet.getRange(blockAddress(block)).format.autofitColumns();
      },
    });
    return { name, id: sheet.id };
  });
  if (owned[figures.name] !== result.id) {
    await settings.update(FIGURES_SETTING, (current) => ({ ...ownedSheets(current), [figures.name]: result.id }));
  }
  return result.name;
}
