/**
 * Above the list: how many issues of each severity and of each kind the report has, and filters by severity,
 * by kind and by column. Severity and kind are toggle buttons that show their counts (pressing one shows only
 * those); the column is a dropdown. They wrap, and the dropdown takes the pane's width, to fit 320 px.
 */
import { useId } from "react";
import { Button, Dropdown, Field, Option, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../../core/issues";
import type { CodeCount, SeverityCounts } from "../../../app/review/counts";
import { isFiltered, NO_FILTER, type ColumnOption, type IssueFilter } from "../../../app/review/filters";

const useStyles = makeStyles({
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  // Fluent's dropdown is at least 250 px wide: let it shrink to the pane.
  dropdown: { minWidth: 0, width: "100%", maxWidth: "24rem" },
});

const ALL_COLUMNS = "all";

export interface ReviewFiltersProps {
  /** Counts of the issues still open (accepted warnings left out), before any filter. */
  readonly severity: SeverityCounts;
  readonly codes: readonly CodeCount[];
  readonly columns: readonly ColumnOption[];
  readonly filter: IssueFilter;
  readonly onChange: (filter: IssueFilter) => void;
}

export function ReviewFilters({ severity, codes, columns, filter, onChange }: ReviewFiltersProps) {
  const styles = useStyles();
  const severityLabel = useId();
  const codeLabel = useId();
  const total = severity.errors + severity.warnings;
  const setSeverity = (value: Severity | null) => onChange({ ...filter, severity: value });
  const columnText = (id: string | null): string => {
    const option = columns.find((c) => c.id === id);
    return option ? `${option.label} (${option.count})` : `All columns (${total})`;
  };

  return (
    <div className={styles.filters}>
      <div className={styles.row} role="group" aria-labelledby={severityLabel}>
        <span id={severityLabel} className={styles.label}>Severity:</span>
        <ToggleButton size="small" checked={filter.severity === null} onClick={() => setSeverity(null)}>All ({total})</ToggleButton>
        <ToggleButton size="small" checked={filter.severity === "error"} onClick={() => setSeverity(filter.severity === "error" ? null : "error")}>
          Errors ({severity.errors})
        </ToggleButton>
        <ToggleButton size="small" checked={filter.severity === "warning"} onClick={() => setSeverity(filter.severity === "warning" ? null : "warning")}>
          Warnings ({severity.warnings})
        </ToggleButton>
      </div>
      <div className={styles.row} role="group" aria-labelledby={codeLabel}>
        <span id={codeLabel} className={styles.label}>By type:</span>
        {codes.map((c) => (
          <ToggleButton
            key={c.code}
            size="small"
            checked={filter.code === c.code}
            onClick={() => onChange({ ...filter, code: filter.code === c.code ? null : c.code })}
          >
            {c.label} ({c.count})
          </ToggleButton>
        ))}
      </div>
      <Field label="Column">
        <Dropdown
          className={styles.dropdown}
          value={columnText(filter.column)}
          selectedOptions={[filter.column ?? ALL_COLUMNS]}
          onOptionSelect={(_, data) => onChange({ ...filter, column: data.optionValue === undefined || data.optionValue === ALL_COLUMNS ? null : data.optionValue })}
        >
          <Option value={ALL_COLUMNS}>{`All columns (${total})`}</Option>
          {columns.map((c) => (
            <Option key={c.id} value={c.id}>{`${c.label} (${c.count})`}</Option>
          ))}
        </Dropdown>
      </Field>
      {isFiltered(filter) ? (
        <div className={styles.row}>
          <Button size="small" onClick={() => onChange(NO_FILTER)}>Show every issue</Button>
        </div>
      ) : null}
    </div>
  );
}
