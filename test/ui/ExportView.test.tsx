import { paneAdapters } from "./paneAdapters";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/ui/App";
import { todayIso } from "../../src/core/dates";
import type { ExportChannels } from "../../src/ui/exportChannels";
import { FakeGateway } from "./fakeGateway";
import { HEADERS, ICS_ROWS, cleanReturn, returnWithIssues, trustRow } from "./fixtures";
import { checkReturn } from "../../src/app/checkReturn";
import { createStamp, STAMP_SHEET, stampToRows } from "../../src/core/stamp";

/** jsdom has no object URLs: record the blobs handed out instead. */
const blobs = new Map<string, Blob>();
let nextUrl = 0;

beforeEach(() => {
  blobs.clear();
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test/${nextUrl++}`;
    if (blob instanceof Blob) blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    blobs.delete(url);
  };
});

function readBlob(blob: Blob, as: "text" | "bytes"): Promise<string | ArrayBuffer | null> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error ?? new Error("could not read the blob"));
    if (as === "text") reader.readAsText(blob);
    else reader.readAsArrayBuffer(blob);
  });
}

async function downloaded(linkName: string): Promise<{ fileName: string | null; text: string; type: string; firstBytes: number[] }> {
  const link = await screen.findByRole("link", { name: linkName });
  const blob = blobs.get(link.getAttribute("href") ?? "");
  if (!blob) throw new Error(`no blob behind ${linkName}`);
  const bytes = (await readBlob(blob, "bytes")) as ArrayBuffer;
  const text = String(await readBlob(blob, "text"));
  return { fileName: link.getAttribute("download"), text, type: blob.type, firstBytes: [...new Uint8Array(bytes).slice(0, 3)] };
}

function renderExport(gateway: FakeGateway, exportChannels?: ExportChannels) {
  return render(<App {...paneAdapters} gateway={gateway} initialView="export" exportChannels={exportChannels} />);
}

describe("Export view", () => {
  it("offers CSV and JSON of a clean return, named after the ICS and its submission date", async () => {
    renderExport(new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn()));
    const csv = await downloaded("Download CSV");
    expect(csv.fileName).toBe("North West London EPR return 2024-06-30.csv");
    expect(csv.type).toContain("text/csv");
    // The UTF-8 byte-order mark (FileReader's text decoding drops it, so look at the bytes).
    expect(csv.firstBytes).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain("Trust ODS code,Trust name,");
    expect(csv.text).toContain("RYJ,Imperial College Healthcare,Acute,Live,Oracle Health,");
    expect(csv.text).toContain(",North West London,QRV\r\n");

    const json = await downloaded("Download JSON");
    expect(json.fileName).toBe("North West London EPR return 2024-06-30.json");
    const doc = JSON.parse(json.text) as { ics: { icbCode: string }; trusts: { trustName: string }[] };
    expect(doc.ics.icbCode).toBe("QRV");
    expect(doc.trusts.map((t) => t.trustName)).toEqual(["Imperial College Healthcare", "Barts Health", "Royal Free London"]);
  });

  it("holds back a return with errors unless the user exports anyway", async () => {
    renderExport(new FakeGateway().addSheet("Trusts", returnWithIssues()));
    expect(await screen.findByText(/The return has 1 error\./)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Download CSV" })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole("checkbox", { name: "Export anyway" }));
    const csv = await downloaded("Download CSV");
    // Canonical data: the alias Cerner is exported as Oracle Health; the unreadable status is blank.
    expect(csv.text).toContain("RYJ,Imperial College Healthcare,Acute,Live,Oracle Health,");
    expect(csv.text).toContain("R1H,Barts Health,Acute,,");
    // No ICS sheet: named after the trust sheet and today's date.
    expect(csv.fileName).toBe(`Trusts EPR return ${todayIso()}.csv`);
    expect((await downloaded("Download JSON")).fileName).toBe(`Trusts EPR return ${todayIso()}.json`);

    await userEvent.click(screen.getByRole("checkbox", { name: "Export anyway" }));
    await waitFor(() => expect(screen.queryByRole("link", { name: "Download CSV" })).not.toBeInTheDocument());
  });

  it("shows the gateway's message when the return cannot be read", async () => {
    renderExport(new FakeGateway().addSheet("Trusts", cleanReturn()).failWith("readSheet", "The workbook was closed."));
    expect(await screen.findByText("Could not read the return")).toBeInTheDocument();
    expect(screen.getByText(/The workbook was closed\./)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Download CSV" })).not.toBeInTheDocument();
  });

  it("disables reading again while the sheet is read", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", cleanReturn());
    renderExport(gateway);
    await screen.findByRole("link", { name: "Download CSV" });
    const release = gateway.hold("readSheet");
    const button = screen.getByRole("button", { name: /Read the sheet again/ });
    await userEvent.click(button);
    expect(button).toHaveAttribute("aria-disabled", "true"); // inert but focusable while busy (BusyButton)
    release();
    await waitFor(() => expect(button).toBeEnabled());
  });
});

/** Excel on Mac (src/taskpane/exportChannels.ts): WKWebView ignores `<a download>`; the Clipboard API is worth a try. */
const MAC: ExportChannels = { download: false, clipboard: true };

describe("Export where downloads do not work (Excel on Mac)", () => {
  let writeText: jest.Mock<Promise<void>, [string]>;

  beforeEach(() => {
    writeText = jest.fn((_text: string) => Promise.resolve());
    Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
  });

  afterEach(() => {
    Reflect.deleteProperty(window.navigator, "clipboard");
  });

  it("offers the CSV on a sheet instead of download links, and writes the CSV's records there", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn());
    renderExport(gateway, MAC);
    const write = await screen.findByRole("button", { name: "Write CSV to a sheet" });
    expect(screen.queryByRole("link", { name: "Download CSV" })).not.toBeInTheDocument();
    expect(screen.getByText(/does not save files downloaded from an add-in/)).toBeInTheDocument();

    await userEvent.click(write);
    expect(await screen.findByText(/The CSV is on the sheet "EPR Export" \(4 rows with the headers\)/)).toBeInTheDocument();
    expect(screen.getByText(/CSV UTF-8 \(Comma delimited\)/)).toBeInTheDocument();
    expect(gateway.figures).toHaveLength(1);
    const sheet = gateway.figures[0];
    expect(sheet?.name).toBe("EPR Export");
    const rows = sheet?.rows ?? [];
    expect(rows[0]).toEqual([...HEADERS, "ICS name", "ICB ODS code"]);
    expect(rows[1]?.slice(0, 7)).toEqual(["RYJ", "Imperial College Healthcare", "Acute", "Live", "Oracle Health", null, "2021-05-01"]);
    // Every field as the CSV's text (numbers too, so Excel saves them as written), blanks as blank cells, and the
    // ICS columns on every row.
    expect(rows[1]?.[HEADERS.indexOf("Beds")]).toBe("1000");
    expect(rows[1]?.slice(-2)).toEqual(["North West London", "QRV"]);
    expect((await gateway.listSheets()).map((s) => s.name)).toContain("EPR Export");

    // Cell for cell, the records of the CSV the pane copies (which is the download's text).
    await userEvent.click(screen.getByRole("button", { name: "Copy CSV" }));
    const copied = writeText.mock.calls[0]?.[0] ?? "";
    const records = copied.replace(/^\uFEFF/, "").replace(/\r\n$/, "").split("\r\n").map((line) => line.split(","));
    expect(rows.map((row) => row.map((value) => (value === null ? "" : String(value))))).toEqual(records);
  });

  it("keeps the CSV's formula-injection guard on the sheet, and unquotes its quoted fields", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", [
      HEADERS,
      trustRow({ trustCode: "RYJ", trustName: "=HYPERLINK(\"http://example.com\")", trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "2021-05-01", plan: "Keep" }),
      trustRow({ trustCode: "R1H", trustName: "Barts Health, \"East\"", trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "2021-05-01", plan: "Keep" }),
    ]);
    renderExport(gateway, MAC);
    await screen.findByText(/2 trust rows\./);
    // Whatever the rules say of such names, the export is what is tested here.
    const anyway = screen.queryByRole("checkbox", { name: "Export anyway" });
    if (anyway) await userEvent.click(anyway);
    await userEvent.click(await screen.findByRole("button", { name: "Write CSV to a sheet" }));
    await screen.findByText(/The CSV is on the sheet "EPR Export"/);
    const rows = gateway.figures[0]?.rows ?? [];
    // As in the CSV file: the text keeps its apostrophe, so saving the sheet as CSV cannot make it a formula.
    expect(rows[1]?.[1]).toBe("'=HYPERLINK(\"http://example.com\")");
    expect(rows[2]?.[1]).toBe('Barts Health, "East"');
  });

  it("copies the CSV and the JSON to the clipboard", async () => {
    renderExport(new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn()), MAC);
    await userEvent.click(await screen.findByRole("button", { name: "Copy CSV" }));
    expect(await screen.findByText(/CSV copied\. Paste it into a text editor and save it as a \.csv file/)).toBeInTheDocument();
    const csv = writeText.mock.calls[0]?.[0] ?? "";
    // The download's very text: the byte-order mark (so Excel reads "£" right), the headers, CRLF lines.
    expect(csv.startsWith("\uFEFFTrust ODS code,Trust name,")).toBe(true);
    expect(csv).toContain("RYJ,Imperial College Healthcare,Acute,Live,Oracle Health,");

    await userEvent.click(screen.getByRole("button", { name: "Copy JSON" }));
    const doc = JSON.parse(writeText.mock.calls[1]?.[0] ?? "") as { ics: { icbCode: string }; trusts: unknown[] };
    expect(doc.ics.icbCode).toBe("QRV");
    expect(doc.trusts).toHaveLength(3);
  });

  it("shows the text to copy by hand when the host refuses the clipboard", async () => {
    writeText.mockRejectedValue(new DOMException("The Clipboard API has been blocked because of a permissions policy", "NotAllowedError"));
    renderExport(new FakeGateway().addSheet("Trusts", cleanReturn()), MAC);
    await userEvent.click(await screen.findByRole("button", { name: "Copy CSV" }));
    const box = await screen.findByRole("textbox", { name: "CSV text" });
    expect(box).toHaveAttribute("readonly");
    expect((box as HTMLTextAreaElement).value).toContain("RYJ,Imperial College Healthcare,Acute,Live,Oracle Health,");
    expect(screen.getByText(/Excel did not let the add-in copy it\. Select it all/)).toBeInTheDocument();
    expect(screen.queryByText(/CSV copied/)).not.toBeInTheDocument();
  });

  it("shows the text straight away where the clipboard is known to be blocked", async () => {
    renderExport(new FakeGateway().addSheet("Trusts", cleanReturn()), { download: false, clipboard: false });
    await userEvent.click(await screen.findByRole("button", { name: "Show JSON" }));
    const box = await screen.findByRole("textbox", { name: "JSON text" });
    expect((box as HTMLTextAreaElement).value).toContain('"trustCode": "RYJ"');
    expect(writeText).not.toHaveBeenCalled();
  });

  it("says so when the sheet cannot be written", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", cleanReturn()).failWith("writeFigures", "The workbook is read-only.");
    renderExport(gateway, MAC);
    await userEvent.click(await screen.findByRole("button", { name: "Write CSV to a sheet" }));
    expect(await screen.findByText("Could not write the sheet")).toBeInTheDocument();
    expect(screen.getByText(/The workbook is read-only\./)).toBeInTheDocument();
  });

  it("holds back a return with errors here too, unless the user exports anyway", async () => {
    renderExport(new FakeGateway().addSheet("Trusts", returnWithIssues()), MAC);
    expect(await screen.findByText(/The return has 1 error\./)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Write CSV to a sheet" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("checkbox", { name: "Export anyway" }));
    expect(await screen.findByRole("button", { name: "Write CSV to a sheet" })).toBeInTheDocument();
  });
});

describe("Export where downloads work (Excel on Windows and the web, the workbench)", () => {
  it("has the download links and no sheet or clipboard detour", async () => {
    renderExport(new FakeGateway().addSheet("Trusts", cleanReturn()), { download: true, clipboard: false });
    expect(await screen.findByRole("link", { name: "Download CSV" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download JSON" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Write CSV to a sheet" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Copy|Show/ })).not.toBeInTheDocument();
  });

});

describe("the validation stamp's state", () => {
  /** A workbook stamped over its clean return, as the Stamp view writes it. */
  async function stampedWorkbook(): Promise<FakeGateway> {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn());
    const checked = await checkReturn(gateway, { today: "2024-06-30" });
    const stamp = await createStamp({ sheet: "Trusts", ics: checked.ics?.details ?? null, trusts: checked.result.trusts, warnings: checked.warnings, stampedAt: new Date("2024-06-30T09:30:00Z") });
    return gateway.addSheet(STAMP_SHEET, stampToRows(stamp), false);
  }

  it("says a stamped return still matches its stamp", async () => {
    renderExport(await stampedWorkbook());
    expect(await screen.findByText(/^Stamped on 30 Jun 2024, \d\d:\d\d: the data still matches its stamp\.$/)).toBeInTheDocument();
  });

  it("says a return changed since it was stamped should be stamped again before sending", async () => {
    const gateway = await stampedWorkbook();
    gateway.edit("Trusts", "B3", "Barts Health NHS Trust");
    gateway.edit("Trusts", "S2", 1234);
    renderExport(gateway);
    expect(await screen.findByText(/^Changed since it was stamped on 30 Jun 2024, \d\d:\d\d \(2 changes, listed on the Stamp tab\): stamp it again before sending\.$/)).toBeInTheDocument();
    // Still offered: the stamp is the workbook's, not the export's.
    expect(await screen.findByRole("link", { name: "Download CSV" })).toBeInTheDocument();
  });

  it("reports a stamp sheet that cannot be read", async () => {
    renderExport(new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn()).addSheet(STAMP_SHEET, [["EPR Return validation stamp"]], false));
    expect(await screen.findByText(/^The validation stamp could not be checked \(the _epr_stamp sheet has no row table\): stamp the return again on the Stamp tab\.$/)).toBeInTheDocument();
  });

  it("reads no stamp sheet when the workbook has none", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn());
    renderExport(gateway);
    await screen.findByRole("link", { name: "Download CSV" });
    expect(gateway.callsTo("readSheet").map(([name]) => name)).not.toContain(STAMP_SHEET);
    expect(screen.queryByText(/stamped|validation stamp/i)).not.toBeInTheDocument();
  });
});
