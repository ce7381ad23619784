import { COLUMN_KEYS } from "../../../src/core/columns";
import type { IcsDetails, TrustRow } from "../../../src/core/schema";
import {
  canonicalNumber, canonicalReturn, canonicalReturnPieces, canonicalRow, compareWithStamp, createStamp, sha256Hex, SPEC_VERSION, StampSchema,
  stampFromRows, stampToRows, type Stamp,
} from "../../../src/core/stamp";
import { TEMPLATE_VERSION } from "../../../src/core/template/build";

const blank: Omit<TrustRow, "row" | "trustCode"> = {
  trustName: null, trustType: null, eprStatus: null, supplier: null, product: null, goLiveDate: null, contractEndDate: null,
  plan: null, targetSupplier: null, targetGoLiveDate: null, businessCaseStage: null, procurementStartDate: null,
  contractAwardDate: null, fundingModel: null, totalCost: null, localFunding: null, nationalFunding: null, beds: null, notes: null,
};
const trust = (row: number, trustCode: string | null, more: Partial<TrustRow> = {}): TrustRow => ({ ...blank, row, trustCode, trustName: `Trust ${trustCode ?? row}`, ...more });
const ICS: IcsDetails = { icsName: "North ICS", icbCode: "QE1", contactName: null, contactEmail: null, submissionDate: "2023-11-15", targetProfile: "dec-2023" };
const STAMPED_AT = new Date("2023-11-15T09:30:00Z");
const ROWS = [trust(2, "RYJ", { goLiveDate: "2019-06-01", beds: 1000 }), trust(3, "R1H"), trust(4, "RJZ")];

async function stampOf(rows: readonly TrustRow[], ics: IcsDetails | null = ICS) {
  return createStamp({ sheet: "Trusts", ics, trusts: rows, warnings: 2, stampedAt: STAMPED_AT });
}

describe("the canonical form", () => {
  it("is the 20 column keys in column order, without the sheet row, as compact JSON", () => {
    const text = canonicalRow(trust(9, "RYJ", { goLiveDate: "2019-06-01", totalCost: 1_200_000 }));
    expect(Object.keys(JSON.parse(text) as object)).toEqual([...COLUMN_KEYS]);
    expect(text.startsWith('{"trustCode":"RYJ","trustName":"Trust RYJ","trustType":null,')).toBe(true);
    expect(text).toContain('"goLiveDate":"2019-06-01"');
    expect(text).toContain('"totalCost":1200000,');
    expect(text).not.toContain("row");
  });

  it("wraps the ICS details (label order) and the rows in order under a format name", () => {
    const text = canonicalReturn(ICS, [trust(2, "RYJ")]);
    expect(text.startsWith('{"format":"epr-stamp/1","ics":{"icsName":"North ICS","icbCode":"QE1","contactName":null,"contactEmail":null,"submissionDate":"2023-11-15","targetProfile":"dec-2023"},"trusts":[{"trustCode":"RYJ",')).toBe(true);
    expect(canonicalReturn(null, [])).toBe('{"format":"epr-stamp/1","ics":null,"trusts":[]}');
  });

  it("rounds numbers to 15 significant digits and drops negative zero", () => {
    expect(canonicalNumber(0.1 + 0.2)).toBe(0.3);
    expect(canonicalNumber(1_234_567.891)).toBe(1_234_567.891);
    expect(Object.is(canonicalNumber(-0), 0)).toBe(true);
    expect(() => canonicalNumber(Number.NaN)).toThrow("cannot stamp");
    expect(canonicalRow(trust(2, "RYJ", { totalCost: 0.1 + 0.2 }))).toBe(canonicalRow(trust(5, "RYJ", { totalCost: 0.3 })));
  });
});

describe("the canonical return in pieces", () => {
  const awkward = [
    trust(2, "RYJ", { trustName: 'Imperial "College" \\ 😀\n', notes: "é e\u0301 \ud800 lone", totalCost: 0.1 + 0.2, localFunding: -0, beds: 1000 }),
    trust(3, "R1H", { product: "\u2028 line separator", nationalFunding: 1_200_000.5 }),
  ];

  it("is byte for byte the JSON of the whole return, as the stamp has always hashed it", () => {
    // The definition the first stamps were made with: one JSON.stringify over the whole object.
    const object = (t: TrustRow) => Object.fromEntries(COLUMN_KEYS.map((key) => [key, typeof t[key] === "number" ? canonicalNumber(t[key] as number) : t[key]]));
    for (const [ics, trusts] of [[ICS, awkward], [null, awkward], [ICS, []], [null, []]] as const) {
      const whole = JSON.stringify({ format: "epr-stamp/1", ics, trusts: trusts.map(object) });
      expect([...canonicalReturnPieces(ics, trusts)].join("")).toBe(whole);
      expect(canonicalReturn(ics, trusts)).toBe(whole);
    }
  });

  it("keeps the hashes of stamps made before it (pinned from the one-string implementation)", async () => {
    const ics: IcsDetails = { ...ICS, icsName: "North ICS “Ω”" };
    const row: TrustRow = {
      ...trust(2, "RYJ"), trustName: 'Imperial 😀 "quoted"\n', trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "2019-06-01",
      plan: "Keep", totalCost: 1200000.5, localFunding: 0.1 + 0.2, nationalFunding: -0, beds: 1000, notes: "é e\u0301",
    };
    const stamp = await stampOf([row, { ...row, row: 3, trustCode: "R1H" }], ics);
    expect(stamp.sha256).toBe("2ebef57d6e750a80d390dcb975cdd59b33e64df645e846b41d69f9704fa7dbcb");
    expect((await stampOf([], null)).sha256).toBe("68f9ff8a591c27a6ba52eb73fffaf0ee625cf9fe115ee49519f5df6c26b3db9b");
  });

  it("never builds the whole return as one string: no text longer than a row is made while stamping and comparing", async () => {
    const note = "n".repeat(100_000);
    const rows = Array.from({ length: 40 }, (_, i) => trust(i + 2, `R${String(i).padStart(2, "0")}`, { notes: note }));
    const longestRow = Math.max(...rows.map((r) => canonicalRow(r).length));
    const stringify = jest.spyOn(JSON, "stringify");
    const join = jest.spyOn(Array.prototype, "join");
    try {
      const stamp = await stampOf(rows);
      expect((await compareWithStamp(stamp, { ics: ICS, trusts: rows })).status).toBe("match");
      const made = [...stringify.mock.results, ...join.mock.results].map((r) => (typeof r.value === "string" ? r.value.length : 0));
      expect(Math.max(...made)).toBeLessThanOrEqual(longestRow);
      expect(stringify.mock.results.length).toBeGreaterThan(rows.length);
    } finally {
      stringify.mockRestore();
      join.mockRestore();
    }
  });
});

describe("sha256Hex", () => {
  it("gives the standard SHA-256 of the UTF-8 text", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sha256Hex("£")).toBe(await sha256Hex("\u00a3"));
    expect(await sha256Hex("£")).not.toBe(await sha256Hex("\u00c2\u00a3"));
  });
});

describe("createStamp", () => {
  it("records versions, the sheet, warnings, the whole hash and one hash per row", async () => {
    const stamp = await stampOf(ROWS);
    expect(StampSchema.parse(stamp)).toEqual(stamp);
    expect(stamp).toMatchObject({ stampedAt: "2023-11-15T09:30:00.000Z", specVersion: SPEC_VERSION, templateVersion: TEMPLATE_VERSION, sheet: "Trusts", warnings: 2 });
    expect(stamp.sha256).toBe(await sha256Hex(canonicalReturn(ICS, ROWS)));
    expect(stamp.rows.map((r) => [r.row, r.trustCode])).toEqual([[2, "RYJ"], [3, "R1H"], [4, "RJZ"]]);
    expect(stamp.rows[0]?.sha256).toBe(await sha256Hex(canonicalRow(ROWS[0] ?? trust(1, null))));
  });
});

describe("compareWithStamp", () => {
  it("matches the same data, even with the rows moved down by a blank row", async () => {
    const stamp = await stampOf(ROWS);
    const moved = ROWS.map((r) => ({ ...r, row: r.row + 1 }));
    expect(await compareWithStamp(stamp, { ics: ICS, trusts: moved })).toEqual({
      status: "match", changedRows: [], addedRows: [], removedRows: [], icsChanged: false, icsFields: null, orderChanged: false,
    });
  });

  it("names a changed row by its row and trust code", async () => {
    const stamp = await stampOf(ROWS);
    const edited = [ROWS[0], trust(3, "R1H", { beds: 12 }), ROWS[2]].filter((r): r is TrustRow => r !== undefined);
    const result = await compareWithStamp(stamp, { ics: ICS, trusts: edited });
    expect(result.status).toBe("changed");
    expect(result.changedRows).toEqual([{ row: 3, trustCode: "R1H", stampedRow: 3, stampedTrustCode: "R1H", fields: [{ key: "beds", now: 12 }] }]);
    expect(result.addedRows).toEqual([]);
    expect(result.removedRows).toEqual([]);
  });

  it("names every field that changed in a row, in column order, with its value now", async () => {
    const stamp = await stampOf(ROWS);
    const edited = { ...ROWS[0], trustName: "Imperial College", goLiveDate: null, beds: 1001 } as TrustRow;
    const result = await compareWithStamp(stamp, { ics: ICS, trusts: [edited, ...ROWS.slice(1)] });
    expect(result.changedRows[0]?.fields).toEqual([{ key: "trustName", now: "Imperial College" }, { key: "goLiveDate", now: null }, { key: "beds", now: 1001 }]);
  });

  it("says it cannot tell which field changed when the stamp has no field hashes (made before they existed)", async () => {
    const stamp = await stampOf(ROWS);
    const older: Stamp = { ...stamp, icsFields: undefined, rows: stamp.rows.map(({ fields: _fields, ...rest }) => rest) };
    const result = await compareWithStamp(older, { ics: { ...ICS, icsName: "West ICS" }, trusts: [ROWS[0] as TrustRow, trust(3, "R1H", { beds: 12 }), ROWS[2] as TrustRow] });
    expect(result.changedRows).toEqual([{ row: 3, trustCode: "R1H", stampedRow: 3, stampedTrustCode: "R1H", fields: null }]);
    expect(result).toMatchObject({ status: "changed", icsChanged: true, icsFields: null });
  });

  it("names added and removed rows", async () => {
    const stamp = await stampOf(ROWS);
    const result = await compareWithStamp(stamp, { ics: ICS, trusts: [ROWS[0] ?? trust(1, null), trust(3, "RJZ", { trustName: "Trust RJZ" }), trust(5, "RAX")] });
    expect(result.status).toBe("changed");
    expect(result.removedRows).toEqual([{ row: 3, trustCode: "R1H" }]);
    expect(result.addedRows).toEqual([{ row: 5, trustCode: "RAX" }]);
    // RJZ moved up from row 4 to 3 with the same data: not changed.
    expect(result.changedRows).toEqual([]);
  });

  it("pairs a row whose trust code was edited by its sheet row", async () => {
    const stamp = await stampOf(ROWS);
    const result = await compareWithStamp(stamp, { ics: ICS, trusts: [ROWS[0] ?? trust(1, null), trust(3, "R1K", { trustName: "Trust R1H" }), ROWS[2] ?? trust(1, null)] });
    expect(result.changedRows).toEqual([{ row: 3, trustCode: "R1K", stampedRow: 3, stampedTrustCode: "R1H", fields: [{ key: "trustCode", now: "R1K" }] }]);
    expect(result.addedRows).toEqual([]);
    expect(result.removedRows).toEqual([]);
  });

  it("sees a change to the ICS details", async () => {
    const stamp = await stampOf(ROWS);
    const result = await compareWithStamp(stamp, { ics: { ...ICS, contactName: "A. Person" }, trusts: ROWS });
    expect(result).toMatchObject({ status: "changed", icsChanged: true, icsFields: [{ key: "contactName", now: "A. Person" }], changedRows: [], orderChanged: false });
  });

  it("sees rows put in another order", async () => {
    const stamp = await stampOf(ROWS);
    const sorted = [ROWS[1], ROWS[0], ROWS[2]].filter((r): r is TrustRow => r !== undefined).map((r, i) => ({ ...r, row: i + 2 }));
    const result = await compareWithStamp(stamp, { ics: ICS, trusts: sorted });
    expect(result).toMatchObject({ status: "changed", orderChanged: true, icsChanged: false, changedRows: [], addedRows: [], removedRows: [] });
  });

  it("tells a workbook that lost its ICS sheet from one that never had one", async () => {
    const withIcs = await stampOf(ROWS);
    expect(await compareWithStamp(withIcs, { ics: null, trusts: ROWS })).toMatchObject({ icsChanged: true, icsFields: null });
    const without = await stampOf(ROWS, null);
    expect((await compareWithStamp(without, { ics: null, trusts: ROWS })).status).toBe("match");
  });
});

describe("field hashes", () => {
  it("are the first 4 hex digits of each field's canonical JSON's SHA-256, in column order (ICS details: label order)", async () => {
    const stamp = await stampOf(ROWS);
    const first = ROWS[0] as TrustRow;
    const expected = await Promise.all(COLUMN_KEYS.map(async (key) => (await sha256Hex(JSON.stringify(first[key]))).slice(0, 4)));
    expect(stamp.rows[0]?.fields).toBe(expected.join(""));
    expect(stamp.rows[0]?.fields?.slice(0, 4)).toBe((await sha256Hex('"RYJ"')).slice(0, 4));
    expect(stamp.icsFields).toHaveLength(24);
    expect(stamp.icsFields?.slice(0, 4)).toBe((await sha256Hex('"North ICS"')).slice(0, 4));
    expect((await stampOf(ROWS, null)).icsFields).toBeUndefined();
  });

  it("leave the whole and row hashes as they were: stamps made before field hashes still verify", async () => {
    const stamp = await stampOf(ROWS);
    expect(stamp.sha256).toBe(await sha256Hex(canonicalReturn(ICS, ROWS)));
    expect(stamp.rows[1]?.sha256).toBe(await sha256Hex(canonicalRow(ROWS[1] as TrustRow)));
  });
});

describe("the stamp sheet's layout", () => {
  it("writes the field hashes in a fourth column and under their own label, and reads them back", async () => {
    const stamp = await stampOf(ROWS);
    const rows = stampToRows(stamp);
    expect(rows).toContainEqual(["Row", "Trust ODS code", "SHA-256", "Field hashes"]);
    expect(rows).toContainEqual(["ICS field hashes", stamp.icsFields]);
    expect(stampFromRows(rows)).toEqual(stamp);
    const withoutIcs = await stampOf(ROWS, null);
    expect(stampFromRows(stampToRows(withoutIcs))).toEqual(withoutIcs);
  });

  it("reads a stamp sheet written before field hashes (three columns, no ICS field hashes label)", async () => {
    const stamp = await stampOf(ROWS);
    const before = stampToRows(stamp).filter((r) => r[0] !== "ICS field hashes").map((r) => r.slice(0, 3));
    const read = stampFromRows(before);
    expect(read.icsFields).toBeUndefined();
    expect(read.rows.every((r) => r.fields === undefined)).toBe(true);
    expect((await compareWithStamp(read, { ics: ICS, trusts: ROWS })).status).toBe("match");
  });

  it("refuses field hashes that are not hex digits of the right length", async () => {
    const rows = stampToRows(await stampOf(ROWS));
    const damaged = rows.map((r) => (r[0] === 2 ? [...r.slice(0, 3), "abc"] : r));
    expect(() => stampFromRows(damaged)).toThrow(/damaged \(rows\.0\.fields\)/);
  });
});
