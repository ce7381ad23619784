/**
 * One card per header cell, stacked so it fits a 320 px pane: the header's text and cell, its column (or
 * "(ignore)") in a full-width choice, a few sample values from below it, and a warning when another header
 * maps to the same column.
 */
import { MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { COLUMNS } from "../../core/columns";
import type { ColumnKey } from "../../core/columns";
import { COLUMN_KEYS } from "../../core/columns";
import type { MappedHeader } from "../../core/results";

const IGNORE = "";

function asColumnKey(value: string): ColumnKey | null {
  return COLUMN_KEYS.find((k) => k === value) ?? null;
}

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: `${tokens.spacingVerticalS} 0`,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  text: { overflowWrap: "anywhere", minWidth: 0, flexGrow: 1 },
  cell: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  select: { width: "100%", minWidth: 0 },
  samples: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface MappingTableProps {
  readonly headers: readonly MappedHeader[];
  readonly onChange: (col: number, key: ColumnKey | null) => void;
  readonly disabled?: boolean;
  /** Sample values below each header, keyed by sheet column. */
  readonly samples?: ReadonlyMap<number, readonly string[]>;
  /** Warnings about headers mapped to the same column, keyed by sheet column. */
  readonly warnings?: ReadonlyMap<number, string>;
}

export function MappingTable({ headers, onChange, disabled, samples, warnings }: MappingTableProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Headers">
      {headers.map((h) => {
        const values = samples?.get(h.col);
        const warning = warnings?.get(h.col);
        return (
          <li key={h.col} className={styles.card} aria-label={`${h.text} (${h.cell})`}>
            <div className={styles.head}>
              <Text weight="semibold" className={styles.text}>{h.text}</Text>
              <Text size={200} className={styles.cell}>{h.cell}</Text>
            </div>
            <Select
              className={styles.select}
              aria-label={`Column for header ${h.text}`}
              value={h.key ?? IGNORE}
              disabled={disabled}
              onChange={(_, data) => onChange(h.col, asColumnKey(data.value))}
            >
              <option value={IGNORE}>(ignore)</option>
              {COLUMNS.map((c) => (
                <option key={c.key} value={c.key}>{c.header}</option>
              ))}
            </Select>
            {values ? (
              <Text size={200} block className={styles.samples}>
                {values.length > 0 ? `Sample: ${values.join(" · ")}` : "No values below this header."}
              </Text>
            ) : null}
            {warning ? (
              <MessageBar intent="warning" layout="multiline"><MessageBarBody>{warning}</MessageBarBody></MessageBar>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
