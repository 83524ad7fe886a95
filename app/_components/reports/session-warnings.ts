import { computeSessionFlags, describeFlag, type PlanInForce } from "@/lib/domain/session-flags";
import type { HomeCare } from "@/lib/data/home-care";

/**
 * The same flag rules the server applies, run in the browser against the current plan so the form
 * can warn in plain words before anything is sent (a pause too; review items pause nothing, so
 * `needsReview` is no flag). The server's flags, from the plan in force at the
 * session's time and both neighbouring sessions, remain the record.
 */
export function sessionWarnings(
  homeCare: HomeCare,
  draft: { performedAt: string | null; area: string; needleMm: number; sanitized?: boolean; patchTestDone?: boolean | null },
): string[] {
  if (!draft.performedAt || !draft.area || !draft.needleMm) return [];
  const plan: PlanInForce = homeCare.plan && {
    version: homeCare.plan.version,
    decision: homeCare.plan.decision,
    areas: homeCare.plan.areas,
    minIntervalDays: homeCare.plan.minIntervalDays,
    reviewBy: homeCare.plan.reviewBy,
  };
  const last = homeCare.lastSessionByArea[draft.area];
  const previous = last && last.performedAt <= draft.performedAt ? last : null;
  const session = { ...draft, performedAt: draft.performedAt };
  return computeSessionFlags(session, { plans: [plan], before: previous ? [previous] : [], after: [], firstInArea: !previous, paused: homeCare.pause !== null, ...homeCare.spacing, timeZone: homeCare.timeZone }).map((flag) =>
    describeFlag(flag, session, plan),
  );
}
