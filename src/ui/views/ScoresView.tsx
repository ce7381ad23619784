/**
 * Scores: convergence now and at target, coverage against a target profile, funding, two charts, and
 * "Write Summary", which writes the figures to a sheet the add-in owns.
 *
 * The As-of date is a "what if": coverage at that date against the profile's thresholds, shown apart from the
 * profile's target (its date, and whether it was met then), which it never relabels. Write Summary writes the
 * profile's figures, as the template's Summary does.
 */
import { useMemo, useState } from "react";
import { Checkbox, Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { coverage, scoreReturn } from "../../core/calc";
import { DEFAULT_PROFILE } from "../../core/profiles";
import { PROFILE_NAMES, ProfileNameSchema } from "../../core/schema";
import type { ProfileName } from "../../core/schema";
import type { WorkbookGateway } from "../../app/gateway";
import { CoverageChart } from "../charts/CoverageChart";
import { SharesChart } from "../charts/SharesChart";
import { BusyButton } from "../components/BusyButton";
import { FailureBar } from "../components/FailureBar";
import { FiguresTable } from "../components/FiguresTable";
import { UkDateField } from "../components/UkDateField";
import { WhatIfCoverage } from "../components/WhatIfCoverage";
import { DATE_EXAMPLE, readTypedDate } from "../format";
import { useOperation } from "../hooks/useOperation";
import { useAutoCheck } from "../hooks/useValidation";
import type { Validation } from "../hooks/useValidation";
import { coverageSteps, figuresSheet, scoreSections, supplierShares } from "../../app/figures";

const useStyles = makeStyles({
  options: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
});

export interface ScoresViewProps {
  readonly gateway: WorkbookGateway;
  readonly sheet: string | null;
  readonly validation: Validation;
}

export function ScoresView({ gateway, sheet, validation }: ScoresViewProps) {
  const styles = useStyles();
  const { check, operation: checking } = validation;
  const [profileChoice, setProfileChoice] = useState<ProfileName | null>(null);
  // The As-of box's text, and the last date read from it ("" for none): the what-if stays on it while the text is retyped.
  const [asOfText, setAsOfText] = useState("");
  const [asOf, setAsOf] = useState("");
  const [byBeds, setByBeds] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  useAutoCheck(validation, sheet);

  // The ICS sheet's target profile is the default until the user picks one.
  const profile = profileChoice ?? check?.ics?.details.targetProfile ?? DEFAULT_PROFILE;
  const trusts = check?.result.trusts;
  // The profile's figures, at its own target date; the As-of date only ever makes the what-if below.
  const score = useMemo(() => {
    if (!trusts) return null;
    return scoreReturn(trusts, { profile, ...(byBeds ? { weight: "beds" as const } : {}) });
  }, [trusts, profile, byBeds]);
  const whatIf = useMemo(() => (trusts && asOf ? coverage(trusts, profile, asOf) : null), [trusts, profile, asOf]);
  const shares = useMemo(() => supplierShares(trusts ?? []), [trusts]);
  const steps = useMemo(() => coverageSteps(trusts ?? []), [trusts]);

  const writing = useOperation(async () => {
    if (!score) throw new Error("There are no figures to write yet.");
    setWritten(await gateway.writeFigures(figuresSheet(score, byBeds)));
  });

  const sections = score ? scoreSections(score, byBeds) : null;
  return (
    <section aria-labelledby="scores-heading">
      <h2 id="scores-heading">Scores</h2>
      <div className={styles.options}>
        <Field label="Target profile">
          <Select value={profile} onChange={(_, d) => setProfileChoice(ProfileNameSchema.parse(d.value))}>
            {PROFILE_NAMES.map((p) => <option key={p} value={p}>{p}</option>)}
          </Select>
        </Field>
        <UkDateField
          label="As-of date (optional)"
          hint={`For a what-if, e.g. ${DATE_EXAMPLE}.`}
          text={asOfText}
          onTextChange={(text) => {
            setAsOfText(text);
            const read = readTypedDate(text);
            if (read === null) setAsOf("");
            else if (read.ok) setAsOf(read.iso);
          }}
        />
        <Checkbox label="Weight by beds" checked={byBeds} onChange={(_, d) => setByBeds(d.checked === true)} />
      </div>
      <div className={styles.actions}>
        <BusyButton busy={checking.running} disabled={sheet === null} onClick={() => void checking.run()}>Recalculate from sheet</BusyButton>
        <BusyButton appearance="primary" busy={writing.running} disabled={!score} onClick={() => void writing.run()}>Write Summary</BusyButton>
      </div>
      {checking.running ? <Spinner size="small" label="Reading the return…" /> : null}
      {written ? <MessageBar intent="success" layout="multiline"><MessageBarBody>Figures written to the sheet "{written}".</MessageBarBody></MessageBar> : null}
      <FailureBar what="Could not read the return" error={checking.error} hint="Check that the sheet still exists (Refresh sheets), then Recalculate." onDismiss={checking.dismissError} />
      <FailureBar what="Could not write the Summary" error={writing.error} hint="Check that the workbook is editable, then try Write Summary again." onDismiss={writing.dismissError} />
      {score && sections ? (
        <>
          {check && check.errors > 0 ? (
            <MessageBar intent="warning" layout="multiline"><MessageBarBody>The return has {check.errors} errors: values that failed to read count as blank in these figures.</MessageBarBody></MessageBar>
          ) : null}
          <FiguresTable caption="Convergence" figures={sections.convergence} />
          <FiguresTable caption={`Coverage (${score.coverage.profile})`} figures={sections.coverage} />
          {whatIf ? <WhatIfCoverage coverage={whatIf} /> : null}
          <FiguresTable caption="Funding" figures={sections.funding} />
          {byBeds ? <FiguresTable caption="Weighting" figures={sections.options.slice(1)} /> : null}
          <h3>Supplier shares</h3>
          <SharesChart shares={shares} />
          <h3>Coverage over time</h3>
          <CoverageChart steps={steps} asOf={score.coverage.asOf} />
        </>
      ) : null}
    </section>
  );
}
