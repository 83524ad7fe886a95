import { AREA_LABELS, AREAS, formatMm, type Area } from "./clinical";
import type { PlanAreaLimit } from "./plan-rules";

export type ComparablePlan = {
  version: number;
  decision: string;
  areas: PlanAreaLimit[];
  minIntervalDays: number | null;
  reviewBy: string | null;
  instructions: string | null;
  reason: string | null;
  contraindicationOverride: string | null;
  intervalOverrideReason: string | null;
};

export type PlanChange = { field: string; before: string; after: string };

const NONE = "—";
const text = (value: string | number | null | undefined) => (value === null || value === undefined || value === "" ? NONE : String(value));

/** A readable field-by-field difference between two plan versions; unchanged fields are left out. */
export function diffPlans(from: ComparablePlan, to: ComparablePlan): PlanChange[] {
  const changes: PlanChange[] = [];
  const push = (field: string, before: string, after: string) => {
    if (before !== after) changes.push({ field, before, after });
  };
  push("Decision", from.decision, to.decision);
  const lengthOf = (plan: ComparablePlan, area: Area) => {
    const limit = plan.areas.find((a) => a.area === area);
    return limit ? `up to ${formatMm(limit.maxNeedleMm)} mm` : "not approved";
  };
  for (const area of AREAS) push(AREA_LABELS[area], lengthOf(from, area), lengthOf(to, area));
  push("Minimum interval", from.minIntervalDays ? `${from.minIntervalDays} days` : NONE, to.minIntervalDays ? `${to.minIntervalDays} days` : NONE);
  push("Review by", text(from.reviewBy), text(to.reviewBy));
  push("Instructions", text(from.instructions), text(to.instructions));
  push("Reason", text(from.reason), text(to.reason));
  push("Contraindication override", text(from.contraindicationOverride), text(to.contraindicationOverride));
  push("Interval override reason", text(from.intervalOverrideReason), text(to.intervalOverrideReason));
  return changes;
}
