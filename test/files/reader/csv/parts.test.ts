/** The .csv reader's parts: records, separator, sheet name, cell values, text encodings, and its budgets. */
import { WorkbookReadError } from "../../../../src/files/errors";
import { readCsv } from "../../../../src/files/reader/csv";
import { csvCellValue } from "../../../../src/files/reader/csv/cellValue";
import { decodeCsvText, decodeWindows1252 } from "../../../../src/files/reader/csv/decode";
import { forEachCsvRecord } from "../../../../src/files/reader/csv/records";
import { chooseSeparator } from "../../../../src/files/reader/csv/separator";
import { sheetNameForFile } from "../../../../src/files/reader/csv/sheetName";

function records(text: string, separator = ","): string[][] {
  const out: string[][] = [];
  forEachCsvRecord(text, 0, separator, 1_000_000, (fields) => out.push([...fields]));
  return out;
}

async function rowsOf(text: string, limits = {}): Promise<unknown> {
  const data = await readCsv(new TextEncoder().encode(text), { fileName: "t.csv", limits });
  return data.sheets[0]?.grid?.rows;
}

describe("records", () => {
  it("splits on CRLF, LF and CR alike and keeps empty fields", () => {
    expect(records("a,b\r\nc,,d\ne\rf,")).toEqual([["a", "b"], ["c", "", "d"], ["e"], ["f", ""]]);
  });

  it("a file without a final line end ends its last record", () => {
    expect(records("a,b")).toEqual([["a", "b"]]);
    expect(records("")).toEqual([]);
  });

  it("quotes: doubled quotes, separators and line ends inside; text after a closing quote is kept", () => {
    expect(records('"a,b","say ""hi""","x\r\ny"\n"abc"def,5" disk')).toEqual([
      ["a,b", 'say "hi"', "x\ny"],
      ["abcdef", '5" disk'],
    ]);
  });

  it("a quote left open runs to the end of the file", () => {
    expect(records('a,"b\nc,d')).toEqual([["a", "b\nc,d"]]);
  });

  it("a record of more fields than the budget is refused before it is built", () => {
    const out: string[][] = [];
    expect(() => forEachCsvRecord(",".repeat(100), 0, ",", 10, (fields) => out.push([...fields]))).toThrow(WorkbookReadError);
    expect(out).toEqual([]);
  });

  it("one huge field is one string, read in linear time", () => {
    const big = "x".repeat(5_000_000);
    expect(records(`"${big}",1`)[0]?.[0]).toHaveLength(5_000_000);
  });
});

describe("separator", () => {
  it("is whichever of , ; tab the header row has most of, outside quotes", () => {
    expect(chooseSeparator("a;b;c\n1,2,3,4,5\n").separator).toBe(";");
    expect(chooseSeparator("a\tb\n").separator).toBe("\t");
    expect(chooseSeparator('"a;b;c",d,e\n').separator).toBe(",");
    // A quoted header cell may span lines: the header row ends at the first line end outside quotes.
    expect(chooseSeparator('"a\nb";c;d\n1,2,3,4').separator).toBe(";");
  });

  it("ties and a header without separators choose the comma", () => {
    expect(chooseSeparator("a,b;c\n").separator).toBe(",");
    expect(chooseSeparator("a;b\tc\n").separator).toBe(";");
    expect(chooseSeparator("Code\nRYJ\n").separator).toBe(",");
  });

  it("honours Excel's sep= line and starts after it", () => {
    expect(chooseSeparator("sep=;\r\na,b;c")).toEqual({ separator: ";", start: 7 });
    expect(chooseSeparator("sep=|\na|b").separator).toBe(",");
  });
});

describe("sheet name", () => {
  it("is the file's name without folder or extension, valid for Excel", () => {
    expect(sheetNameForFile("C:\\returns\\Leeds: Q3 [v2]?.csv")).toBe("Leeds_ Q3 _v2__");
    expect(sheetNameForFile("a/b/return.final.csv")).toBe("return.final");
    expect(sheetNameForFile("'quoted'.csv")).toBe("quoted");
    expect(sheetNameForFile("x".repeat(40) + ".csv")).toBe("x".repeat(31));
    expect(sheetNameForFile("a".repeat(30) + "😀.csv")).toBe("a".repeat(30));
  });

  it("is Sheet1 without a usable name", () => {
    expect(sheetNameForFile(undefined)).toBe("Sheet1");
    expect(sheetNameForFile(".csv")).toBe("Sheet1");
    expect(sheetNameForFile("''.csv")).toBe("Sheet1");
  });
});

describe("cell values", () => {
  it.each([
    ["1200000", 1200000],
    ["3.5", 3.5],
    ["-2", -2],
    ["0", 0],
    ["-0", 0],
    ["0.25", 0.25],
    ["123456789012345", 123456789012345],
  ])("%s is a number", (field, value) => {
    expect(csvCellValue(field)).toBe(value);
  });

  it.each(["007", "1,200", "1e5", "+3", " 42", "42 ", "£5", ".5", "5.", "1.2.3", "31/12/2023", "2023-12-31", "TRUE", "#N/A", "1234567890123456"])(
    "%s stays text",
    (field) => {
      expect(csvCellValue(field)).toBe(field);
    },
  );

  it("an empty field is blank; spaces are kept for the core to trim", () => {
    expect(csvCellValue("")).toBeNull();
    expect(csvCellValue("  ")).toBe("  ");
  });
});

describe("encodings", () => {
  it("reads UTF-8 with or without a mark, and anything else as Windows-1252", () => {
    expect(decodeCsvText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: "a", encoding: "utf-8" });
    expect(decodeCsvText(new TextEncoder().encode("£é"))).toEqual({ text: "£é", encoding: "utf-8" });
    expect(decodeCsvText(new Uint8Array([0xa3, 0x35]))).toEqual({ text: "£5", encoding: "windows-1252" });
  });

  it("maps every Windows-1252 byte as the Encoding standard does", () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = decodeWindows1252(all);
    expect(text).toHaveLength(256);
    expect(text.slice(0x80, 0x88)).toBe("€\u0081‚ƒ„…†‡");
    expect(text.slice(0x91, 0x98)).toBe("‘’“”•–—");
    expect(text.charCodeAt(0x41)).toBe(0x41);
    expect(text.charCodeAt(0xa3)).toBe(0xa3);
    expect(text.charCodeAt(0xff)).toBe(0xff);
  });
});

describe("readCsv", () => {
  it("leaves trailing blank fields and rows off, and shares one empty row", async () => {
    const data = await readCsv(new TextEncoder().encode("a,,\n,,\n\nb,c\n,\n"), { fileName: "t.csv" });
    const rows = data.sheets[0]?.grid?.rows ?? [];
    expect(rows).toEqual([["a"], [], [], ["b", "c"]]);
    expect(rows[1]).toBe(rows[2]);
    expect(Object.isFrozen(rows[1])).toBe(true);
  });

  it("lists the sheet with no grid when sheetsToRead leaves it out", async () => {
    const data = await readCsv(new TextEncoder().encode("a\n"), { fileName: "x.csv", sheetsToRead: () => new Set(["other"]) });
    expect(data.sheets).toEqual([{ name: "x", state: "visible", grid: null }]);
  });

  it("refuses a file over the row, cell or size budget, naming it", async () => {
    await expect(rowsOf("a\nb\nc\n", { maxRows: 2 })).rejects.toThrow(/more than 2 rows/);
    await expect(rowsOf("a,b\nc,d\n", { maxCells: 3 })).rejects.toThrow(/more than 3 cells/);
    await expect(rowsOf("abcdef", { maxFileBytes: 4 })).rejects.toThrow(/over the 4 bytes limit/);
    await expect(rowsOf("a\nb\n", { maxRows: 2, maxCells: 2 })).resolves.toEqual([["a"], ["b"]]);
  });

  it("counts only the cells a row keeps: trailing empty fields cost nothing", async () => {
    await expect(rowsOf(`a${",".repeat(50)}\nb${",".repeat(50)}\n`, { maxCells: 60 })).resolves.toEqual([["a"], ["b"]]);
  });

  it("a million-line file is read (bounded by the budget, not by the machine)", async () => {
    const text = "Code,Beds\n" + "RYJ,3\n".repeat(200_000);
    const rows = (await rowsOf(text)) as unknown[][];
    expect(rows).toHaveLength(200_001);
    expect(rows[200_000]).toEqual(["RYJ", 3]);
    await expect(rowsOf(text, { maxRows: 100_000 })).rejects.toThrow(WorkbookReadError);
  });
});
