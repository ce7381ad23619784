import { parseAddress } from "../../../src/core/cells";
import { parseRangeBounds } from "../../../src/core/sheet/addresses";
import { compactRanges, consecutiveRuns, groupAddresses } from "../../../src/core/sheet/compactRanges";

function cellsOf(ranges: readonly string[]): Set<string> {
  const cells = new Set<string>();
  for (const r of ranges) {
    const b = parseRangeBounds(r);
    if (!b) throw new Error(r);
    for (let row = b.firstRow; row <= b.lastRow; row++) for (let col = b.firstCol; col <= b.lastCol; col++) cells.add(`${row},${col}`);
  }
  return cells;
}

describe("compactRanges", () => {
  it("joins a column run", () => {
    expect(compactRanges(["C4", "C2", "C3", "C2"])).toEqual(["C2:C4"]);
  });
  it("joins equal runs in neighbouring columns into a rectangle", () => {
    expect(compactRanges(["B2", "B3", "C2", "C3", "D2", "D3", "F2"])).toEqual(["B2:D3", "F2"]);
  });
  it("keeps gaps apart and sorts by row then column", () => {
    expect(compactRanges(["E9", "A1", "A3"])).toEqual(["A1", "A3", "E9"]);
  });
  it("turns 10,000 marks in a few columns into a few ranges covering exactly those cells", () => {
    const addresses: string[] = [];
    for (let row = 2; row <= 5001; row++) addresses.push(`G${row}`, `K${row}`);
    const ranges = compactRanges(addresses);
    expect(ranges).toEqual(["G2:G5001", "K2:K5001"]);
    const expected = new Set(addresses.map((a) => { const c = parseAddress(a); return `${c?.row},${c?.col}`; }));
    expect(cellsOf(ranges)).toEqual(expected);
  });
  it("covers exactly the given cells for a scattered pattern", () => {
    const addresses = ["A1", "B1", "B2", "C2", "C3", "D5", "E5", "D6", "E6", "Z100"];
    const ranges = compactRanges(addresses);
    expect(ranges.length).toBeLessThan(addresses.length);
    expect(cellsOf(ranges)).toEqual(cellsOf(addresses));
  });
  it("passes multi-cell ranges through and rejects junk", () => {
    expect(compactRanges(["A1:B2"])).toEqual(["A1:B2"]);
    expect(() => compactRanges(["not an address"])).toThrow(/Not an A1/);
  });
});

describe("consecutiveRuns / groupAddresses", () => {
  it("finds consecutive stretches", () => {
    expect(consecutiveRuns([1, 2, 3, 7, 9, 10])).toEqual([[1, 3], [7, 7], [9, 10]]);
  });
  it("groups addresses into lists within the length limit", () => {
    const groups = groupAddresses(["A1:A9", "C1", "D4:E5", "F1"], 12);
    expect(groups).toEqual(["A1:A9,C1", "D4:E5,F1"]);
    for (const g of groups) expect(g.length).toBeLessThanOrEqual(12);
  });
});
