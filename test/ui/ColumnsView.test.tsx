import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ColumnsView } from "../../src/ui/views/ColumnsView";
import type { ColumnMapping } from "../../src/core/results";
import { FakeGateway } from "./fakeGateway";
import { renderInFluent } from "./render";

/** A title row, then headers under alternative names, one of them unknown. */
const ROWS = [
  ["EPR return, North West London"],
  ["ODS code", "Trust", "Type", "Status", "Supplier", "Mystery"],
  ["RYJ", "Imperial", "Acute", "Live", "Epic", "x"],
];

function columnChoice(header: string): HTMLSelectElement {
  return screen.getByRole("combobox", { name: `Column for header ${header}` }) as HTMLSelectElement;
}

describe("Columns view", () => {
  it("shows the detected header row and each header's column", async () => {
    const gateway = new FakeGateway().addSheet("Data", ROWS);
    renderInFluent(<ColumnsView gateway={gateway} sheet="Data" />);
    expect(await screen.findByText(/Headers found in row 2 of Data \(detected\)/)).toBeInTheDocument();
    expect(columnChoice("ODS code").value).toBe("trustCode");
    expect(columnChoice("Trust").value).toBe("trustName");
    expect(columnChoice("Supplier").value).toBe("supplier");
    expect(columnChoice("Mystery").value).toBe("");
    const card = screen.getByRole("listitem", { name: /Mystery/ });
    expect(within(card).getByText("F2")).toBeInTheDocument();
    expect(screen.getByText(/No header for: .*Convergence plan/)).toBeInTheDocument();
  });

  it("saves a changed mapping in the workbook and loads it next time", async () => {
    const gateway = new FakeGateway().addSheet("Data", ROWS);
    const first = renderInFluent(<ColumnsView gateway={gateway} sheet="Data" />);
    await screen.findByText(/Headers found in row 2/);

    await userEvent.selectOptions(columnChoice("Mystery"), "Notes");
    expect(await screen.findByText("Mapping saved in the workbook.")).toBeInTheDocument();
    const saves = gateway.callsTo("saveSetting");
    expect(saves).toHaveLength(1);
    expect(saves[0]?.[0]).toBe("mapping:Data");
    const saved = saves[0]?.[1] as ColumnMapping;
    expect(saved.headerRow).toBe(2);
    expect(saved.headers.find((h) => h.text === "Mystery")?.key).toBe("notes");

    await userEvent.selectOptions(columnChoice("Type"), "(ignore)");
    const latest = gateway.settings.get("mapping:Data") as ColumnMapping;
    expect(latest.headers.find((h) => h.text === "Type")?.key).toBeNull();
    first.unmount();

    renderInFluent(<ColumnsView gateway={gateway} sheet="Data" />);
    expect(await screen.findByText(/Headers found in row 2 of Data \(your saved mapping\)/)).toBeInTheDocument();
    expect(columnChoice("Mystery").value).toBe("notes");
    expect(columnChoice("Type").value).toBe("");
    expect(gateway.callsTo("loadSetting").at(-1)).toEqual(["mapping:Data"]);
  });

  it("uses the mapping saved before the sheet was renamed, and moves it to the new name on the next save", async () => {
    const gateway = new FakeGateway().addSheet("Data", ROWS);
    const first = renderInFluent(<ColumnsView gateway={gateway} sheet="Data" />);
    await screen.findByText(/Headers found in row 2/);
    await userEvent.selectOptions(columnChoice("Mystery"), "Notes");
    await screen.findByText("Mapping saved in the workbook.");
    first.unmount();

    // The user renames "Data" to "Data 2024" (the fake's sheet list, as Excel's after a rename).
    const renamed = new FakeGateway().addSheet("Data 2024", ROWS);
    await renamed.saveSetting("mapping:Data", gateway.settings.get("mapping:Data"));
    renderInFluent(<ColumnsView gateway={renamed} sheet="Data 2024" />);
    expect(await screen.findByText(/Headers found in row 2 of Data 2024 \(your saved mapping\)/)).toBeInTheDocument();
    expect(screen.getByText(/saved for the sheet "Data", which is no longer in the workbook/)).toBeInTheDocument();
    expect(columnChoice("Mystery").value).toBe("notes");

    await userEvent.selectOptions(columnChoice("Type"), "(ignore)");
    expect(await screen.findByText("Mapping saved in the workbook.")).toBeInTheDocument();
    expect(await renamed.settingKeys()).toEqual(["mapping:Data 2024"]);
    expect(screen.queryByText(/no longer in the workbook/)).not.toBeInTheDocument();
  });

  it("does not trust a malformed saved mapping", async () => {
    const gateway = new FakeGateway().addSheet("Data", ROWS);
    gateway.settings.set("mapping:Data", { headerRow: "two", headers: "all" });
    renderInFluent(<ColumnsView gateway={gateway} sheet="Data" />);
    expect(await screen.findByText(/could not be read, so the detected one is used/)).toBeInTheDocument();
    expect(columnChoice("ODS code").value).toBe("trustCode");
  });

  it("shows the gateway's message when the sheet cannot be read", async () => {
    const gateway = new FakeGateway().addSheet("Data", ROWS).failWith("readSheet", "The sheet Data was deleted.");
    renderInFluent(<ColumnsView gateway={gateway} sheet="Data" />);
    expect(await screen.findByText("Could not read the headers")).toBeInTheDocument();
    expect(screen.getByText(/The sheet Data was deleted\./)).toBeInTheDocument();
  });

  it("shows the gateway's message when the mapping cannot be saved", async () => {
    const gateway = new FakeGateway().addSheet("Data", ROWS).failWith("saveSetting", "Settings are read-only.");
    renderInFluent(<ColumnsView gateway={gateway} sheet="Data" />);
    await screen.findByText(/Headers found in row 2/);
    await userEvent.selectOptions(columnChoice("Mystery"), "Notes");
    expect(await screen.findByText("Could not save the mapping")).toBeInTheDocument();
    expect(screen.getByText(/Settings are read-only\./)).toBeInTheDocument();
    expect(screen.queryByText("Mapping saved in the workbook.")).not.toBeInTheDocument();
  });

  it("shows the first non-blank values under each header, shortened to 40 characters", async () => {
    const long = "Sheffield Teaching Hospitals NHS Foundation Trust";
    const gateway = new FakeGateway().addSheet("Data", [
      ["ODS code", "Trust", "Type", "Notes"],
      ["RYJ", "Imperial", null, "a"],
      ["  ", long, "Acute", null],
      ["RHQ", "Leeds", "Acute", "b"],
      ["R1H", "Barts", "Mental health", "c"],
      ["RXX", "Other", "Community", "d"],
    ]);
    renderInFluent(<ColumnsView gateway={gateway} sheet="Data" />);
    await screen.findByText(/Headers found in row 1/);
    const code = screen.getByRole("listitem", { name: /ODS code/ });
    expect(within(code).getByText("Sample: RYJ · RHQ · R1H")).toBeInTheDocument();
    const trust = screen.getByRole("listitem", { name: /^Trust/ });
    expect(within(trust).getByText(`Sample: Imperial · ${long.slice(0, 39).trimEnd()}… · Leeds`)).toBeInTheDocument();
    const type = screen.getByRole("listitem", { name: /Type/ });
    expect(within(type).getByText("Sample: Acute · Acute · Mental health")).toBeInTheDocument();
  });

  it("warns on each header mapped to the same column until the mapping is fixed", async () => {
    const gateway = new FakeGateway().addSheet("Data", ROWS);
    renderInFluent(<ColumnsView gateway={gateway} sheet="Data" />);
    await screen.findByText(/Headers found in row 2/);
    expect(screen.queryByText(/Also mapped/)).not.toBeInTheDocument();

    await userEvent.selectOptions(columnChoice("Mystery"), "Trust name");
    const mystery = screen.getByRole("listitem", { name: /Mystery/ });
    expect(within(mystery).getByText(/Also mapped to Trust name: Trust \(B2\)\. Only the leftmost header \(B2\) is read/)).toBeInTheDocument();
    expect(within(mystery).getByText(/duplicate column error/)).toBeInTheDocument();
    const trust = screen.getByRole("listitem", { name: /^Trust \(B2\)/ });
    expect(within(trust).getByText(/Also mapped to Trust name: Mystery \(F2\)\. Only this header, the leftmost, is read/)).toBeInTheDocument();

    await userEvent.selectOptions(columnChoice("Mystery"), "(ignore)");
    expect(screen.queryByText(/Also mapped/)).not.toBeInTheDocument();
  });
});
