import { computeSessionFlags, describeFlag, type PlanInForce } from "@/lib/domain/session-flags";
import type { HomeCare } from "@/lib/data/home-care";

/**
 * The same flag rules the server applies, run in the browser against the current plan so the form
 * can warn in plain words before anything is sent. The server's flags, from the plan in force at the
 * session's time, remain the record.
 */
export function sessionWarnings(homeCare: HomeCare, draft: { performedAt: string | null; area: string; needleMm: number }): string[] {
  if (!draft.performedAt || !draft.area || !draft.needleMm) return [];
  const plan: PlanInForce = homeCare.plan && {
    version: homeCare.plan.version,
    decision: homeCare.plan.decision,
    areas: homeCare.plan.areas,
    minIntervalDays: homeCare.plan.minIntervalDays,
    reviewBy: homeCare.plan.reviewBy,
  };
  const last = homeCare.lastSessionByArea[draft.area];
  const previous = last && last <= draft.performedAt ? { performedAt: last } : null;
  const session = { performedAt: draft.performedAt, area: draft.area, needleMm: draft.needleMm };
  return computeSessionFlags(session, plan, previous, homeCare.timeZone).map((flag) => describeFlag(flag, session, plan));
}
