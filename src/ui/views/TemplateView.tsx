/** Template: says which sheets inserting the template adds (and which get new names), then inserts them. */
import { useEffect, useMemo, useState } from "react";
import { MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { buildTemplate } from "../../core/template/build";
import type { TemplatePlan, WorkbookGateway } from "../../app/gateway";
import { BusyButton } from "../components/BusyButton";
import { FailureBar } from "../components/FailureBar";
import { useOperation } from "../hooks/useOperation";

export interface TemplateViewProps {
  readonly gateway: WorkbookGateway;
  /** Called after the sheets were added (the sheet list changed). */
  readonly onInserted?: () => void;
}

export function TemplateView({ gateway, onInserted }: TemplateViewProps) {
  const spec = useMemo(() => buildTemplate(), []);
  const hidden = useMemo(() => new Set(spec.sheets.filter((s) => s.visibility === "hidden").map((s) => s.name)), [spec]);
  const [plan, setPlan] = useState<TemplatePlan | null>(null);
  const [inserted, setInserted] = useState<readonly string[] | null>(null);
  const planning = useOperation(async () => setPlan(await gateway.planTemplate(spec)));
  const { run: runPlanning } = planning;
  const inserting = useOperation(async (chosen: TemplatePlan) => {
    await gateway.insertTemplate(spec, chosen);
    setInserted(chosen.sheets.map((s) => s.name));
    onInserted?.();
    // Plan again (its failure shows as a planning failure): the names just used are taken now.
    void runPlanning();
  });

  useEffect(() => {
    void runPlanning();
  }, [runPlanning]);

  return (
    <section aria-labelledby="template-heading">
      <h2 id="template-heading">Template</h2>
      <Text as="p" block>Adds the return's template sheets to this workbook. Existing sheets are never changed.</Text>
      {planning.running ? <Spinner size="small" label="Working out the sheet names…" /> : null}
      {plan ? (
        <>
          <Text as="p" block>It will add these sheets:</Text>
          <ul aria-label="Sheets to add">
            {plan.sheets.map((s) => (
              <li key={s.templateName}>
                {s.name}
                {hidden.has(s.templateName) ? " (hidden)" : null}
                {s.renamed ? ` (renamed: a sheet named "${s.templateName}" already exists)` : null}
              </li>
            ))}
          </ul>
          <BusyButton appearance="primary" busy={inserting.running} onClick={() => void inserting.run(plan)}>
            Insert template
          </BusyButton>
        </>
      ) : null}
      {inserted ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>Template inserted: added {inserted.join(", ")}.</MessageBarBody>
        </MessageBar>
      ) : null}
      <FailureBar what="Could not work out the template's sheet names" error={planning.error} hint="Check that the workbook is open and not protected, then switch tabs to try again." onDismiss={planning.dismissError} />
      <FailureBar what="Could not insert the template" error={inserting.error} hint="Check that the workbook structure is not protected, then try again." onDismiss={inserting.dismissError} />
    </section>
  );
}
