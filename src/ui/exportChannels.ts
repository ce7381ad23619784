/**
 * How the Export view can hand the user a file, as facts about the host. The views never ask Office: the entry
 * works them out (src/taskpane/exportChannels.ts from Office.context.platform; the workbench: downloads work)
 * and passes them in. Writing the export into a sheet of the workbook needs nothing from the host beyond the
 * gateway, so it is always possible and is not listed here.
 */
export interface ExportChannels {
  /**
   * A link to a blob URL with a `download` attribute saves a file. False in Excel on Mac (and iPad), whose
   * WKWebView ignores such links without an error (office-js issues #2700, "by design"; #4681; #3385).
   */
  readonly download: boolean;
  /**
   * navigator.clipboard.writeText is worth trying. False where the host is known to block it (Excel on the
   * web's add-in frame lacks the clipboard-write permission: office-js issue #1991). Where it is tried and
   * fails, the pane shows the text in a read-only box to copy by hand.
   */
  readonly clipboard: boolean;
}

/** A browser tab (the workbench) and hosts where `<a download>` works. */
export const DOWNLOADS_WORK: ExportChannels = { download: true, clipboard: true };
