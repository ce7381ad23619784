/**
 * A button that opens the browser's file picker, styled as the pane's other buttons: the file input itself stays in
 * the document, visually hidden and out of the tab order (the button opens it; tests and assistive tools find it by
 * its label), as the Merge view's "Add workbooks…" does.
 */
import { useRef, type ReactNode } from "react";
import { Button, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  hidden: { position: "absolute", width: "1px", height: "1px", padding: 0, margin: "-1px", overflow: "hidden", clip: "rect(0, 0, 0, 0)", whiteSpace: "nowrap", border: 0 },
});

/** The workbook formats every host reads (spec section 5). */
export const WORKBOOK_FILE_TYPES = ".xlsx,.xlsm,.xls,.ods,.csv";

export interface FilePickButtonProps {
  /** The hidden input's accessible name, e.g. "Earlier version of the return". */
  readonly inputLabel: string;
  readonly disabled?: boolean;
  readonly multiple?: boolean;
  readonly appearance?: "primary" | "secondary";
  readonly onPick: (files: readonly File[]) => void;
  readonly children: ReactNode;
}

export function FilePickButton({ inputLabel, disabled = false, multiple = false, appearance, onPick, children }: FilePickButtonProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} disabled={disabled} onClick={() => input.current?.click()}>{children}</Button>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept={WORKBOOK_FILE_TYPES}
        aria-label={inputLabel}
        tabIndex={-1}
        className={styles.hidden}
        disabled={disabled}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared, so picking the same file again (after editing it) fires again.
          event.target.value = "";
          if (files.length > 0) onPick(files);
        }}
      />
    </>
  );
}
