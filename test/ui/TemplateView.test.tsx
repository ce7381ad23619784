import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TemplateView } from "../../src/ui/views/TemplateView";
import type { TemplatePlan } from "../../src/app/gateway";
import { FakeGateway } from "./fakeGateway";
import { HEADERS } from "./fixtures";
import { renderInFluent } from "./render";

describe("Template view", () => {
  it("says which sheets it will add, noting renamed ones, then inserts them", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", [["old data"]]);
    const onInserted = jest.fn();
    renderInFluent(<TemplateView gateway={gateway} onInserted={onInserted} />);

    const list = await screen.findByRole("list", { name: "Sheets to add" });
    const items = within(list).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toContain('Trusts (2) (renamed: a sheet named "Trusts" already exists)');
    expect(items).toContain("Guidance");
    expect(items.some((t) => t?.startsWith("Lists") && t.includes("(hidden)"))).toBe(true);
    expect(gateway.callsTo("insertTemplate")).toHaveLength(0);

    await userEvent.click(screen.getByRole("button", { name: "Insert template" }));

    expect(await screen.findByText(/Template inserted: added Guidance, ICS, Trusts \(2\)/)).toBeInTheDocument();
    const [args] = gateway.callsTo("insertTemplate");
    const plan = args?.[1] as TemplatePlan;
    expect(plan.sheets.find((s) => s.templateName === "Trusts")).toEqual({ templateName: "Trusts", name: "Trusts (2)", renamed: true });
    expect(onInserted).toHaveBeenCalledTimes(1);
    expect(onInserted).toHaveBeenCalledWith("Trusts (2)");
    expect(screen.getByText(/Next: fill in your trusts on "Trusts \(2\)"/)).toBeInTheDocument();
    // Planned again: the next insert would pick fresh names; it is no longer the primary action.
    await waitFor(() => expect(screen.getByText(/Trusts \(3\)/)).toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "Insert template" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: 'Go to "Trusts (2)"' })).toBeInTheDocument();
  });

  it("offers to go to the return the workbook already has, and inserts a second copy only after a confirmation", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", [HEADERS]);
    const onShowReturn = jest.fn();
    renderInFluent(<TemplateView gateway={gateway} onShowReturn={onShowReturn} />);

    expect(await screen.findByText(/This workbook already has the return: its trusts are on the sheet "Trusts"/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: 'Go to "Trusts"' }));
    expect(onShowReturn).toHaveBeenCalledWith("Trusts");
    expect(screen.queryByRole("button", { name: "Insert template" })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Insert another copy…" }));
    expect(gateway.callsTo("insertTemplate")).toHaveLength(0);
    expect(screen.getByText(/Insert a second copy of the template\?/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(gateway.callsTo("insertTemplate")).toHaveLength(0);

    await userEvent.click(screen.getByRole("button", { name: "Insert another copy…" }));
    await userEvent.click(screen.getByRole("button", { name: "Insert another copy" }));
    expect(await screen.findByText(/Template inserted: added .*Trusts \(2\)/)).toBeInTheDocument();
    expect(gateway.callsTo("insertTemplate")).toHaveLength(1);
  });

  it("shows the gateway's message when inserting fails", async () => {
    const gateway = new FakeGateway().failWith("insertTemplate", "The workbook's structure is protected.");
    renderInFluent(<TemplateView gateway={gateway} />);
    await userEvent.click(await screen.findByRole("button", { name: "Insert template" }));
    expect(await screen.findByText("Could not insert the template")).toBeInTheDocument();
    expect(screen.getByText(/The workbook's structure is protected\./)).toBeInTheDocument();
    expect(screen.queryByText(/Template inserted/)).not.toBeInTheDocument();
  });

  it("shows the gateway's message when planning fails", async () => {
    const gateway = new FakeGateway().failWith("planTemplate", "Excel is busy.");
    renderInFluent(<TemplateView gateway={gateway} />);
    expect(await screen.findByText(/Excel is busy\./)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Insert template" })).not.toBeInTheDocument();
  });

  it("disables Insert while inserting", async () => {
    const gateway = new FakeGateway();
    const release = gateway.hold("insertTemplate");
    renderInFluent(<TemplateView gateway={gateway} />);
    const button = await screen.findByRole("button", { name: "Insert template" });
    await userEvent.click(button);
    expect(button).toHaveAttribute("aria-disabled", "true"); // inert but focusable while busy (BusyButton)
    await userEvent.click(button);
    release();
    await screen.findByText(/Template inserted/);
    expect(gateway.callsTo("insertTemplate")).toHaveLength(1);
  });
});
