/**
 * Template: says which sheets inserting the template adds (and which get new names), then inserts them. It is
 * offered once per workbook: when the workbook already has the template's Trusts sheet (headers and all), the view
 * says where that return is and offers to go there; another copy is only inserted after the user confirms.
 */
import { useEffect, useMemo, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { buildTemplate } from "../../core/template/build";
import { TRUSTS_SHEET } from "../../core/returnSheets";
import type { TemplatePlan, WorkbookGateway } from "../../app/gateway";
import { findExistingReturn, type ExistingReturn } from "../../app/returnState";
import { BusyButton } from "../components/BusyButton";
import { FailureBar } from "../components/FailureBar";
import { useOperation } from "../hooks/useOperation";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface TemplateViewProps {
  readonly gateway: WorkbookGateway;
  /** Called after the sheets were added, with the name the template's Trusts sheet got (`Trusts`, `Trusts (2)` …). */
  readonly onInserted?: (trustsSheet: string) => void;
  /** Shows the return on the given sheet (the Validate tab, checking that sheet). */
  readonly onShowReturn?: (trustsSheet: string) => void;
}

interface Planned {
  readonly plan: TemplatePlan;
  readonly existing: ExistingReturn | null;
}

/** The name the plan gives the template's Trusts sheet. */
function trustsSheetOf(plan: TemplatePlan): string {
  return plan.sheets.find((s) => s.templateName === TRUSTS_SHEET)?.name ?? TRUSTS_SHEET;
}

export function TemplateView({ gateway, onInserted, onShowReturn }: TemplateViewProps) {
  const styles = useStyles();
  const spec = useMemo(() => buildTemplate(), []);
  const hidden = useMemo(() => new Set(spec.sheets.filter((s) => s.visibility === "hidden").map((s) => s.name)), [spec]);
  const [planned, setPlanned] = useState<Planned | null>(null);
  const [inserted, setInserted] = useState<{ readonly sheets: readonly string[]; readonly trusts: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const planning = useOperation(async () => {
    const plan = await gateway.planTemplate(spec);
    const existing = await findExistingReturn(gateway, await gateway.listSheets());
    setPlanned({ plan, existing });
  });
  const { run: runPlanning } = planning;
  const inserting = useOperation(async (chosen: TemplatePlan) => {
    setConfirming(false);
    await gateway.insertTemplate(spec, chosen);
    const trusts = trustsSheetOf(chosen);
    setInserted({ sheets: chosen.sheets.map((s) => s.name), trusts });
    onInserted?.(trusts);
    // Plan again (its failure shows as a planning failure): the names just used are taken now.
    void runPlanning();
  });

  useEffect(() => {
    void runPlanning();
  }, [runPlanning]);

  const plan = planned?.plan ?? null;
  // The return just inserted is the one to go to; else the one the workbook already had.
  const existing = inserted ? inserted.trusts : (planned?.existing?.sheet ?? null);
  return (
    <section aria-labelledby="template-heading">
      <h2 id="template-heading">Template</h2>
      <Text as="p" block>Adds the return's template sheets to this workbook. Existing sheets are never changed.</Text>
      {planning.running && !planned ? <Spinner size="small" label="Working out the sheet names…" /> : null}
      {inserted ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            Template inserted: added {inserted.sheets.join(", ")}. Next: fill in your trusts on "{inserted.trusts}", one per row below the headers.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {existing !== null && !inserted ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>This workbook already has the return: its trusts are on the sheet "{existing}".</MessageBarBody>
        </MessageBar>
      ) : null}
      {existing !== null ? (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => onShowReturn?.(existing)}>Go to "{existing}"</Button>
        </div>
      ) : null}
      {plan ? (
        <>
          <Text as="p" block>{existing !== null ? "Inserting another copy would add these sheets:" : "It will add these sheets:"}</Text>
          <ul aria-label="Sheets to add">
            {plan.sheets.map((s) => (
              <li key={s.templateName}>
                {s.name}
                {hidden.has(s.templateName) ? " (hidden)" : null}
                {s.renamed ? ` (renamed: a sheet named "${s.templateName}" already exists)` : null}
              </li>
            ))}
          </ul>
          {existing === null ? (
            <BusyButton appearance="primary" busy={inserting.running} onClick={() => void inserting.run(plan)}>
              Insert template
            </BusyButton>
          ) : confirming ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                Insert a second copy of the template? The workbook would then have two trust sheets, "{existing}" and "{trustsSheetOf(plan)}"; the pane checks one at a time.
              </MessageBarBody>
              <MessageBarActions>
                <BusyButton busy={inserting.running} onClick={() => void inserting.run(plan)}>Insert another copy</BusyButton>
                <Button onClick={() => setConfirming(false)}>Cancel</Button>
              </MessageBarActions>
            </MessageBar>
          ) : (
            <Button disabled={inserting.running} onClick={() => setConfirming(true)}>Insert another copy…</Button>
          )}
        </>
      ) : null}
      <FailureBar what="Could not work out the template's sheet names" error={planning.error} hint="Check that the workbook is open and not protected, then switch tabs to try again." onDismiss={planning.dismissError} />
      <FailureBar what="Could not insert the template" error={inserting.error} hint="Check that the workbook structure is not protected, then try again." onDismiss={inserting.dismissError} />
    </section>
  );
}
