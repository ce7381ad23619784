import { mergedWorkbook } from "../../src/xlsx/merge";
import { loadWorkbook, sheetToGrid } from "../../src/xlsx/read";
it("scratch", async () => {
  const t = { row: 2, trustCode: "RYJ", trustName: "A", trustType: "Acute", eprStatus: "Live", supplier: "Epic", product: null, goLiveDate: "2020-01-31", contractEndDate: null, plan: "Keep", targetSupplier: null, targetGoLiveDate: null, businessCaseStage: null, procurementStartDate: null, contractAwardDate: null, fundingModel: null, totalCost: null, localFunding: null, nationalFunding: null, beds: 10, notes: null } as const;
  const wb = mergedWorkbook([{ source: "a.xlsx › Trusts", trust: t }, { source: "b.xlsx › Trusts", trust: { ...t, trustCode: "RAB", row: 5 } }]);
  const buf = await wb.xlsx.writeBuffer();
  const again = await loadWorkbook(Buffer.from(buf));
  const ws = again.getWorksheet("Trusts")!;
  console.log(JSON.stringify(sheetToGrid(ws).rows), (ws.getTable("Trusts") as any).table.tableRef, (ws.getTable("Trusts") as any).table.columns.map((c: any)=>c.name));
});
