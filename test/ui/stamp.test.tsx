import { paneAdapters } from "./paneAdapters";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webcrypto } from "node:crypto";
import { TextEncoder as NodeTextEncoder } from "node:util";
import type { Row } from "../../src/core/cells";
import { createStamp, stampFromRows, stampToRows, STAMP_SHEET } from "../../src/core/stamp";
import { verifyReturn } from "../../src/app/stamp";
import { checkReturn } from "../../src/app/checkReturn";
import { App } from "../../src/ui/App";
import { FakeGateway } from "./fakeGateway";
import { HEADERS, ICS_ROWS, cleanReturn, returnWithIssues } from "./fixtures";

jest.setTimeout(30_000);

// Excel's webviews (and browsers) have Web Crypto and TextEncoder; jsdom leaves them out, so the tests lend node's.
beforeAll(() => {
  if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
  if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder: NodeTextEncoder });
});

function renderStamp(gateway: FakeGateway) {
  return render(<App {...paneAdapters} gateway={gateway} initialView="stamp" />);
}

async function stampButton(): Promise<HTMLElement> {
  await screen.findByText(/trust rows\.$/);
  return screen.getByRole("button", { name: "Stamp as validated" });
}

describe("Stamp view", () => {
  it("is disabled while the return has errors", async () => {
    renderStamp(new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", returnWithIssues()));
    expect(await stampButton()).toBeDisabled();
    expect(screen.getByText(/A return with errors cannot be stamped/)).toBeInTheDocument();
    expect(await screen.findByText("Not stamped yet.")).toBeInTheDocument();
  });

  it("writes the stamp in the shared layout and then says the data is unchanged", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn());
    renderStamp(gateway);
    await userEvent.click(await stampButton());
    expect(await screen.findByText(/^Validated on .* — data unchanged \(3 trust rows\)\.$/)).toBeInTheDocument();

    const [rows] = gateway.callsTo("writeStampSheet")[0] ?? [];
    const stamp = stampFromRows(rows as Row[]);
    expect(stamp.sheet).toBe("Trusts");
    expect(stamp.rows.map((r) => [r.row, r.trustCode])).toEqual([[2, "RYJ"], [3, "R1H"], [4, "RAL"]]);
    expect(stamp.warnings).toBe(0);
  });

  it("says a return that matches its stamp but has errors under the current rules is no longer validated", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", returnWithIssues());
    // A stamp over these very data (rules since changed, or computed by hand: it is an unkeyed hash).
    const checked = await checkReturn(gateway, { today: "2026-11-29" });
    const stamp = await createStamp({ sheet: "Trusts", ics: checked.ics?.details ?? null, trusts: checked.result.trusts, warnings: 0, stampedAt: new Date("2026-11-29T10:00:00Z") });
    gateway.addSheet(STAMP_SHEET, stampToRows(stamp), false);
    renderStamp(gateway);
    expect(await screen.findByText(/^Validated on .* — matches its stamp, but has 1 error under the current rules: the stamp no longer holds\.$/)).toBeInTheDocument();
    expect(screen.queryByText(/data unchanged/)).not.toBeInTheDocument();
    // verify says the same of the same workbook.
    expect(await verifyReturn(gateway)).toMatchObject({ status: "errors", errors: 1 });
  });

  it("names the rows and the fields that changed since the stamp, with their values now", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn());
    const { unmount } = renderStamp(gateway);
    await userEvent.click(await stampButton());
    await screen.findByText(/data unchanged/);
    unmount();

    gateway.edit("Trusts", "B3", "Barts Health NHS Trust");
    gateway.edit("ICS", "B1", "North West London ICS");
    renderStamp(gateway);
    const changes = await screen.findByRole("list", { name: "Changes since the stamp" });
    expect(within(changes).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "ICS details: ICS name changed (now “North West London ICS”)",
      "Row 3 (R1H): Trust name changed (now “Barts Health NHS Trust”)",
    ]);
    expect(changes).not.toHaveTextContent("RYJ");
    expect(screen.getByText(/it can say what a value is now, not what it was/)).toBeInTheDocument();
    expect(screen.getByText(/^Validated on .* — changed since:$/)).toBeInTheDocument();
  });

  it("stamps a sheet read with a saved mapping, and verify reads it the same way", async () => {
    const rows = cleanReturn();
    rows[0] = HEADERS.map((h, i) => (i === 2 ? "Kind" : h));
    const gateway = new FakeGateway().addSheet("Trusts", rows);
    gateway.settings.set("mapping:Trusts", {
      headerRow: 1,
      headers: HEADERS.map((h, i) => ({ col: i + 1, cell: `${String.fromCharCode(65 + i)}1`, text: i === 2 ? "Kind" : String(h), key: ["trustCode", "trustName", "trustType", "eprStatus", "supplier", "product", "goLiveDate", "contractEndDate", "plan", "targetSupplier", "targetGoLiveDate", "businessCaseStage", "procurementStartDate", "contractAwardDate", "fundingModel", "totalCost", "localFunding", "nationalFunding", "beds", "notes"][i] })),
    });
    renderStamp(gateway);
    await userEvent.click(await stampButton());
    await waitFor(() => expect(gateway.callsTo("writeStampSheet")).toHaveLength(1));
    // `epr-return verify` runs this same function over the file: the saved mapping is read there too.
    expect(await verifyReturn(gateway)).toMatchObject({ status: "match", changedRows: [] });
  });

  it("reports a damaged stamp sheet", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", cleanReturn()).addSheet(STAMP_SHEET, [["EPR Return validation stamp"], ["Rows", 2]], false);
    renderStamp(gateway);
    expect(await screen.findByText("Could not read the stamp")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/has no row table/)).toBeInTheDocument());
  });
});
