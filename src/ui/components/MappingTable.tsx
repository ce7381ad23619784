/** One row per header cell: the cell, its text, and a choice of column (or "(ignore)"). */
import { Select } from "@fluentui/react-components";
import { COLUMNS } from "../../core/columns";
import type { ColumnKey } from "../../core/columns";
import { COLUMN_KEYS } from "../../core/columns";
import type { MappedHeader } from "../../core/results";

const IGNORE = "";

function asColumnKey(value: string): ColumnKey | null {
  return COLUMN_KEYS.find((k) => k === value) ?? null;
}

export interface MappingTableProps {
  readonly headers: readonly MappedHeader[];
  readonly onChange: (col: number, key: ColumnKey | null) => void;
  readonly disabled?: boolean;
}

export function MappingTable({ headers, onChange, disabled }: MappingTableProps) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Cell</th>
          <th scope="col">Header</th>
          <th scope="col">Column</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((h) => (
          <tr key={h.col}>
            <td>{h.cell}</td>
            <td>{h.text}</td>
            <td>
              <Select
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
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
