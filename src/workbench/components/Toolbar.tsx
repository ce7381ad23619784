/**
 * The workbench's commands (plain buttons, each a Tab stop): open a file, start blank, open an example, save (download)
 * the workbook. Files of every format the reader takes open; Save always writes an .xlsx.
 */
import { useRef, type ChangeEvent } from "react";
import { Button, Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, makeStyles, tokens } from "@fluentui/react-components";
import { EXAMPLE_IDS, EXAMPLE_LABELS, type ExampleId } from "../exampleIds";
import type { OpenRequest } from "../hooks/useWorkbook";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  fileInput: { display: "none" },
});

/** What the file picker offers: the formats the reader takes (src/files/reader/sniff.ts), by extension and type. */
export const WORKBOOK_ACCEPT = [
  ".xlsx",
  ".xlsm",
  ".xls",
  ".ods",
  ".csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "text/csv",
].join(",");

/** The Open button's label (scripts/bench/workbench.js waits for the button by its label). */
export const OPEN_LABEL = "Open a workbook…";

export interface ToolbarProps {
  readonly busy: boolean;
  readonly canSave: boolean;
  readonly onOpen: (request: OpenRequest) => void;
  readonly onSave: () => void;
}

export function WorkbenchToolbar({ busy, canSave, onOpen, onSave }: ToolbarProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);

  function picked(event: ChangeEvent<HTMLInputElement>): void {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again opens it again.
    event.target.value = "";
    if (file) onOpen({ kind: "file", file });
  }

  return (
    <div className={styles.toolbar}>
      <input ref={fileInput} type="file" accept={WORKBOOK_ACCEPT} className={styles.fileInput} onChange={picked} data-testid="file-input" tabIndex={-1} aria-hidden="true" />
      <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>{OPEN_LABEL}</Button>
      <Button disabled={busy} onClick={() => onOpen({ kind: "blank" })}>New blank workbook</Button>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton disabled={busy}>Open an example</MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {EXAMPLE_IDS.map((id: ExampleId) => (
              <MenuItem key={id} onClick={() => onOpen({ kind: "example", example: id })}>{EXAMPLE_LABELS[id]}</MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Button disabled={busy || !canSave} onClick={onSave}>Save .xlsx</Button>
    </div>
  );
}
