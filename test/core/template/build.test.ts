import { buildTemplate, TEMPLATE_VERSION } from "../../../src/core/template/build";
import { SUMMARY_LABELS } from "../../../src/core/template/summary";
import type { TemplateSheet, TemplateSpec } from "../../../src/core/template/types";
import { COLUMNS } from "../../../src/core/columns";
import { REGIONS, SUPPLIERS } from "../../../src/core/enums";
import { ICS_LABELS, PROFILE_NAMES } from "../../../src/core/schema";
import { cellAddress, columnLetters, parseAddress } from "../../../src/core/cells";

const spec: TemplateSpec = buildTemplate();

function sheet(name: string): TemplateSheet {
  const found = spec.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function valueAt(s: TemplateSheet, address: string): unknown {
  return s.cells.find((c) => c.address === address)?.value;
}

/** The literal values of a Lists range such as `=Lists!$F$2:$F$16`. */
function listValues(source: string): unknown[] {
  const match = /^=Lists!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(source);
  if (!match) throw new Error(`not a Lists range: ${source}`);
  const [, col, from, col2, to] = match;
  expect(col2).toBe(col);
  const out: unknown[] = [];
  for (let row = Number(from); row <= Number(to); row++) out.push(valueAt(sheet("Lists"), `${col}${row}`));
  return out;
}

// The spec's own words (section 3), so a drift in src/core/columns.ts is caught too.
const SPEC_HEADERS = [
  "Trust ODS code", "Trust name", "Trust type", "EPR status", "EPR supplier", "EPR product", "Go-live date", "Contract end date",
  "Convergence plan", "Target EPR supplier", "Target go-live date", "Business case stage", "Procurement start date", "Contract award date",
  "Funding model", "Total cost (£)", "Local funding (£)", "National funding requested (£)", "Beds", "Notes",
];
const SPEC_SUMMARY_LABELS = [
  "Trusts", "Distinct systems (now)", "HHI (now)", "Effective systems (now)", "Convergence score (now)", "Distinct systems (target)",
  "HHI (target)", "Effective systems (target)", "Convergence score (target)", "Target date", "Installed by target date",
  "Implementing at target date", "Installed share", "Covered share", "Target met", "Total cost (£)", "Local funding (£)",
  "National funding requested (£)", "Funding gap (£)",
];

describe("buildTemplate", () => {
  it("has the spec's sheets in order, Lists and the helper sheet hidden", () => {
    expect(spec.version).toBe(TEMPLATE_VERSION);
    expect(spec.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Guidance", "visible"], ["ICS", "visible"], ["Trusts", "visible"], ["Lists", "hidden"], ["Summary", "visible"], ["Calc", "hidden"],
    ]);
  });

  it("is pure data: two builds are equal", () => {
    expect(buildTemplate()).toEqual(spec);
  });

  it("puts the section 3 headers in Trusts row 1, in order, under a table named Trusts", () => {
    const trusts = sheet("Trusts");
    const headers = SPEC_HEADERS.map((_, i) => valueAt(trusts, `${columnLetters(i + 1)}1`));
    expect(headers).toEqual(SPEC_HEADERS);
    expect(trusts.table).toEqual({ name: "Trusts", range: "A1:T2", headers: SPEC_HEADERS });
    expect(trusts.freeze).toEqual({ rows: 1, cols: 2 });
  });

  it("points every dropdown at a Lists range holding exactly the canonical values", () => {
    const trusts = sheet("Trusts");
    const lists = (trusts.validations ?? []).filter((v) => v.kind === "list");
    const expected = COLUMNS.filter((c) => c.type === "enum" || c.type === "supplier");
    expect(lists).toHaveLength(expected.length);
    for (const column of expected) {
      const col = columnLetters(COLUMNS.indexOf(column) + 1);
      const v = lists.find((l) => l.range === `${col}2:${col}1001`);
      if (!v || v.kind !== "list") throw new Error(`no dropdown on ${column.key}`);
      expect(listValues(v.source)).toEqual(column.type === "supplier" ? SUPPLIERS : column.enumValues);
    }
  });

  it("validates dates (1990..2040, dd/mm/yyyy), money (>= 0) and beds (whole >= 0) over rows 2..1001", () => {
    const trusts = sheet("Trusts");
    for (const [i, column] of COLUMNS.entries()) {
      const col = columnLetters(i + 1);
      const range = `${col}2:${col}1001`;
      const v = (trusts.validations ?? []).find((x) => x.range === range);
      if (column.type === "date") {
        expect(v).toMatchObject({ kind: "date", min: "1990-01-01", max: "2040-12-31" });
        expect(trusts.rangeFormats).toContainEqual({ range, numFmt: "dd/mm/yyyy" });
      } else if (column.type === "money") expect(v).toMatchObject({ kind: "decimal", min: 0 });
      else if (column.type === "whole") expect(v).toMatchObject({ kind: "whole", min: 0 });
      else if (column.type === "text" || column.type === "code") expect(v).toBeUndefined();
    }
  });

  it("has the ICS labels in column A, target profile dec-2023 with a dropdown of the profiles", () => {
    const ics = sheet("ICS");
    expect(Object.values(ICS_LABELS).map((_, i) => valueAt(ics, `A${i + 1}`))).toEqual(Object.values(ICS_LABELS));
    expect(valueAt(ics, "B6")).toBe("dec-2023");
    const v = (ics.validations ?? []).find((x) => x.range === "B6");
    if (!v || v.kind !== "list") throw new Error("no profile dropdown");
    expect(listValues(v.source)).toEqual([...PROFILE_NAMES]);
  });

  it("has an optional Region below the ICS labels, with a dropdown of the seven NHS England regions", () => {
    const ics = sheet("ICS");
    expect(valueAt(ics, "A7")).toBe("Region");
    expect(valueAt(ics, "B7")).toBeUndefined();
    const v = (ics.validations ?? []).find((x) => x.range === "B7");
    if (!v || v.kind !== "list") throw new Error("no region dropdown");
    expect(listValues(v.source)).toEqual([...REGIONS]);
    // Right of the profile table, so that no earlier list or profile column moves.
    expect(v.source).toBe("=Lists!$K$2:$K$8");
    expect(valueAt(sheet("Lists"), "K1")).toBe("Region");
  });

  it("has the Summary labels exactly as the spec lists them, a formula beside each", () => {
    const summary = sheet("Summary");
    expect(SUMMARY_LABELS).toEqual(SPEC_SUMMARY_LABELS);
    SPEC_SUMMARY_LABELS.forEach((label, i) => {
      expect(valueAt(summary, `A${i + 1}`)).toBe(label);
      expect(summary.cells.find((c) => c.address === `B${i + 1}`)?.formula).toEqual(expect.any(String));
    });
    expect(valueAt(summary, "A20")).toBeUndefined();
    for (const label of ["Target date"]) {
      const row = SPEC_SUMMARY_LABELS.indexOf(label) + 1;
      expect(summary.cells.find((c) => c.address === `B${row}`)?.numFmt).toBe("dd/mm/yyyy");
    }
  });

  it("uses only functions Excel and LibreOffice both compute, and no structured or wildcard lookups", () => {
    const allowed = new Set(["IF", "AND", "OR", "SUM", "SUMPRODUCT", "COUNTA", "COUNTIF", "ROUND", "TRIM", "UPPER", "LOWER", "INDEX", "ROW", "ISNUMBER", "INT", "NA"]);
    for (const s of spec.sheets) {
      for (const cell of s.cells) {
        if (!cell.formula) continue;
        const functions = [...cell.formula.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
        for (const fn of functions) expect([s.name, cell.address, fn, allowed.has(fn ?? "")]).toEqual([s.name, cell.address, fn, true]);
        expect(cell.formula).not.toMatch(/\[|^=/);
        // COUNTIF only ever counts numbers here: text criteria would be wildcards.
        for (const m of cell.formula.matchAll(/COUNTIF\([^,]+,("[^"]*")\)/g)) expect(m[1]).toBe('">0"');
      }
    }
  });

  it("gives the helper sheet one row per Trusts data row", () => {
    const calc = sheet("Calc");
    const rows = new Set(calc.cells.filter((c) => /^A\d+$/.test(c.address) && c.formula).map((c) => parseAddress(c.address)?.row));
    expect(rows.size).toBe(1000);
    expect(rows.has(2) && rows.has(1001)).toBe(true);
    expect(calc.cells.find((c) => c.address === "A1001")?.formula).toContain("Trusts!$A1001:$T1001");
  });

  it("explains every column, and the 1000-row capacity, on Guidance", () => {
    const text = sheet("Guidance").cells.map((c) => String(c.value ?? "")).join("\n");
    for (const header of SPEC_HEADERS) expect(text).toContain(header);
    expect(text).toMatch(/up to 1000 trusts/);
    const guidance = sheet("Guidance");
    const headerCells = guidance.cells.filter((c) => SPEC_HEADERS.includes(String(c.value)));
    for (const c of headerCells) {
      const at = parseAddress(c.address);
      if (!at) throw new Error("bad address");
      const paragraph = valueAt(guidance, cellAddress(at.row, at.col + 1));
      expect(typeof paragraph === "string" && paragraph.length > 20).toBe(true);
    }
  });
});
