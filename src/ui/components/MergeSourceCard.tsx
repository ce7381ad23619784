/**
 * One return picked for merging: where its headers are, what validation found, and what needs a decision
 * (headers that match no column, required columns that are missing); include or skip it. The full list of
 * mapped columns is behind a disclosure.
 */
import { Button, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { columnDef } from "../../core/columns";
import type { PickedReturn } from "../../app/mergeSources";
import { verdict } from "../../app/verdict";

const useStyles = makeStyles({
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase300, margin: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  mapping: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  attention: { color: tokens.colorPaletteDarkOrangeForeground1 },
  details: { margin: `${tokens.spacingVerticalXS} 0` },
  summary: { cursor: "pointer" },
});

export interface MergeSourceCardProps {
  readonly label: string;
  readonly source: PickedReturn;
  readonly include: boolean;
  readonly disabled: boolean;
  readonly onInclude: (include: boolean) => void;
  readonly onRemove: () => void;
}

export function MergeSourceCard({ label, source, include, disabled, onInclude, onRemove }: MergeSourceCardProps) {
  const styles = useStyles();
  const { result } = source;
  const { mapping } = source.mapping;
  const mapped = mapping.headers.filter((h) => h.key !== null);
  // What needs a decision: from the column rules (core/rules/columns.ts), so the card agrees with validation.
  const unknown = result.issues.filter((i) => i.code === "unknown_column").map((i) => String(i.value ?? ""));
  const missing = result.issues.filter((i) => i.code === "missing_column" && i.column !== null).map((i) => columnDef(i.column!).header);
  const headingId = `merge-source-${label.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <div role="group" aria-labelledby={headingId} className={styles.card}>
      <h4 id={headingId} className={styles.heading}>{label}</h4>
      {mapping.headerRow === null ? (
        <Text as="p" block>No header row of known columns found: nothing to merge from this sheet.</Text>
      ) : (
        <>
          <Text as="p" block>
            Headers in row {mapping.headerRow}{source.mapping.source === "saved" ? " (mapping saved in the workbook)" : ""}; {mapped.length} columns mapped; {result.rows} trust rows; {verdict(result)}.
          </Text>
          {missing.length > 0 ? (
            <Text as="p" block className={styles.attention}>Required columns missing: {missing.join(", ")}.</Text>
          ) : null}
          {unknown.length > 0 ? (
            <Text as="p" block className={styles.attention}>Headers that match no column (left out): {unknown.join(", ")}.</Text>
          ) : null}
          <details className={styles.details}>
            <summary className={styles.summary}>Show the {mapped.length} mapped columns</summary>
            <ul className={styles.mapping} aria-label={`Columns of ${label}`}>
              {mapped.map((h) => (
                <li key={h.col}>
                  {h.cell} {h.text}{h.key !== null && h.text !== columnDef(h.key).header ? ` → ${columnDef(h.key).header}` : ""}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
      <div className={styles.row}>
        <Checkbox label="Include in the merge" checked={include} disabled={disabled || mapping.headerRow === null} onChange={(_, d) => onInclude(d.checked === true)} />
        <Button size="small" disabled={disabled} onClick={onRemove} aria-label={`Remove ${label}`}>Remove</Button>
      </div>
    </div>
  );
}
