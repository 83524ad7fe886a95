import { computeSessionFlags, describeFlag, type AreaSession, type PlanInForce } from "@/lib/domain/session-flags";
import type { HomeCare } from "@/lib/data/home-care";

/**
 * The same flag rules the server applies, run in the browser against the current plan so the form
 * can warn in plain words before anything is sent (a pause too; review items pause nothing, so
 * `needsReview` is no flag). The server's flags, from the plan in force at the
 * session's time and every session in the window on both sides, remain the record.
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
  const at = draft.performedAt;
  const last = homeCare.lastSessionByArea[draft.area];
  // Every recent session in the area the portal knows of, as the server judges against every one in the window.
  const byId = new Map<string, AreaSession>();
  for (const s of homeCare.recentSessions) if (s.area === draft.area && s.performedAt <= at) byId.set(s.id, s);
  if (last && last.performedAt <= at) byId.set(last.id ?? last.performedAt, last);
  const before = [...byId.values()].sort((a, b) => b.performedAt.localeCompare(a.performedAt));
  const session = { ...draft, performedAt: at };
  const context = { plans: [plan], before, after: [], firstInArea: before.length === 0, paused: homeCare.pause !== null, ...homeCare.spacing, timeZone: homeCare.timeZone };
  return computeSessionFlags(session, context).map((flag) => describeFlag(flag, session, plan));
}
