/** Chooses the sheet that holds the trust rows. */
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetChoice } from "../hooks/useSheetChoice";
import { FailureBar } from "./FailureBar";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
});

export function SheetPicker({ choice }: { readonly choice: SheetChoice }) {
  const styles = useStyles();
  const { sheets, sheet, choose, refresh } = choice;
  return (
    <div>
      <div className={styles.row}>
        <Field label="Sheet with the trust rows" className={styles.grow}>
          <Select value={sheet ?? ""} onChange={(_, data) => choose(data.value)} disabled={sheets.length === 0}>
            {sheet === null ? <option value="">(no sheet)</option> : null}
            {sheets.map((s) => (
              <option key={s.name} value={s.name}>{s.visible ? s.name : `${s.name} (hidden)`}</option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void refresh.run()} disabled={refresh.running}>Refresh sheets</Button>
      </div>
      <FailureBar what="Could not list the workbook's sheets" error={refresh.error} hint="Check that the workbook is open and editable, then choose Refresh sheets." onDismiss={refresh.dismissError} />
    </div>
  );
}
