/** A small hand-made TemplateSpec: enough of every feature to check the rendering. */
import type { TemplateSpec } from "../../src/core/template/types";

export const smallTemplate: TemplateSpec = {
  version: "test-1",
  sheets: [
    {
      name: "Trusts",
      visibility: "visible",
      cells: [
        { address: "A1", value: "Trust ODS code", bold: true },
        { address: "B1", value: "Go-live date", bold: true },
        { address: "C1", value: "Beds", bold: true, wrap: true },
      ],
      columnWidths: { 1: 16, 2: 14 },
      table: { name: "TrustsTable", range: "A1:C3", headers: ["Trust ODS code", "Go-live date", "Beds"] },
      validations: [
        { kind: "list", range: "A2:A3", source: "=Lists!$A$2:$A$4", prompt: "Pick a code" },
        { kind: "date", range: "B2:B3", min: "1990-01-01", max: "2040-12-31" },
        { kind: "whole", range: "C2:C3", min: 0 },
      ],
      freeze: { rows: 1, cols: 0 },
      rangeFormats: [{ range: "B2:B3", numFmt: "dd/mm/yyyy" }],
    },
    {
      name: "Lists",
      visibility: "hidden",
      cells: [
        { address: "A1", value: "Codes" },
        { address: "A2", value: "RYJ" },
        { address: "A3", value: "R1H" },
        { address: "A4", value: "-" },
      ],
    },
    {
      name: "Summary",
      visibility: "visible",
      cells: [
        { address: "A1", value: "Trusts", bold: true },
        { address: "B1", formula: 'COUNTA(Trusts!A2:A3)&" of "&COUNTA(TrustsTable[Trust ODS code])' },
        { address: "A2", value: "Target date" },
        { address: "B2", value: 45291, numFmt: "dd/mm/yyyy" },
      ],
      freeze: { rows: 1, cols: 1 },
    },
  ],
};
