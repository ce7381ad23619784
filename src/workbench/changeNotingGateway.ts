/**
 * The gateway the task pane gets in the workbench: the workbook's own gateway, which also tells the workbench when
 * the pane changed what a save writes (cells, sheets, settings, the stamp), so that the workbench can ask before
 * that is lost (New, Open, closing the tab). Marks do not count: they follow the check, and the pane marks again
 * when the saved copy is opened (ui/components/review/useFollowingMarks.ts). A call that fails counts too, as it may
 * have changed part of the workbook. Every method is listed, so a method added to WorkbookGateway is decided on here.
 */
import type { WorkbookGateway } from "../app/gateway";

type Args<K extends keyof WorkbookGateway> = Parameters<WorkbookGateway[K]>;

export class ChangeNotingGateway implements WorkbookGateway {
  constructor(
    private readonly inner: WorkbookGateway,
    private readonly changed: () => void,
  ) {}

  listSheets(...args: Args<"listSheets">) {
    return this.inner.listSheets(...args);
  }

  readSheet(...args: Args<"readSheet">) {
    return this.inner.readSheet(...args);
  }

  planTemplate(...args: Args<"planTemplate">) {
    return this.inner.planTemplate(...args);
  }

  insertTemplate(...args: Args<"insertTemplate">) {
    return this.noting(this.inner.insertTemplate(...args));
  }

  markCells(...args: Args<"markCells">) {
    return this.inner.markCells(...args);
  }

  clearMarks(...args: Args<"clearMarks">) {
    return this.inner.clearMarks(...args);
  }

  // Unhiding a sheet to go to it is a change Excel would save too, but a small one the user asked for by going there.
  selectCell(...args: Args<"selectCell">) {
    return this.inner.selectCell(...args);
  }

  writeCells(...args: Args<"writeCells">) {
    return this.noting(this.inner.writeCells(...args));
  }

  writeFigures(...args: Args<"writeFigures">) {
    return this.noting(this.inner.writeFigures(...args));
  }

  loadSetting(...args: Args<"loadSetting">) {
    return this.inner.loadSetting(...args);
  }

  saveSetting(...args: Args<"saveSetting">) {
    return this.noting(this.inner.saveSetting(...args));
  }

  settingKeys(...args: Args<"settingKeys">) {
    return this.inner.settingKeys(...args);
  }

  appendTrustRows(...args: Args<"appendTrustRows">) {
    return this.noting(this.inner.appendTrustRows(...args));
  }

  writeStampSheet(...args: Args<"writeStampSheet">) {
    return this.noting(this.inner.writeStampSheet(...args));
  }

  onSheetChanged(...args: Args<"onSheetChanged">) {
    return this.inner.onSheetChanged(...args);
  }

  private async noting<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.changed();
    }
  }
}
