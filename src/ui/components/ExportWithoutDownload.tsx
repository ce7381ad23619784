/**
 * Export where the pane cannot download a file (Excel on Mac: see ../exportChannels.ts). Two ways that need no
 * download: write the CSV's rows to a sheet of their own ("EPR Export", through the gateway, so it works in
 * every host) and save that sheet as CSV from Excel; or copy the CSV or JSON text, through the Clipboard API
 * where the host lets the pane use it, else from a read-only text box the user selects and copies by hand.
 */
import { useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookGateway } from "../../app/gateway";
import { exportSheet } from "../exportSheet";
import { useOperation } from "../hooks/useOperation";
import { BusyButton } from "./BusyButton";
import { FailureBar } from "./FailureBar";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  text: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

type Format = "csv" | "json";
const LABELS: Record<Format, string> = { csv: "CSV", json: "JSON" };

/** Copies text with the Clipboard API; false when there is none or the host refuses (a permissions policy, say). */
async function copyWithClipboardApi(text: string): Promise<boolean> {
  const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== "function") return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export interface ExportWithoutDownloadProps {
  readonly gateway: WorkbookGateway;
  readonly csv: string;
  readonly json: string;
  /** Whether to try the Clipboard API before showing the text to copy by hand. */
  readonly clipboard: boolean;
}

export function ExportWithoutDownload({ gateway, csv, json, clipboard }: ExportWithoutDownloadProps) {
  const styles = useStyles();
  const [written, setWritten] = useState<{ sheet: string; rows: number } | null>(null);
  const [copied, setCopied] = useState<Format | null>(null);
  const [shown, setShown] = useState<{ format: Format; copyFailed: boolean } | null>(null);
  const texts: Record<Format, string> = { csv, json };

  const writing = useOperation(async () => {
    const figures = exportSheet(csv);
    setWritten({ sheet: await gateway.writeFigures(figures), rows: figures.rows.length });
  });

  const copy = async (format: Format) => {
    setCopied(null);
    if (clipboard && (await copyWithClipboardApi(texts[format]))) {
      setShown(null);
      setCopied(format);
    } else {
      setShown({ format, copyFailed: clipboard });
    }
  };

  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          This version of Excel does not save files downloaded from an add-in. Put the CSV on a sheet of its own and save
          that sheet as a CSV file, or copy the text into a file.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <BusyButton appearance="primary" busy={writing.running} onClick={() => void writing.run()}>Write CSV to a sheet</BusyButton>
        {(["csv", "json"] as const).map((format) => (
          <Button key={format} onClick={() => void copy(format)}>{clipboard ? `Copy ${LABELS[format]}` : `Show ${LABELS[format]}`}</Button>
        ))}
      </div>
      <FailureBar what="Could not write the sheet" error={writing.error} hint="Check that the workbook can be edited, then try again." onDismiss={writing.dismissError} />
      {written ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            The CSV is on the sheet "{written.sheet}" ({written.rows} rows with the headers). To save it as a file, select
            that sheet, choose File › Save As (or Save a Copy) and the format CSV UTF-8 (Comma delimited).
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {copied ? (
        <Text as="p" block role="status">
          {LABELS[copied]} copied. Paste it into a text editor and save it as a .{copied} file (UTF-8).
        </Text>
      ) : null}
      {shown ? (
        <Field
          label={`${LABELS[shown.format]} text`}
          hint={`${shown.copyFailed ? "Excel did not let the add-in copy it. " : ""}Select it all (Ctrl+A, or ⌘A on a Mac), copy it, then paste it into a text editor and save it as a .${shown.format} file (UTF-8).`}
        >
          <Textarea
            className={styles.text}
            readOnly
            resize="vertical"
            rows={8}
            value={texts[shown.format]}
            onFocus={(event) => event.currentTarget.select()}
          />
        </Field>
      ) : null}
    </>
  );
}
