/** A labelled table of figures, formatted for reading (the written Summary keeps them unrounded). */
import type { Figure } from "../figures";

export function formatFigure(value: Figure[1]): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
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
            <td>{formatFigure(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
