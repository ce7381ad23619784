/** Which Fluent theme follows the Office theme: Office's own flag when it has one, else the background's lightness. */
import type { PaneTheme } from "./App";

export interface OfficeThemeLike {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance (0 black … 1 white) of `#rrggbb`, or null when it is not such a colour. */
export function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const c = parseInt(part ?? "0", 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function paneThemeFor(officeTheme: OfficeThemeLike | null | undefined): PaneTheme {
  if (!officeTheme) return "light";
  if (typeof officeTheme.isDarkTheme === "boolean") return officeTheme.isDarkTheme ? "dark" : "light";
  const light = officeTheme.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : null;
  return light !== null && light < 0.2 ? "dark" : "light";
}
