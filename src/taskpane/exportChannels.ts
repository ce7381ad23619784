/**
 * What the Export view can do in this host, from Office.context.platform (Office.PlatformType: "PC",
 * "OfficeOnline", "Mac", "iOS", "Android", "Universal"). The views cannot ask Office (src/ui may not import
 * it), so the entry works it out once and passes it down.
 *
 * - Excel on Windows (WebView2; Trident never gets this far: taskpane.html shows its own message) and Excel on the
 *   web save `<a download>` blob links. Windows and the web work (office-js issues #2700, #4681); on the web
 *   since the add-in frame got `allow-downloads` in 2020 (office-js #1221, #1241).
 * - Excel on Mac and iPad run the pane in WKWebView (learn.microsoft.com, "Browsers and webview controls used by
 *   Office Add-ins"), which ignores such links without an error: office-js #2700 (closed "by design"), #4681,
 *   #3385. The pane offers the CSV on a sheet and the text to copy instead.
 * - The Clipboard API is blocked in Excel on the web's add-in frame (no clipboard-write permission: office-js
 *   #1991); elsewhere the pane tries it and, when it fails, shows the text to copy by hand.
 * - Anything unknown (no platform, a new one) gets the way that works everywhere: no download.
 */
import type { ExportChannels } from "../ui/exportChannels";

export function exportChannelsFor(platform: unknown): ExportChannels {
  switch (platform) {
    case "PC":
      return { download: true, clipboard: true };
    case "OfficeOnline":
      return { download: true, clipboard: false };
    default:
      return { download: false, clipboard: true };
  }
}
