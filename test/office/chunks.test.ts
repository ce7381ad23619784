import { checkCellWrites } from "../../src/app/cellWrites";
import {
  blockAddress, blockFromRows, blocksFromCellWrites, chunkBlocks, estimateBlockBytes, excelInput, splitBlock, TEXT_FORMAT, textInput, utf8Length,
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

describe("fill blocks", () => {
  it("address their whole range, cost one value, and are never split", () => {
    const fill: WriteBlock = { sheet: "Calc", row: 2, col: 2, kind: "formulas", data: [["=A2*2"]], fill: { rows: 1000, cols: 1 } };
    expect(blockAddress(fill)).toBe("B2:B1001");
    expect(estimateBlockBytes(fill)).toBeLessThan(300);
    expect(splitBlock(fill, 10)).toEqual([fill]);
  });
});

describe("excelInput / textInput", () => {
  it("clears with an empty string, since null means 'leave unchanged' to Excel", () => {
    expect(excelInput(null)).toBe("");
    expect(excelInput("")).toBe("");
  });
  it("gives every text the text prefix, whatever Excel would make of it", () => {
    for (const text of ["Oracle Health", "Dec 2023", "dec-2023", "2024-03-31", "1-2", "TRUE", "#N/A", "1E5", "=x", "+44 20 7946 0000", "007", "-", "'quoted"]) {
      expect(excelInput(text)).toBe(`'${text}`);
    }
  });
  it("writes text into a cell formatted as Text as it is", () => {
    expect(textInput("007", TEXT_FORMAT)).toBe("007");
    expect(excelInput("=x", TEXT_FORMAT)).toBe("=x");
    expect(textInput("007", "General")).toBe("'007");
    expect(textInput("007", "dd/mm/yyyy")).toBe("'007");
  });
  it("leaves numbers and booleans alone", () => {
    expect(excelInput(42)).toBe(42);
    expect(excelInput(false)).toBe(false);
  });
});

describe("blocksFromCellWrites / blockFromRows", () => {
  it("joins consecutive rows of a column into one block, last write winning", () => {
    const blocks = blocksFromCellWrites("Trusts", checkCellWrites("Trusts", [
      { address: "E3", value: "Epic" },
      { address: "E2", value: "TPP" },
      { address: "E5", value: null },
      { address: "E3", value: "Oracle Health" },
      { address: "A2", value: 7 },
    ]));
    expect(blocks).toEqual([
      { sheet: "Trusts", row: 2, col: 1, kind: "values", data: [[7]] },
      { sheet: "Trusts", row: 2, col: 5, kind: "values", data: [["'TPP"], ["'Oracle Health"]] },
      { sheet: "Trusts", row: 5, col: 5, kind: "values", data: [[""]] },
    ]);
  });
  it("rejects an address that is not one cell", () => {
    expect(() => blocksFromCellWrites("S", checkCellWrites("S", [{ address: "A1:B2", value: 1 }]))).toThrow(/single-cell/);
  });
  it("pads ragged figure rows into one rectangle from A1", () => {
    expect(blockFromRows("EPR Scores", [["Trusts", 12], ["Note"]])).toEqual({
      sheet: "EPR Scores", row: 1, col: 1, kind: "values", data: [["'Trusts", 12], ["'Note", ""]],
    });
    expect(blockFromRows("S", [])).toBeNull();
  });
});
