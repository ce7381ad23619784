/**
 * Issues grouped by row. Only the first groups are rendered ("Show more" adds more), so a return with
 * thousands of problem rows stays responsive; the group of the current issue is always rendered. Each issue is a
 * button: click or Enter selects its cell.
 */
import { useId, useMemo, useState, type ReactNode } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../core/issues";
import type { FixableIssue, IssueGroup } from "../../app/issueGroups";
import { issueKey } from "../../app/review/issueKeys";
import { IssueItem } from "./IssueItem";

export const GROUPS_PER_PAGE = 50;

const useStyles = makeStyles({
  list: { listStyleType: "none", paddingLeft: 0, margin: 0 },
  heading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
});

/** A fix preview and the issue it belongs under. */
export interface AnchoredPreview {
  readonly anchor: string;
  readonly node: ReactNode;
}

export interface IssueListProps {
  readonly groups: readonly IssueGroup[];
  readonly onSelect: (issue: Issue) => void;
  readonly onFix: (fixes: readonly FixableIssue[], opener: HTMLElement) => void;
  readonly onAccept?: (issue: Issue) => void;
  /** Disables Fix (a fix is running, or the list is out of date). */
  readonly fixDisabled: boolean;
  readonly acceptDisabled?: boolean;
  /** The issueKey of the current issue, or null. */
  readonly currentKey?: string | null;
  readonly preview?: AnchoredPreview | null;
}

export function IssueList({ groups, onSelect, onFix, onAccept, fixDisabled, acceptDisabled = false, currentKey = null, preview = null }: IssueListProps) {
  const styles = useStyles();
  // Ids from the position, not the sheet name: a name may hold spaces, which split an aria-labelledby.
  const idBase = useId();
  const [shown, setShown] = useState(GROUPS_PER_PAGE);
  const keyed = useMemo(() => groups.map((group) => ({ group, keys: group.issues.map(issueKey) })), [groups]);
  const currentGroup = currentKey === null ? -1 : keyed.findIndex(({ keys }) => keys.includes(currentKey));
  // Next/Previous may go past the groups shown: show up to the current one.
  const limit = Math.max(shown, currentGroup + 1);
  const visible = keyed.slice(0, limit);
  const hidden = groups.length - visible.length;
  return (
    <div>
      {visible.map(({ group, keys }, g) => (
        <div key={group.key} role="group" aria-labelledby={`${idBase}-${g}`}>
          <h4 id={`${idBase}-${g}`} className={styles.heading}>{group.title}</h4>
          <ul className={styles.list}>
            {group.issues.map((issue, i) => (
              <IssueItem
                key={`${keys[i]}-${i}`}
                issue={issue}
                current={keys[i] === currentKey}
                onSelect={onSelect}
                onFix={onFix}
                onAccept={onAccept}
                fixDisabled={fixDisabled}
                acceptDisabled={acceptDisabled}
                preview={preview !== null && preview.anchor === keys[i] ? preview.node : null}
              />
            ))}
          </ul>
        </div>
      ))}
      {hidden > 0 ? (
        <Button onClick={() => setShown(limit + GROUPS_PER_PAGE)}>Show more ({hidden} more rows)</Button>
      ) : null}
    </div>
  );
}
