/** The task pane's writes make the workbench's workbook unsaved; its reads and marks do not. */
import "./textCodecs";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { ChangeNotingGateway } from "../../src/workbench/changeNotingGateway";

function noted() {
  const changed = jest.fn();
  const gateway = XlsxGateway.blank();
  return { gateway, pane: new ChangeNotingGateway(gateway, changed), changed };
}

test("reads, marks and going to a cell change nothing that a save keeps", async () => {
  const { pane, changed } = noted();
  await pane.listSheets();
  await pane.readSheet("Sheet1");
  await pane.loadSetting("eprReturn.anything");
  await pane.settingKeys();
  await pane.markCells("Sheet1", [{ address: "A1", severity: "error" }]);
  await pane.clearMarks("Sheet1");
  await pane.selectCell("Sheet1", "B2");
  const stop = await pane.onSheetChanged("Sheet1", () => undefined);
  await stop();
  expect(changed).not.toHaveBeenCalled();
});

test("cells, figures, settings and the stamp are changes, passed on to the workbook's gateway", async () => {
  const { gateway, pane, changed } = noted();
  await pane.writeCells("Sheet1", [{ address: "A1", value: "RZ2" }]);
  expect(gateway.workbook.getWorksheet("Sheet1")?.getCell("A1").value).toBe("RZ2");
  expect(changed).toHaveBeenCalledTimes(1);
  expect(await pane.writeFigures({ name: "EPR Scores", rows: [["Figure", "Value"]] })).toBe("EPR Scores");
  await pane.saveSetting("eprReturn.submissionDate", "2025-03-31");
  expect(await gateway.loadSetting("eprReturn.submissionDate")).toBe("2025-03-31");
  await pane.writeStampSheet([["stamp"]]);
  expect(changed).toHaveBeenCalledTimes(4);
});

test("a write that fails still counts (it may have changed part of the workbook), and its error is passed on", async () => {
  const { pane, changed } = noted();
  await expect(pane.writeCells("Sheet1", [{ address: "not a cell", value: 1 }])).rejects.toThrow();
  expect(changed).toHaveBeenCalledTimes(1);
});
