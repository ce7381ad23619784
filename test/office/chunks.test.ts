import {
  blockAddress, blockFromRows, blocksFromCellWrites, chunkBlocks, estimateBlockBytes, excelInput, splitBlock, utf8Length,
  type WriteBlock,
} from "../../src/office/chunks";

const MB = 1_000_000;

function bigColumn(rows: number, text: string): WriteBlock {
  return { sheet: "Trusts", row: 2, col: 20, kind: "values", data: Array.from({ length: rows }, () => [text]) };
}

describe("utf8Length", () => {
  it("counts bytes, not UTF-16 units", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("£")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
  });
});

describe("splitBlock / chunkBlocks", () => {
  it("leaves a small block whole", () => {
    const block = bigColumn(10, "x");
    expect(splitBlock(block, 4 * MB)).toEqual([block]);
    expect(chunkBlocks([block])).toEqual([[block]]);
  });
  it("splits a 6 MB block into row blocks each under the limit, losing no row", () => {
    const block = bigColumn(3000, "n".repeat(2000));
    expect(estimateBlockBytes(block)).toBeGreaterThan(5 * MB);
    const chunks = chunkBlocks([block], 4 * MB);
    expect(chunks.length).toBeGreaterThan(1);
    const pieces = chunks.flat();
    for (const chunk of chunks) expect(chunk.reduce((n, b) => n + estimateBlockBytes(b), 0)).toBeLessThanOrEqual(4 * MB);
    expect(pieces.reduce((n, b) => n + b.data.length, 0)).toBe(3000);
    // Pieces are contiguous: each starts where the previous ended.
    let next = 2;
    for (const piece of pieces) {
      expect(piece.row).toBe(next);
      next += piece.data.length;
    }
    expect(blockAddress(pieces[0] as WriteBlock)).toMatch(/^T2:T\d+$/);
  });
  it("packs small blocks together until a chunk is full", () => {
    const blocks = Array.from({ length: 10 }, (_, i): WriteBlock => ({ sheet: "S", row: i + 1, col: 1, kind: "values", data: [["y".repeat(1000)]] }));
    const chunks = chunkBlocks(blocks, 3000);
    expect(chunks.length).toBe(5);
    expect(chunks.flat()).toEqual(blocks);
  });
});

describe("excelInput", () => {
  it("clears with an empty string, since null means 'leave unchanged' to Excel", () => {
    expect(excelInput(null)).toBe("");
  });
  it("prefixes text Excel would read as a formula, number or date", () => {
    expect(excelInput("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(excelInput("-")).toBe("'-");
    expect(excelInput("31/12/2023")).toBe("'31/12/2023");
    expect(excelInput("0123")).toBe("'0123");
  });
  it("leaves ordinary text, numbers and booleans alone", () => {
    expect(excelInput("Oracle Health")).toBe("Oracle Health");
    expect(excelInput("1.2m")).toBe("1.2m");
    expect(excelInput(42)).toBe(42);
    expect(excelInput(false)).toBe(false);
  });
});

describe("blocksFromCellWrites / blockFromRows", () => {
  it("joins consecutive rows of a column into one block, last write winning", () => {
    const blocks = blocksFromCellWrites("Trusts", [
      { address: "E3", value: "Epic" },
      { address: "E2", value: "TPP" },
      { address: "E5", value: null },
      { address: "E3", value: "Oracle Health" },
      { address: "A2", value: 7 },
    ]);
    expect(blocks).toEqual([
      { sheet: "Trusts", row: 2, col: 1, kind: "values", data: [[7]] },
      { sheet: "Trusts", row: 2, col: 5, kind: "values", data: [["TPP"], ["Oracle Health"]] },
      { sheet: "Trusts", row: 5, col: 5, kind: "values", data: [[""]] },
    ]);
  });
  it("rejects an address that is not one cell", () => {
    expect(() => blocksFromCellWrites("S", [{ address: "A1:B2", value: 1 }])).toThrow(/single-cell/);
  });
  it("pads ragged figure rows into one rectangle from A1", () => {
    expect(blockFromRows("EPR Scores", [["Trusts", 12], ["Note"]])).toEqual({
      sheet: "EPR Scores", row: 1, col: 1, kind: "values", data: [["Trusts", 12], ["Note", ""]],
    });
    expect(blockFromRows("S", [])).toBeNull();
  });
});
