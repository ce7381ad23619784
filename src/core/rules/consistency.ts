/** The `inconsistent` row rules of spec section 6 about status, plan and dates, as data. */
import { ruleMessages as m } from "../catalogue";
import { isLiveOrImplementing, planChangesSystem, type Plan, type Status } from "../enums";
import type { RowRule } from "./types";

const WITHOUT_SYSTEM: readonly Status[] = ["Procuring", "Business case", "No EPR"];
const KEEPS_SYSTEM: readonly Plan[] = ["Keep", "Interoperate"];

const keepsSystem = (plan: Plan | null): plan is Plan => plan !== null && KEEPS_SYSTEM.includes(plan);

export const CONSISTENCY_RULES: readonly RowRule[] = [
  {
    id: "live-go-live-after-submission",
    code: "inconsistent", severity: "error", column: "goLiveDate",
    applies: ({ trust: t, submitted }) => t.eprStatus === "Live" && t.goLiveDate !== null && t.goLiveDate > submitted,
    message: ({ trust: t, header: h, submitted }) => m.liveAfterSubmission(h("goLiveDate"), h("eprStatus"), t.goLiveDate ?? "", submitted),
  },
  {
    id: "implementing-go-live-before-submission",
    code: "inconsistent", severity: "warning", column: "goLiveDate",
    applies: ({ trust: t, submitted }) => t.eprStatus === "Implementing" && t.goLiveDate !== null && t.goLiveDate < submitted,
    message: ({ trust: t, header: h, submitted }) => m.implementingBeforeSubmission(h("goLiveDate"), h("eprStatus"), t.goLiveDate ?? "", submitted),
  },
  {
    id: "supplier-without-system",
    code: "inconsistent", severity: "warning", column: "supplier",
    applies: ({ trust: t }) => t.eprStatus !== null && WITHOUT_SYSTEM.includes(t.eprStatus) && t.supplier !== null,
    message: ({ trust: t, header: h }) => m.supplierWithoutSystem(h("supplier"), h("eprStatus"), t.supplier ?? "", t.eprStatus ?? ""),
  },
  {
    // Only when the status is known: a blank status is already a `required` error.
    id: "keep-without-system",
    code: "inconsistent", severity: "error", column: "plan",
    applies: ({ trust: t }) => keepsSystem(t.plan) && t.eprStatus !== null && !isLiveOrImplementing(t.eprStatus),
    message: ({ trust: t, header: h }) => m.keepWithoutSystem(h("plan"), h("eprStatus"), t.plan ?? "", t.eprStatus ?? ""),
  },
  {
    // A blank supplier differs from any target; an unreadable one is already an error, so no guess is made.
    id: "keep-with-other-target",
    code: "inconsistent", severity: "warning", column: "targetSupplier",
    applies: ({ trust: t, fields }) =>
      keepsSystem(t.plan) && t.targetSupplier !== null && t.targetSupplier !== t.supplier && fields.supplier.state !== "invalid",
    message: ({ trust: t, header: h }) => m.keepWithOtherTarget(h("targetSupplier"), h("plan"), t.targetSupplier ?? "", t.supplier, t.plan ?? ""),
  },
  {
    id: "contract-end-before-go-live",
    code: "inconsistent", severity: "error", column: "contractEndDate",
    applies: ({ trust: t }) => t.contractEndDate !== null && t.goLiveDate !== null && t.contractEndDate < t.goLiveDate,
    message: ({ trust: t, header: h }) => m.contractEndBeforeGoLive(h("contractEndDate"), h("goLiveDate"), t.contractEndDate ?? "", t.goLiveDate ?? ""),
  },
  {
    id: "award-before-procurement",
    code: "inconsistent", severity: "error", column: "contractAwardDate",
    applies: ({ trust: t }) => t.contractAwardDate !== null && t.procurementStartDate !== null && t.contractAwardDate < t.procurementStartDate,
    message: ({ trust: t, header: h }) =>
      m.awardBeforeProcurement(h("contractAwardDate"), h("procurementStartDate"), t.contractAwardDate ?? "", t.procurementStartDate ?? ""),
  },
  {
    id: "target-go-live-past",
    code: "inconsistent", severity: "warning", column: "targetGoLiveDate",
    applies: ({ trust: t, submitted }) => planChangesSystem(t.plan) && t.targetGoLiveDate !== null && t.targetGoLiveDate < submitted,
    message: ({ trust: t, header: h, submitted }) => m.targetGoLivePast(h("targetGoLiveDate"), h("plan"), t.targetGoLiveDate ?? "", submitted, t.plan ?? ""),
  },
];
