/** Which way the Export view offers a file in each host (src/taskpane/exportChannels.ts). */
import { exportChannelsFor } from "../../src/taskpane/exportChannels";

describe("exportChannelsFor (Office.context.platform)", () => {
  it("downloads in Excel on Windows", () => {
    expect(exportChannelsFor("PC")).toEqual({ download: true, clipboard: true });
  });

  it("downloads in Excel on the web, whose add-in frame blocks the Clipboard API", () => {
    expect(exportChannelsFor("OfficeOnline")).toEqual({ download: true, clipboard: false });
  });

  it.each(["Mac", "iOS"])("does not download in %s's WKWebView: the sheet and the clipboard instead", (platform) => {
    expect(exportChannelsFor(platform)).toEqual({ download: false, clipboard: true });
  });

  it.each([undefined, null, "Universal", "Android", "SomethingNew"])("offers the way that works everywhere for %s", (platform) => {
    expect(exportChannelsFor(platform).download).toBe(false);
  });
});
