/** readTrusts: the trust rows exactly as validateSheet reads them, without the rules (for scoring). */
import type { SheetData } from "../../src/core/cells";
import { readTrusts, validateSheet } from "../../src/core/validate";

const SUBMITTED = "2023-11-15";

describe("readTrusts", () => {
  const sheets: SheetData[] = [
    {
      name: "Trusts", firstRow: 1, firstCol: 1,
      rows: [
        ["A title"],
        ["Trust code", "Trust name", "Status", "Supplier", "Go-live date", "Plan", "Total cost (£)", "Beds"],
        ["ryj", "Imperial", "live", "Cerner", "Q3 2019/20", "Keep", "£1.2m", "1,200"],
        [null, "  ", null],
        ["R1H", "Barts", "Live", "TBC", new Date(Date.UTC(2020, 5, 1)), "Converge", -5, 4.5],
        ["RYJ", "Dup", "Nope", "Epic", "31/02/2023", "New EPR", "x", "y"],
      ],
    },
    { name: "Empty", firstRow: 1, firstCol: 1, rows: [["no", "headers"], ["here"]] },
    { name: "Offset", firstRow: 3, firstCol: 2, rows: [["Trust ODS code", "Trust name", "EPR status"], ["TAJ", "Walsall", "Procuring"]] },
  ];

  it.each(sheets.map((sheet) => [sheet.name, sheet] as const))("gives validateSheet's trusts for sheet %s", (_name, sheet) => {
    const validated = validateSheet(sheet, { submitted: SUBMITTED }).trusts;
    expect(readTrusts(sheet)).toEqual(validated);
  });

  it("reads with the mapping given, as validateSheet does", () => {
    const sheet = sheets[0] as SheetData;
    const mapping = { headerRow: 2, headers: [{ col: 1, cell: "A2", text: "Trust code", key: "trustCode" as const }, { col: 2, cell: "B2", text: "Trust name", key: null }] };
    const trusts = readTrusts(sheet, { mapping });
    expect(trusts).toEqual(validateSheet(sheet, { submitted: SUBMITTED, mapping }).trusts);
    expect(trusts[0]).toMatchObject({ row: 3, trustCode: "RYJ", trustName: null });
  });

  it("gives no rows for a sheet without a header row", () => {
    expect(readTrusts(sheets[1] as SheetData)).toEqual([]);
  });
});
