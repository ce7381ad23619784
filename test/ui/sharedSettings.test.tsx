/**
 * One settings store for every host: a column mapping the user saves on the Columns tab is stored in the
 * workbook where the command line reads it, so `epr-return validate` on the saved file reads the sheet the way
 * the pane does (and the other way round). Here the pane runs over the exceljs gateway (the workbench); the
 * Office gateway writes the same `_epr_settings` cells (test/office/officeGateway.settings.test.ts).
 */
import "../workbench/textCodecs";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ColumnsView } from "../../src/ui/views/ColumnsView";
import { runCli } from "../cli/run";
import { openInWorkbench, readBack } from "../helpers/readBack";
import { renderInFluent } from "./render";

jest.setTimeout(60_000);

const HEADERS = ["Trust ODS code", "Trust name", "Trust type", "EPR status", "EPR supplier", "Go-live date", "Convergence plan", "Mystery"];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "epr-shared-settings-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function returnBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Trusts");
  ws.addRow(HEADERS);
  ws.addRow(["RYJ", "Imperial", "Acute", "Live", "Epic", new Date(Date.UTC(2019, 5, 1)), "Keep", "see the board paper"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function validateJson(bytes: Uint8Array, name: string): Promise<{ issues: { code: string; cell: string }[] }> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const run = await runCli(["validate", path, "--json"]);
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { issues: { code: string; cell: string }[] };
}

describe("a mapping saved in the pane", () => {
  it("changes what `epr-return validate` reports on the saved file", async () => {
    const original = await returnBytes();
    const before = await validateJson(original, "before.xlsx");
    expect(before.issues).toContainEqual(expect.objectContaining({ code: "unknown_column", cell: "H1" }));

    const gateway = await openInWorkbench(original);
    renderInFluent(<ColumnsView gateway={gateway} sheet="Trusts" />);
    await screen.findByText(/Headers found in row 1/);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Column for header Mystery" }), "Notes");
    expect(await screen.findByText("Mapping saved in the workbook.")).toBeInTheDocument();

    const after = await validateJson(await gateway.toBuffer(), "after.xlsx");
    expect(after.issues.filter((i) => i.code === "unknown_column")).toEqual([]);

    // And back: the command line's reader over the saved file sees the pane's mapping.
    const reopened = await readBack(await gateway.toBuffer());
    expect(await reopened.loadSetting("mapping:Trusts")).toMatchObject({ headerRow: 1 });
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(["Trusts"]);
  });
});
