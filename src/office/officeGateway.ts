/**
 * The WorkbookGateway over Office.js: the only code that calls Excel.run. Each method is
 * one Excel.run (delayForCellEdit) with a fixed number of context.sync() calls, the same
 * for 10 rows as for 10,000; bulk writes add one sync per ~4 MB of payload (chunks.ts).
 *
 *   listSheets 1 · readSheet 1 · planTemplate 1 · insertTemplate 3 · markCells 3 ·
 *   clearMarks 3 · selectCell 1 · writeCells 2 · writeFigures 3 · appendTrustRows 4 ·
 *   writeStampSheet 3 · onSheetChanged 1
 *   (its unsubscribe 1) · loadSetting/saveSetting none (document settings).
 */
import type { CellValue, SheetData } from "../core/cells";
import type { TemplateSpec } from "../core/template/types";
import type { AppendedTrustRows, AppendTrustRowsOptions, CellMark, CellWrite, FiguresSheet, SheetInfo, StampSheetCell, TemplatePlan, WorkbookGateway } from "../app/gateway";
import { writeInChunks } from "./bulkWrite";
import { blocksFromCellWrites, chunkBlocks } from "./chunks";
import { withOfficeErrors } from "./errors";
import { writeFigures } from "./figuresOps";
import { officeHost, type OfficeHost } from "./host";
import { replaceMarks } from "./markOps";
import { MARKS_SETTING, planMarks, updateMarksRecord, type MarkRanges } from "../app/marks";
import { readSheet } from "./readSheet";
import { readSetting, writeSetting } from "./settings";
import { writeStampSheet } from "./stampOps";
import { insertTemplate, planTemplate } from "./templateOps";
import { appendTrustRows } from "./trustRowsOps";

export class OfficeGateway implements WorkbookGateway {
  constructor(private readonly host: OfficeHost = officeHost()) {}

  listSheets(): Promise<SheetInfo[]> {
    return withOfficeErrors("list the workbook's sheets", () =>
      this.host.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name,items/visibility");
        await context.sync();
        return sheets.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
      }),
    );
  }

  readSheet(name: string): Promise<SheetData> {
    return withOfficeErrors(`read sheet "${name}"`, () => readSheet(this.host, name));
  }

  planTemplate(spec: TemplateSpec): Promise<TemplatePlan> {
    return withOfficeErrors("look at the workbook's sheets", () => planTemplate(this.host, spec));
  }

  insertTemplate(spec: TemplateSpec, plan: TemplatePlan): Promise<void> {
    return withOfficeErrors("insert the template", () => insertTemplate(this.host, spec, plan));
  }

  markCells(sheet: string, marks: readonly CellMark[]): Promise<void> {
    return withOfficeErrors(`mark the cells with issues on "${sheet}"`, () => this.replaceMarks(sheet, planMarks(marks)));
  }

  clearMarks(sheet: string): Promise<void> {
    return withOfficeErrors(`clear the marks on "${sheet}"`, () => this.replaceMarks(sheet, null));
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return withOfficeErrors(`go to ${sheet}!${address}`, () =>
      this.host.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(address).select();
        await context.sync();
      }),
    );
  }

  writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    const canPauseEvents = this.host.isSetSupported("ExcelApi", "1.8");
    return withOfficeErrors(`write to "${sheet}"`, () =>
      this.host.run((context) =>
        writeInChunks(context, { chunks: chunkBlocks(blocksFromCellWrites(sheet, writes)), canPauseEvents }),
      ),
    );
  }

  writeFigures(figures: FiguresSheet): Promise<string> {
    return withOfficeErrors(`write the sheet "${figures.name}"`, () => writeFigures(this.host, figures));
  }

  appendTrustRows(sheet: string, rows: readonly (readonly CellValue[])[], options: AppendTrustRowsOptions): Promise<AppendedTrustRows> {
    return withOfficeErrors(`add the rows to the table on "${sheet}"`, () => appendTrustRows(this.host, sheet, rows, options));
  }

  writeStampSheet(rows: readonly (readonly StampSheetCell[])[]): Promise<void> {
    return withOfficeErrors("write the validation stamp", () => writeStampSheet(this.host, rows));
  }

  async loadSetting(key: string): Promise<unknown> {
    return readSetting(this.host.settings(), key);
  }

  saveSetting(key: string, value: unknown): Promise<void> {
    return writeSetting(this.host.settings(), key, value);
  }

  onSheetChanged(sheet: string, listener: () => void): Promise<() => Promise<void>> {
    return withOfficeErrors(`watch "${sheet}" for changes`, async () => {
      const handler = await this.host.run(async (context) => {
        const added = context.workbook.worksheets.getItem(sheet).onChanged.add(async () => listener());
        await context.sync();
        return added;
      });
      return () =>
        withOfficeErrors(`stop watching "${sheet}"`, () =>
          // A handler is removed in the context it was added in.
          this.host.runIn(handler.context, async (context) => {
            handler.remove();
            await context.sync();
          }),
        );
    });
  }

  private async replaceMarks(sheet: string, ranges: MarkRanges | null): Promise<void> {
    await replaceMarks(this.host, sheet, ranges);
    const settings = this.host.settings();
    await writeSetting(settings, MARKS_SETTING, updateMarksRecord(readSetting(settings, MARKS_SETTING), sheet, ranges));
  }
}

export function createOfficeGateway(host: OfficeHost = officeHost()): WorkbookGateway {
  return new OfficeGateway(host);
}
