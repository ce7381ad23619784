/**
 * The Suppliers sheet: the national market by supplier, now and after the plans, by trusts and by beds, then the
 * totals and the HHI (Σ share², the market's concentration). Counts and beds are formulas over the Trusts sheet's
 * supplier columns; shares and HHI formulas over this sheet; cached results throughout.
 */
import type ExcelJS from "exceljs";
import type { SupplierMarket } from "../../core/national";
import { HHI_FORMAT, setFormula, setValue, SHARE_FORMAT, writeHeaders } from "./cells";
import { FIRST_ROW, REPORT_SHEETS } from "./layout";
import { textLiteral, TrustSums } from "./trustSums";

export const SUPPLIER_HEADERS = [
  "Supplier", "Trusts (now)", "Share (now)", "Trusts (target)", "Share (target)", "Beds (now)", "Bed share (now)", "Beds (target)", "Bed share (target)",
] as const;
export const ALL_SUPPLIERS = "All suppliers";
export const HHI_LABELS = ["HHI (now, by trusts)", "HHI (target, by trusts)", "HHI (now, by beds)", "HHI (target, by beds)"] as const;
export const WITHOUT_BEDS_LABELS = ["Trusts with a supplier but no beds given (now)", "Trusts with a supplier but no beds given (target)"] as const;

export function writeSuppliersSheet(wb: ExcelJS.Workbook, market: SupplierMarket, trustRows: number): void {
  const ws = wb.addWorksheet(REPORT_SHEETS.suppliers);
  writeHeaders(ws, 1, SUPPLIER_HEADERS, [22, 10, 10, 10, 10, 11, 10, 11, 10]);
  const sums = new TrustSums(trustRows);
  const first = FIRST_ROW;
  const last = FIRST_ROW + Math.max(market.rows.length, 1) - 1;
  const total = last + 1;
  const within = (letter: string) => `${letter}$${first}:${letter}$${last}`;
  const shareFormula = (letter: string, row: number) => `IF($${letter}$${total}=0,0,${letter}${row}/$${letter}$${total})`;

  market.rows.forEach((m, i) => {
    const row = first + i;
    const now = sums.where("supplierNow", textLiteral(m.supplier));
    const target = sums.where("supplierTarget", textLiteral(m.supplier));
    setValue(ws, row, 1, m.supplier);
    setFormula(ws, row, 2, sums.count(now), m.trustsNow);
    setFormula(ws, row, 3, shareFormula("B", row), m.shareNow, SHARE_FORMAT);
    setFormula(ws, row, 4, sums.count(target), m.trustsTarget);
    setFormula(ws, row, 5, shareFormula("D", row), m.shareTarget, SHARE_FORMAT);
    setFormula(ws, row, 6, sums.sum("beds", now), m.bedsNow);
    setFormula(ws, row, 7, shareFormula("F", row), m.bedShareNow, SHARE_FORMAT);
    setFormula(ws, row, 8, sums.sum("beds", target), m.bedsTarget);
    setFormula(ws, row, 9, shareFormula("H", row), m.bedShareTarget, SHARE_FORMAT);
  });

  setValue(ws, total, 1, ALL_SUPPLIERS);
  const totals: readonly [string, number][] = [["B", market.trustsNow], ["D", market.trustsTarget], ["F", market.bedsNow], ["H", market.bedsTarget]];
  for (const [letter, value] of totals) setFormula(ws, total, ws.getColumn(letter).number, `SUM(${within(letter)})`, value);
  for (let c = 1; c <= SUPPLIER_HEADERS.length; c++) ws.getCell(total, c).font = { bold: true };

  const hhi: readonly [string, number][] = [["C", market.hhiNow], ["E", market.hhiTarget], ["G", market.bedHhiNow], ["I", market.bedHhiTarget]];
  hhi.forEach(([letter, value], i) => {
    const row = total + 2 + i;
    setValue(ws, row, 1, HHI_LABELS[i] ?? "");
    setFormula(ws, row, 2, `SUMPRODUCT(${within(letter)},${within(letter)})`, value, HHI_FORMAT);
  });
  const withoutBeds: readonly number[] = [market.withoutBedsNow, market.withoutBedsTarget];
  withoutBeds.forEach((value, i) => {
    const row = total + 2 + hhi.length + i;
    setValue(ws, row, 1, WITHOUT_BEDS_LABELS[i] ?? "");
    setValue(ws, row, 2, value);
  });
  setValue(
    ws, total + 3 + hhi.length + withoutBeds.length, 1,
    "In-house and Other are one supplier each here. Bed shares count only the trusts that give their beds. The convergence figures on National count each in-house system apart (spec 7.1).",
  );
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
}
