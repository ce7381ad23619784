/** A labelled table of figures, formatted for reading (the written Summary keeps them unrounded). */
import type { Figure } from "../../app/figures";

/** Shares read as percentages and pounds with their sign; the label says which a figure is. */
export function formatFigure(value: Figure[1], label = ""): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (/ share$/i.test(label)) return `${(value * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`;
  if (label.includes("(£)")) return `${value < 0 ? "-" : ""}£${Math.abs(value).toLocaleString("en-GB", { maximumFractionDigits: 2 })}`;
  return Number.isInteger(value) ? value.toLocaleString("en-GB") : value.toLocaleString("en-GB", { maximumFractionDigits: 3 });
}

export function FiguresTable({ caption, figures }: { readonly caption: string; readonly figures: readonly Figure[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {figures.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{formatFigure(value, label)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
