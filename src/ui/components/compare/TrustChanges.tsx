/**
 * The changes grouped by trust, in the sheet's row order: each changed field is a button that selects its cell
 * (old → new, and the slip, the direction or the change in pounds); an added trust goes to its row; a removed trust
 * is named (it has no row here). The words are the core's (core/diff/catalogue.ts), as `epr-return diff` prints them.
 */
import type { ReactNode } from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { addedText, fieldChangeText, fieldLabel, trustLabel, type CellLocator, type ReturnDiff, type TrustRef } from "../../../core/diff";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  trust: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteBlueBorderActive}`, paddingLeft: tokens.spacingHorizontalS },
  heading: { fontSize: tokens.fontSizeBase300, margin: 0, overflowWrap: "anywhere" },
  fields: { listStyleType: "none", margin: 0, padding: 0 },
  // Long values wrap inside the pane rather than push it sideways.
  field: { justifyContent: "flex-start", textAlign: "left", height: "auto", width: "100%", fontWeight: tokens.fontWeightRegular, minWidth: 0, overflowWrap: "anywhere" },
  label: { fontWeight: tokens.fontWeightSemibold },
});

export interface TrustChangesProps {
  readonly diff: ReturnDiff;
  /** The cell of a field of the trust on that sheet row; null when the sheet has no such column. */
  readonly cellOf: CellLocator;
  readonly onSelect: (address: string) => void;
}

function Heading({ trust, children }: { readonly trust: TrustRef; readonly children?: ReactNode }) {
  const styles = useStyles();
  return (
    <h3 className={styles.heading}>
      {trustLabel(trust)}, row {trust.row}
      {children ? <> {children}</> : null}
    </h3>
  );
}

export function TrustChanges({ diff, cellOf, onSelect }: TrustChangesProps) {
  const styles = useStyles();
  const changed = diff.changedTrusts.map((trust) => ({
    row: trust.row,
    item: (
      <li key={`changed-${trust.row}`} className={styles.trust}>
        <Heading trust={trust} />
        <ul className={styles.fields} aria-label={`Changes to ${trustLabel(trust)}`}>
          {trust.fields.map((field) => {
            const address = cellOf(trust.row, field.column);
            return (
              <li key={field.column}>
                <Button
                  appearance="subtle"
                  className={styles.field}
                  disabled={address === null}
                  onClick={() => { if (address !== null) onSelect(address); }}
                  title={address === null ? undefined : `Select ${address}`}
                >
                  <span><span className={styles.label}>{fieldLabel(field.column)}:</span> {fieldChangeText(field)}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      </li>
    ),
  }));
  const added = diff.added.map((trust) => {
    const address = cellOf(trust.row, "trustCode");
    return {
      row: trust.row,
      item: (
        <li key={`added-${trust.row}`} className={styles.trust}>
          <Heading trust={trust}><Badge appearance="tint" color="brand">added</Badge></Heading>
          {trust.sameNameAs !== null ? <Text as="p" block size={200}>{addedText(trust)}.</Text> : null}
          {address !== null ? <Button size="small" onClick={() => onSelect(address)}>Go to row {trust.row}</Button> : null}
        </li>
      ),
    };
  });
  const items = [...changed, ...added].sort((a, b) => a.row - b.row).map((entry) => entry.item);
  return (
    <>
      {items.length > 0 ? <ul className={styles.list} aria-label="Changes by trust">{items}</ul> : null}
      {diff.removed.length > 0 ? (
        <>
          <h3 className={styles.heading}>Removed since the earlier version</h3>
          <ul aria-label="Removed trusts">
            {diff.removed.map((trust) => <li key={`removed-${trust.row}`}>{trustLabel(trust)}, row {trust.row} of the earlier version</li>)}
          </ul>
        </>
      ) : null}
    </>
  );
}
