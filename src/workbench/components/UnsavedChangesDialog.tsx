/**
 * Asked before New, Open or an example replaces a workbook with changes not yet saved, as Excel asks before closing
 * one: Save (then open), Don't save (open, losing them), or Cancel (keep working). Closing or reloading the browser tab
 * is asked about by the browser itself (useWarnBeforeLeaving).
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

export interface UnsavedChangesDialogProps {
  /** Whether the dialog is open. */
  readonly open: boolean;
  /** The open workbook's name ("New workbook" for one never saved). */
  readonly current: string;
  /** What would replace it, for the sentence: "open trusts.xlsx", "start a new blank workbook". */
  readonly next: string;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
  readonly onCancel: () => void;
}

export function UnsavedChangesDialog({ open, current, next, onSave, onDiscard, onCancel }: UnsavedChangesDialogProps) {
  return (
    // An alert dialog: a click beside it does not answer it; Escape cancels.
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Save your changes to {current}?</DialogTitle>
          <DialogContent data-testid="unsaved-warning">
            {current} has changes that are not saved. To {next}, the workbench closes it: save a copy first (Save), or lose the changes (Don&apos;t save).
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onSave}>Save</Button>
            <Button onClick={onDiscard}>Don&apos;t save</Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
