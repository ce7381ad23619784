/** What merging would do, before anything is written: rows taken and skipped per source, duplicates, in-place replacements. */
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { columnDef } from "../../core/columns";
import type { MergePlan } from "../../app/mergePlan";
import { sourceText } from "../../app/mergePlan";
import { plural } from "../../core/plural";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, maxHeight: "12rem", overflowY: "auto" },
});


export function MergePreview({ plan, target }: { readonly plan: MergePlan; readonly target: string }) {
  const styles = useStyles();
  const betweenSources = plan.sources.flatMap((s) => s.dropped.filter((d) => !plan.alreadyInWorkbook.some((a) => a.source === s.source && a.row === d.row)).map((d) => ({ ...d, source: s.source })));
  const withErrors = plan.sources.filter((s) => s.errors > 0);
  return (
    <div role="region" aria-label="Merge preview">
      <table>
        <caption>Rows per source</caption>
        <thead>
          <tr><th scope="col">Source</th><th scope="col">Rows</th><th scope="col">Taken</th><th scope="col">Skipped</th><th scope="col">Errors</th></tr>
        </thead>
        <tbody>
          {plan.sources.map((s) => (
            <tr key={s.source}><th scope="row">{s.source}</th><td>{s.rows}</td><td>{s.taken}</td><td>{s.skipped}</td><td>{s.errors}</td></tr>
          ))}
        </tbody>
      </table>
      <Text as="p" block role="status" weight="semibold">
        {plural(plan.append.length, "row")} will be added to {target}; {plural(plan.replace.length, "row")} of {target} will be replaced in place.
      </Text>
      {plan.replace.length > 0 ? (
        <ul className={styles.list} aria-label="Rows replaced in place">
          {plan.replace.map((r) => <li key={r.row}>{target} row {r.row} ({r.trustCode}) by {sourceText(r.by)}</li>)}
        </ul>
      ) : null}
      {plan.alreadyInWorkbook.length > 0 ? (
        <ul className={styles.list} aria-label="Left out: already in this workbook">
          {plan.alreadyInWorkbook.map((d) => <li key={`${d.source}-${d.row}`}>{d.source} row {d.row} ({d.trustCode}): already in {target}</li>)}
        </ul>
      ) : null}
      {betweenSources.length > 0 ? (
        <ul className={styles.list} aria-label="Duplicates between sources">
          {betweenSources.map((d) => (
            <li key={`${d.source}-${d.row}`}>
              {d.source} row {d.row} ({d.trustCode}): {d.reason === "kept-earlier" ? `skipped, already taken from ${d.instead}` : `replaced by the row from ${d.instead}`}
            </li>
          ))}
        </ul>
      ) : null}
      {plan.duplicateCodes.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {plan.duplicateCodes.join(", ")} will appear more than once: validation flags each as a duplicate until one is removed.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {plan.uncoveredColumns.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {target} has no column for {plan.uncoveredColumns.map((k) => columnDef(k).header).join(", ")}: those values are not copied. Add the headers to {target} first to keep them.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {withErrors.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {withErrors.map((s) => s.source).join(", ")} {withErrors.length === 1 ? "has" : "have"} errors: values that failed to read are written blank. Fix them in the source first to keep them.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
