import { paneAdapters } from "./paneAdapters";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/ui/App";
import { FakeGateway } from "./fakeGateway";
import { HEADERS, cleanReturn, returnWithIssues } from "./fixtures";

describe("App", () => {
  it("has a tab per view and shows the chosen one", async () => {
    render(<App {...paneAdapters} gateway={new FakeGateway().addSheet("Trusts", cleanReturn())} initialView="template" />);
    expect(screen.getAllByRole("tab")).toHaveLength(8);
    for (const name of ["Template", "Merge", "Columns", "Validate", "Scores", "Export", "Stamp", "Compare"]) expect(screen.getByRole("tab", { name })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Template" })).toHaveAttribute("aria-selected", "true");
    // Views other than Validate load lazily (src/ui/views/lazyViews.ts).
    expect(await screen.findByRole("heading", { name: "Template", level: 2 })).toBeInTheDocument();
    // The workbook has a return already: going there is the primary action, another copy needs a confirmation.
    await screen.findByRole("button", { name: "Go to \"Trusts\"" });
    expect(screen.getByRole("button", { name: "Insert another copy…" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("tab", { name: "Columns" }));
    expect(await screen.findByRole("heading", { name: "Columns", level: 2 })).toBeInTheDocument();
    expect(await screen.findByText(/Headers found in row 1 of Trusts/)).toBeInTheDocument();
  });

  it("opens a blank workbook on the next step, not on one error per missing column", async () => {
    render(<App {...paneAdapters} gateway={new FakeGateway().addSheet("Sheet1", [])} />);
    expect(await screen.findByText('No return yet: "Sheet1" is empty. Insert the template, or pick the sheet with your trusts.')).toBeInTheDocument();
    expect(screen.queryByText(/\d+ errors?/)).not.toBeInTheDocument();
    expect(screen.queryByText(/No header row/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Insert the template" }));
    expect(await screen.findByRole("heading", { name: "Template", level: 2 })).toBeInTheDocument();
  });

  it("checks the Trusts sheet the template just added, under the name it got, and never calls it ready to send", async () => {
    const gateway = new FakeGateway().addSheet("Sheet1", []).addSheet("Trusts", [["old data"]]);
    render(<App {...paneAdapters} gateway={gateway} initialView="template" />);
    await userEvent.click(await screen.findByRole("button", { name: "Insert template" }));
    expect(await screen.findByText(/Template inserted/)).toBeInTheDocument();
    await userEvent.click(await screen.findByRole("button", { name: 'Go to "Trusts (2)"' }));

    expect(await screen.findByRole("heading", { name: "Validate", level: 2 })).toBeInTheDocument();
    const picker = screen.getByRole("combobox", { name: "Sheet with the trust rows" }) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe("Trusts (2)"));
    expect(await screen.findByText(/^No trust rows: nothing to send yet \(0 trust rows/)).toBeInTheDocument();
    expect(screen.getByText(/Next: Fill in your trusts on "Trusts \(2\)": one trust per row, from row \d+\./)).toBeInTheDocument();
    expect(screen.queryByText(/Ready to send/)).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole("tab", { name: "Stamp" }));
    expect(await screen.findByText(/A return with no trust rows cannot be stamped/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Stamp/ })).toBeDisabled();
  });

  it("picks the Trusts sheet, and checks another sheet when the user picks it", async () => {
    const gateway = new FakeGateway().addSheet("Notes", [["hello"]]).addSheet("Trusts", cleanReturn()).addSheet("Old", returnWithIssues());
    render(<App {...paneAdapters} gateway={gateway} />);
    const picker = screen.getByRole("combobox", { name: "Sheet with the trust rows" }) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe("Trusts"));
    expect(await screen.findByText(/^Ready to send/)).toBeInTheDocument();

    await userEvent.selectOptions(picker, "Old");
    expect(await screen.findByText(/^1 error, 1 warning/)).toBeInTheDocument();
    expect(gateway.callsTo("readSheet")).toContainEqual(["Old"]);
  });

  it("without a Trusts sheet, picks the first sheet with headers", async () => {
    const gateway = new FakeGateway().addSheet("Cover", [["Title"]]).addSheet("Hidden", [HEADERS], false).addSheet("Return", cleanReturn());
    render(<App {...paneAdapters} gateway={gateway} initialView="columns" />);
    expect(await screen.findByText(/Headers found in row 1 of Return/)).toBeInTheDocument();
  });

  it("says what failed when the sheets cannot be listed", async () => {
    render(<App {...paneAdapters} gateway={new FakeGateway().failWith("listSheets", "Excel is not responding.")} />);
    expect(await screen.findByText("Could not list the workbook's sheets")).toBeInTheDocument();
    expect(screen.getByText(/Excel is not responding\./)).toBeInTheDocument();
  });

  it("validates with the mapping chosen on the Columns tab", async () => {
    const rows = cleanReturn();
    rows[0] = HEADERS.map((h, i) => (i === 2 ? "Kind" : h));
    const gateway = new FakeGateway().addSheet("Trusts", rows);
    render(<App {...paneAdapters} gateway={gateway} initialView="validate" />);
    expect(await screen.findByText(/^1 error, 1 warning/)).toBeInTheDocument();
    expect(screen.getByText(/Trust type/, { selector: "button *" })).toBeInTheDocument();

    await userEvent.click(screen.getByRole("tab", { name: "Columns" }));
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Column for header Kind" }), "Trust type");
    await screen.findByText("Mapping saved in the workbook.");

    await userEvent.click(screen.getByRole("tab", { name: "Validate" }));
    expect(await screen.findByText(/^Ready to send/)).toBeInTheDocument();
  });
});
