/**
 * The submission date the date rules measure from, under the Validate view's verdict: where it comes from, and a
 * small box to give it when the ICS sheet gives none (an ad-hoc sheet, or a blank Submission date), so the pane does
 * not measure from today. The date is saved with the return (app/settings/submissionDate.ts), where every host's check
 * reads it; the ICS sheet's own date wins over it, and so does the command line's --submitted. An empty box, saved,
 * removes the stored date (today again).
 */
import { useState } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookGateway } from "../../app/gateway";
import { saveSubmissionDate, type SubmissionSource } from "../../app/settings/submissionDate";
import type { IsoDate } from "../../core/dates";
import { formatUkDate, formatUkShortDate, readTypedDate } from "../format";
import { useOperation } from "../hooks/useOperation";
import { BusyButton } from "./BusyButton";
import { FailureBar } from "./FailureBar";
import { UkDateField } from "./UkDateField";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface SubmissionDateFieldProps {
  readonly gateway: Pick<WorkbookGateway, "saveSetting">;
  /** The date the check measured from, and where it came from (CheckedReturn.submitted, submittedFrom). */
  readonly submitted: IsoDate;
  readonly from: SubmissionSource;
  /** Whether the workbook has an ICS sheet (its Submission date would win over a stored date). */
  readonly hasIcsSheet: boolean;
  /** After a save: the return is to be checked again with the new date. */
  readonly onSaved: () => void;
}

/** Where the date comes from, under the box. */
function explanation(from: "stored" | "today", hasIcsSheet: boolean): string {
  if (from === "stored") return `Saved with the return.${hasIcsSheet ? " A date on the ICS sheet would replace it." : ""} Empty the box and save to use today's date.`;
  const none = hasIcsSheet ? "The ICS sheet gives none" : "There is no ICS sheet";
  return `${none}, so the date rules use today's date. Give the day you send the return: it is saved with the return.`;
}

export function SubmissionDateField({ gateway, submitted, from, hasIcsSheet, onSaved }: SubmissionDateFieldProps) {
  const styles = useStyles();
  const stored = from === "stored" ? submitted : null;
  const storedText = stored === null ? "" : formatUkShortDate(stored);
  const [text, setText] = useState(storedText);
  // A new stored date (this save, or another host's): the box shows it.
  const [shownFor, setShownFor] = useState(storedText);
  if (shownFor !== storedText) {
    setShownFor(storedText);
    setText(storedText);
  }
  const [notice, setNotice] = useState<string | null>(null);
  const typed = readTypedDate(text);
  const date = typed === null ? null : typed.ok ? typed.iso : undefined;

  const saving = useOperation(async () => {
    // Unreadable: the box says why (it does once the user has left it or pressed Enter).
    if (date === undefined || date === stored) return;
    await saveSubmissionDate(gateway, date);
    setNotice(date === null ? "Removed the saved date: the rules use today's date." : `Saved: the rules measure from ${formatUkDate(date)}.`);
    onSaved();
  });

  if (from === "ics") return <Text as="p" block size={200}>The submission date is the ICS sheet's; change it there.</Text>;
  if (from === "given") return <Text as="p" block size={200}>The submission date was given with the check (--submitted).</Text>;
  return (
    <div className={styles.field}>
      <UkDateField
        label="Submission date"
        size="small"
        text={text}
        onTextChange={(next) => {
          setText(next);
          setNotice(null);
        }}
        onEnter={() => void saving.run()}
      >
        <BusyButton busy={saving.running} disabled={date === undefined || date === stored} onClick={() => void saving.run()}>
          Save date
        </BusyButton>
      </UkDateField>
      <Text as="p" block size={200}>{explanation(from, hasIcsSheet)}</Text>
      {notice ? <Text as="p" block size={200} role="status">{notice}</Text> : null}
      <FailureBar what="Could not save the submission date" error={saving.error} hint="Check that the workbook is not protected, then try again." onDismiss={saving.dismissError} />
    </div>
  );
}
