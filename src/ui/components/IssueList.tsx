/**
 * Issues grouped by row. Only the first groups are rendered ("Show more" adds more), so a return with
 * thousands of problem rows stays responsive. Each issue is a button: click or Enter selects its cell.
 */
import { useMemo, useState } from "react";
import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue, IssueValue } from "../../core/issues";
import type { IssueGroup } from "../../app/issueGroups";
import { isFixable } from "../../app/issueGroups";
import type { FixableIssue } from "../../app/issueGroups";

export const GROUPS_PER_PAGE = 50;

const useStyles = makeStyles({
  list: { listStyleType: "none", paddingLeft: 0, margin: 0 },
  item: { display: "flex", alignItems: "start", gap: tokens.spacingHorizontalXS },
  issue: { justifyContent: "flex-start", textAlign: "left", height: "auto", fontWeight: tokens.fontWeightRegular, flexGrow: 1, minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
});

function describeValue(value: IssueValue): string {
  if (value === null) return "";
  return typeof value === "string" ? ` "${value}"` : ` ${String(value)}`;
}

export interface IssueListProps {
  readonly groups: readonly IssueGroup[];
  readonly onSelect: (issue: Issue) => void;
  readonly onFix: (fixes: readonly FixableIssue[]) => void;
  readonly busy: boolean;
}

export function IssueList({ groups, onSelect, onFix, busy }: IssueListProps) {
  const styles = useStyles();
  const [shown, setShown] = useState(GROUPS_PER_PAGE);
  const visible = useMemo(() => groups.slice(0, shown), [groups, shown]);
  const hidden = groups.length - visible.length;
  return (
    <div>
      {visible.map((group) => (
        <div key={group.key} role="group" aria-labelledby={`issues-${group.key}`}>
          <h3 id={`issues-${group.key}`} className={styles.heading}>{group.title}</h3>
          <ul className={styles.list}>
            {group.issues.map((issue, i) => (
              <li key={`${issue.cell}-${issue.code}-${i}`} className={styles.item}>
                <Button appearance="subtle" className={styles.issue} onClick={() => onSelect(issue)} title={`Select ${issue.sheet}!${issue.cell}`}>
                  <span>
                    <Badge appearance="tint" color={issue.severity === "error" ? "danger" : "warning"}>
                      {issue.severity === "error" ? "Error" : "Warning"}
                    </Badge>{" "}
                    {issue.cell}:{describeValue(issue.value)} — {issue.message}
                  </span>
                </Button>
                {isFixable(issue) ? (
                  <Button size="small" disabled={busy} onClick={() => onFix([issue])} aria-label={`Fix ${issue.cell}`}>Fix</Button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {hidden > 0 ? (
        <Button onClick={() => setShown((n) => n + GROUPS_PER_PAGE)}>Show more ({hidden} more rows)</Button>
      ) : null}
    </div>
  );
}
