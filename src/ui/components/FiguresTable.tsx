/** A labelled table of figures, formatted for a UK reader (the written Summary keeps them unrounded). */
import { makeStyles } from "@fluentui/react-components";
import { figureKind } from "../../app/figures";
import type { Figure } from "../../app/figures";
import { formatCount, formatDecimal, formatPercent, formatPounds, formatUkShortDate } from "../format";

const useStyles = makeStyles({
  // A date or a sum of money reads as one word: never broken across lines in a narrow pane.
  value: { whiteSpace: "nowrap" },
});

/** Dates 31/12/2023, money £52,100,000, shares 62.5%, HHI to 3 places, scores and effective systems to 1. */
export function formatFigure(value: Figure[1], label = ""): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const kind = figureKind(label);
  if (typeof value === "string") return kind === "date" ? formatUkShortDate(value) : value;
  switch (kind) {
    case "share": return formatPercent(value);
    case "pounds": return formatPounds(value);
    case "hhi": return formatDecimal(value, 3);
    case "decimal": return formatDecimal(value, 1);
    default: return Number.isInteger(value) ? formatCount(value) : formatDecimal(value, 1);
  }
}

export function FiguresTable({ caption, figures }: { readonly caption: string; readonly figures: readonly Figure[] }) {
  const styles = useStyles();
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {figures.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className={styles.value}>{formatFigure(value, label)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
