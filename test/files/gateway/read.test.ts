import ExcelJS from "exceljs";
import { errorValue } from "../../../src/core/cells";
import { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { gatewayOfBytes } from "../../helpers/excelJsModel";
import { readBack } from "../../helpers/readBack";
import { openUserWorkbook, reopen } from "./helpers";

describe("XlsxGateway reading", () => {
  it("blank() is one empty sheet, Sheet1, that saves and opens again", async () => {
    const gateway = XlsxGateway.blank();
    expect(await gateway.listSheets()).toEqual([{ name: "Sheet1", visible: true }]);
    expect((await gateway.readSheet("Sheet1")).rows).toEqual([]);
    const bytes = await gateway.toBuffer();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(await (await readBack(bytes)).listSheets()).toEqual([{ name: "Sheet1", visible: true }]);
  });

  it("lists the sheets with their visibility", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Shown");
    wb.addWorksheet("Tucked away", { state: "hidden" });
    const gateway = await gatewayOfBytes(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await gateway.listSheets()).toEqual([
      { name: "Shown", visible: true },
      { name: "Tucked away", visible: false },
    ]);
  });

  it("reads a sheet as the core's grid, finding it whatever the case of its name", async () => {
    const gateway = await openUserWorkbook();
    const grid = await gateway.readSheet("trusts");
    expect(grid).toMatchObject({ name: "Trusts", firstRow: 1, firstCol: 1 });
    expect(grid.rows).toEqual([
      ["Trust ODS code", "Trust name", "Cost"],
      ["RX1", "North Trust", 1250.5],
      ["RX2", null, -4],
    ]);
  });

  it("reads dates as UTC days and errors as error values, after a save and reopen", async () => {
    const gateway = XlsxGateway.blank();
    const ws = gateway.workbook.getWorksheet("Sheet1");
    if (!ws) throw new Error("no Sheet1");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 2, 31));
    ws.getCell("B1").value = { error: "#N/A" };
    const grid = await (await reopen(gateway)).readSheet("Sheet1");
    expect(grid.rows).toEqual([[new Date(Date.UTC(2024, 2, 31)), errorValue("#N/A")]]);
  });

  it("refuses a sheet that is not there", async () => {
    await expect(XlsxGateway.blank().readSheet("Trusts")).rejects.toThrow('The workbook has no sheet named "Trusts".');
  });
});
