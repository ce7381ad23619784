import { paneAdapters } from "./paneAdapters";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/ui/App";
import { FakeGateway } from "./fakeGateway";
import { ICS_ROWS, cleanReturn, returnWithIssues } from "./fixtures";

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

function renderExport(gateway: FakeGateway) {
  return render(<App {...paneAdapters} gateway={gateway} initialView="export" />);
}

describe("Export view", () => {
  it("offers CSV and JSON of a clean return, named after the sheet", async () => {
    renderExport(new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn()));
    const csv = await downloaded("Download CSV");
    expect(csv.fileName).toBe("Trusts.csv");
    expect(csv.type).toContain("text/csv");
    // The UTF-8 byte-order mark (FileReader's text decoding drops it, so look at the bytes).
    expect(csv.firstBytes).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain("Trust ODS code,Trust name,");
    expect(csv.text).toContain("RYJ,Imperial College Healthcare,Acute,Live,Oracle Health,");
    expect(csv.text).toContain(",North West London,QRV\r\n");

    const json = await downloaded("Download JSON");
    expect(json.fileName).toBe("Trusts.json");
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
    expect(button).toBeDisabled();
    release();
    await waitFor(() => expect(button).toBeEnabled());
  });
});
