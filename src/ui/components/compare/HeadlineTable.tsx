/**
 * The headline figures of both versions side by side. Money is shown short ("£52.1m") so that three columns fit a
 * 320 px pane. A figure that moved is in bold, its change ("+12.5 points") in the cell's tooltip.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { figureChangeText, shortPounds, type FigureChange, type HeadlineChange } from "../../../core/diff";
import { formatDecimal, formatPercent, formatUkDate, formatUkShortDate } from "../../format";

const useStyles = makeStyles({
  table: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse", marginTop: tokens.spacingVerticalL },
  // A third of the width for each value column leaves room for a date, 31/03/2025, at 320 px; long labels wrap.
  label: { width: "34%", textAlign: "left", fontWeight: tokens.fontWeightRegular, overflowWrap: "anywhere", paddingRight: tokens.spacingHorizontalXS },
  value: { textAlign: "right", whiteSpace: "nowrap", paddingLeft: tokens.spacingHorizontalXS },
  moved: { fontWeight: tokens.fontWeightSemibold },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
});

function figureText(figure: FigureChange, value: FigureChange["old"]): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return formatUkShortDate(value);
  switch (figure.kind) {
    case "share": return formatPercent(value);
    case "pounds": return shortPounds(value);
    case "decimal": return formatDecimal(value, 1);
    default: return String(value);
  }
}

const moved = (figure: FigureChange) => figure.old !== figure.new;

export function HeadlineTable({ headline }: { readonly headline: HeadlineChange }) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>Headline figures ({headline.profile}, as of {formatUkDate(headline.asOf)})</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.label}>Figure</th>
          <th scope="col" className={styles.value}>Before</th>
          <th scope="col" className={styles.value}>Now</th>
        </tr>
      </thead>
      <tbody>
        {headline.figures.map((figure) => {
          const change = figureChangeText(figure);
          return (
            <tr key={figure.figure}>
              <th scope="row" className={styles.label}>{figure.label}</th>
              <td className={styles.value}>{figureText(figure, figure.old)}</td>
              <td className={mergeClasses(styles.value, moved(figure) && styles.moved)} title={change === "" ? undefined : change}>
                {figureText(figure, figure.new)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
