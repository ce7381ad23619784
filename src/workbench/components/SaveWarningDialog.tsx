/**
 * Asked before the workbench saves a workbook whose file held more than values (issue 10: "where the workbench saves a
 * workbook through a writer that cannot keep some parts, it names them before saving"). The workbench keeps only the
 * values the reader read, so a save writes a copy without the file's formulas, charts and the like: say which.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

export interface SaveWarningDialogProps {
  /** What the save would not keep, as the reader named it; null: the dialog is closed. */
  readonly lost: readonly string[] | null;
  /** The name the copy is saved under. */
  readonly fileName: string;
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

export function SaveWarningDialog({ lost, fileName, onSave, onCancel }: SaveWarningDialogProps) {
  return (
    // An alert dialog: a click beside it does not answer it; Escape cancels.
    <Dialog open={lost !== null} modalType="alert" onOpenChange={(_event, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Save the values only?</DialogTitle>
          <DialogContent data-testid="save-warning">
            Saving writes the values only. The original file also has: {(lost ?? []).join(", ")} — they will not be in the saved copy, {fileName}.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onSave}>Save a copy</Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
