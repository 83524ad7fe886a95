import type { PlanDecision, PlanStatus } from "./clinical";
import type { IsoDate } from "./dates";

export type PlanStatusInput = { decision: PlanDecision; reviewBy: IsoDate | null } | null;

/**
 * What a patient may do today, derived and never stored: no decision yet is "pending"; an approval
 * is "expired" once its review date has passed (the review date itself is still covered).
 */
export function derivePlanStatus(latest: PlanStatusInput, today: IsoDate): PlanStatus {
  if (!latest) return "pending";
  if (latest.decision === "approved" && latest.reviewBy !== null && latest.reviewBy < today) return "expired";
  return latest.decision;
}
