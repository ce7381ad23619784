/**
 * What happens to a source row whose trust code is already taken (in this workbook, or by an earlier source), with
 * how many rows and codes that is, so the user sees what each choice does. Shown only when some code is taken:
 * otherwise there is nothing to decide.
 */
import { Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import type { DuplicatePolicy } from "../../core/merge";
import { plural } from "../../core/plural";
import { boundedList, boundedText } from "../../core/quote";

/** The source rows whose trust code is already taken, as the plan under `keep` leaves them out. */
export interface TakenCodes {
  readonly rows: number;
  readonly codes: readonly string[];
}

function labels({ rows, codes }: TakenCodes): Record<DuplicatePolicy, string> {
  return {
    keep: `Keep the existing row: leave out the ${plural(rows, "new row")}`,
    replace: `Replace the existing row with the new one (${plural(rows, "row")})`,
    both: `Keep both: ${plural(codes.length, "code")} then appear more than once, and validation flags each as a duplicate`,
  };
}

const POLICIES: readonly DuplicatePolicy[] = ["keep", "replace", "both"];

export interface MergeDuplicateChoiceProps {
  readonly taken: TakenCodes;
  readonly policy: DuplicatePolicy;
  readonly onChange: (policy: DuplicatePolicy) => void;
  readonly disabled: boolean;
}

export function MergeDuplicateChoice({ taken, policy, onChange, disabled }: MergeDuplicateChoiceProps) {
  if (taken.rows === 0) return <Text as="p" block>No trust code is taken twice: nothing to decide about duplicates.</Text>;
  const text = labels(taken);
  return (
    <Field
      label="When a trust code is already taken"
      hint={`${plural(taken.rows, "row")} of the sources ${taken.rows === 1 ? "has" : "have"} a trust code already in this workbook or in an earlier source: ${boundedList(taken.codes.map((code) => boundedText(code, 20)))}.`}
    >
      <RadioGroup value={policy} disabled={disabled} onChange={(_, d) => onChange(POLICIES.find((p) => p === d.value) ?? "keep")}>
        {POLICIES.map((p) => <Radio key={p} value={p} label={text[p]} />)}
      </RadioGroup>
    </Field>
  );
}
