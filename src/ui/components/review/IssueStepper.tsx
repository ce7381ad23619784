/**
 * Previous and Next issue: each selects that issue's cell in the sheet (as Excel's error checking steps through
 * errors) and marks it in the list; focus stays on the button, so Enter steps on. Says where the user is.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Direction } from "../../../app/review/navigation";
import { plural } from "../../../core/plural";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface IssueStepperProps {
  /** The current issue's index in the list shown, or null when none is current. */
  readonly position: number | null;
  readonly total: number;
  readonly onStep: (direction: Direction) => void;
}

export function IssueStepper({ position, total, onStep }: IssueStepperProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button size="small" disabled={total === 0} onClick={() => onStep("previous")}>Previous issue</Button>
      <Button size="small" disabled={total === 0} onClick={() => onStep("next")}>Next issue</Button>
      <Text role="status">{position === null ? `${plural(total, "issue")} shown` : `Issue ${position + 1} of ${total}`}</Text>
    </div>
  );
}
