/**
 * Excel's escapes in strings (ECMA-376 Part 1, 22.4.2.4 ST_Xstring): a character XML cannot hold
 * is written _xHHHH_ (CR as _x000D_), and an underscore that would start such an escape as
 * _x005F_. Decoding left to right in one pass makes _x005F_x000D_ the literal text "_x000D_".
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeExcelEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
