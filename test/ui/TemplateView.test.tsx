import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TemplateView } from "../../src/ui/views/TemplateView";
import type { TemplatePlan } from "../../src/app/gateway";
import { FakeGateway } from "./fakeGateway";
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
    // Planned again: the next insert would pick fresh names.
    await waitFor(() => expect(screen.getByText(/Trusts \(3\)/)).toBeInTheDocument());
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
    expect(button).toBeDisabled();
    await userEvent.click(button);
    release();
    await screen.findByText(/Template inserted/);
    expect(gateway.callsTo("insertTemplate")).toHaveLength(1);
  });
});
