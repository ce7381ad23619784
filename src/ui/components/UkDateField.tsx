/**
 * A date box that reads UK typing (31/03/2025, 31032025, 31 Mar 2025: format.ts's readTypedDate), says what it read
 * ("Read as 31 Mar 2025.") and, once the user leaves the box or presses Enter, what it could not read. The text is
 * the caller's (a controlled box); so is what a readable date does.
 */
import { useState, type ReactNode } from "react";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { DATE_EXAMPLE, formatUkDate, readTypedDate } from "../format";

const useStyles = makeStyles({
  // Room for "dd/mm/yyyy" and "31 Mar 2025", and no wider: the box sits beside a button at 320 px.
  input: { width: "11em", maxWidth: "100%" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface UkDateFieldProps {
  readonly label: string;
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  /** The hint while nothing readable is typed; by default "For example 31/03/2025.". */
  readonly hint?: string;
  /** Enter in the box (after the box says what it could not read, if anything). */
  readonly onEnter?: () => void;
  readonly size?: "small" | "medium";
  /** Beside the box, e.g. the button that uses the date. */
  readonly children?: ReactNode;
}

export function UkDateField({ label, text, onTextChange, hint = `For example ${DATE_EXAMPLE}.`, onEnter, size = "medium", children }: UkDateFieldProps) {
  const styles = useStyles();
  // Whether the user has left the box (or pressed Enter): an unreadable date is called out only then, not mid-typing.
  const [left, setLeft] = useState(false);
  const typed = readTypedDate(text);
  return (
    <Field
      label={label}
      size={size}
      hint={typed?.ok ? `Read as ${formatUkDate(typed.iso)}.` : hint}
      validationMessage={typed && !typed.ok && left ? typed.message : undefined}
    >
      {(control) => (
        <div className={styles.row}>
          <Input
            {...control}
            className={styles.input}
            size={size}
            value={text}
            placeholder="dd/mm/yyyy"
            onChange={(_, d) => {
              setLeft(false);
              onTextChange(d.value);
            }}
            onBlur={() => setLeft(true)}
            onKeyDown={(e) => {
              if (e.key !== "Enter") return;
              setLeft(true);
              onEnter?.();
            }}
          />
          {children}
        </div>
      )}
    </Field>
  );
}
