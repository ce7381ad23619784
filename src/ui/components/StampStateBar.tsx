/**
 * The validation stamp's state, in one line, for the views that do not own the stamp (Validate, Export): stamped and
 * unchanged; changed since (stamp again before sending); matching but with errors now (the stamp no longer holds);
 * or a stamp sheet that cannot be read. Nothing for a workbook without a stamp. The Stamp tab lists the changes.
 */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { CheckedReturn } from "../../app/checkReturn";
import type { WorkbookGateway } from "../../app/gateway";
import type { StampCheck } from "../../app/stamp";
import { plural } from "../../core/plural";
import type { Stamp } from "../../core/stamp";
import { useStampReading } from "../hooks/useStampReading";

/** When the stamp was made, as the user reads it: "15 Nov 2023, 09:30" (the stored text when it is no time). */
export function stampedOn(stamp: Stamp): string {
  const date = new Date(stamp.stampedAt);
  return Number.isNaN(date.getTime()) ? stamp.stampedAt : date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/** How many things changed: each changed, added or removed row, the ICS details, the order. */
function changeCount({ comparison: c }: StampCheck): number {
  return c.changedRows.length + c.addedRows.length + c.removedRows.length + (c.icsChanged ? 1 : 0) + (c.orderChanged ? 1 : 0);
}

function StateMessage({ stamp, compared }: { readonly stamp: Stamp; readonly compared: StampCheck }) {
  const on = stampedOn(stamp);
  if (compared.status === "match") {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>Stamped on {on}: the data still matches its stamp.</MessageBarBody>
      </MessageBar>
    );
  }
  if (compared.status === "errors") {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          Stamped on {on}, but the return has {plural(compared.errors, "error")} under the current rules: the stamp no longer holds. Fix them, then stamp it again.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        Changed since it was stamped on {on} ({plural(changeCount(compared), "change")}, listed on the Stamp tab): stamp it again before sending.
      </MessageBarBody>
    </MessageBar>
  );
}

export interface StampStateBarProps {
  readonly gateway: WorkbookGateway;
  /** The view's latest check (the one the view shows). */
  readonly check: CheckedReturn | null;
}

export function StampStateBar({ gateway, check }: StampStateBarProps) {
  const { stamp, compared, reading, compareError } = useStampReading(gateway, check);
  const problem = reading.error ?? compareError;
  if (problem !== null) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>The validation stamp could not be checked ({problem}): stamp the return again on the Stamp tab.</MessageBarBody>
      </MessageBar>
    );
  }
  if (!stamp || !check) return null;
  if (stamp.sheet !== check.sheet.name) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>The validation stamp (made on {stampedOn(stamp)}) covers the sheet &quot;{stamp.sheet}&quot;, not this one.</MessageBarBody>
      </MessageBar>
    );
  }
  return compared ? <StateMessage stamp={stamp} compared={compared} /> : null;
}
