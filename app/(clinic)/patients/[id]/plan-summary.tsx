import type { ReactNode } from "react";
import { AREA_LABELS, formatMm, screeningItemLabel, type Area, type ScreeningItemCode } from "@/lib/domain/clinical";
import { StandingGuidance } from "@/app/_components/standing-guidance";
import { planValidity } from "@/lib/domain/patient-plan-text";
import type { PlanVersionDto } from "@/lib/data/plans";

const labels = (items: string[]) => items.map((item) => screeningItemLabel(item as ScreeningItemCode)).join("; ");

function Row({ term, children, wide = false }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "flex gap-2 sm:col-span-2" : "flex gap-2"}>
      <dt className="shrink-0 text-slate-600">{term}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

/**
 * The essentials of one plan version, in the words a clinician uses, with what the decision vouched for,
 * and (unless `standingGuidance` is false, as in the history) the fixed guidance the patient is shown.
 */
export function PlanSummary({ plan, standingGuidance = true }: { plan: PlanVersionDto; standingGuidance?: boolean }) {
  const validity = planValidity(plan);
  if (plan.decision !== "approved") {
    return (
      <p className="text-sm">
        <span className="font-medium">{plan.decision === "denied" ? "Denied" : "Suspended"}</span>
        {plan.reason && `: ${plan.reason}`}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {plan.areas.map((a) => (
          <Row key={a.area} term={AREA_LABELS[a.area as Area] ?? a.area}>
            up to {formatMm(a.maxNeedleMm)} mm
          </Row>
        ))}
        <Row term="Minimum interval">{plan.minIntervalDays} days</Row>
        {validity && <Row term="Validity">{validity.text}</Row>}
        {plan.screeningVersion !== null && <Row term="Decided on">screening version {plan.screeningVersion}</Row>}
        {plan.confirmLongNeedle && <Row term="Needle length">Long needle confirmed</Row>}
        {plan.overriddenItems.length > 0 && (
          <Row term="Override covers" wide>
            {labels(plan.overriddenItems)}
          </Row>
        )}
        {plan.acknowledgedReviewItems.length > 0 && (
          <Row term="Cautions acknowledged" wide>
            {labels(plan.acknowledgedReviewItems)}
          </Row>
        )}
      </dl>
      {standingGuidance && <StandingGuidance compact />}
    </div>
  );
}
