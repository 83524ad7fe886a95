import { HOME_MAX_NEEDLE_MM } from "@/lib/domain/clinical";
import { derivePlanStatus } from "@/lib/domain/plan-status";
import { evaluateSession, requiredSpacing, SESSION_FLAGS, type AreaSession, type PlanInForce, type SessionEvaluation, type SessionFacts, type SessionFlag, type SpacingRules } from "@/lib/domain/session-flags";
import { DAY } from "./time";

/** A session or earlier session with its moment already parsed (the generator knows it as a number). */
export type TimedSession = SessionFacts & { at: number };
export type TimedAreaSession = AreaSession & { id: string; at: number };

const BIT = Object.fromEntries(SESSION_FLAGS.map((flag, i) => [flag, 1 << i])) as Record<SessionFlag, number>;
const NO_FLAGS: SessionEvaluation = { flags: [], tooClose: [] };

/**
 * evaluateSession's verdict for a session reported in time order (no later session in its area yet),
 * judged against the one plan in force and every earlier session in its area that `before` holds
 * (oldest first; any beyond the spacing window can never be too close), in UTC (the clinic's default
 * zone). Same rules through the same pure functions (derivePlanStatus, requiredSpacing); it skips
 * only evaluateSession's general-purpose work (time-zone formatting, date parsing, sets), which at
 * 750,000 sessions costs more than writing them. `crossCheck` holds the two together on a sample of
 * every run, and the tests compare whole samples with what lib/data reads back.
 */
export function flagSession(session: TimedSession, plan: PlanInForce, before: readonly TimedAreaSession[], firstInArea: boolean, rules: SpacingRules): SessionEvaluation {
  let found = 0;
  const tooClose: AreaSession[] = [];
  if (!plan || derivePlanStatus(plan, session.performedAt.slice(0, 10)) !== "approved") {
    found |= BIT.no_active_plan;
    if (plan?.decision === "suspended") found |= BIT.plan_suspended;
    if (plan?.decision === "denied") found |= BIT.plan_denied;
  } else {
    if (plan.underReview) found |= BIT.plan_under_review;
    const limit = plan.areas.find((a) => a.area === session.area);
    if (!limit) found |= BIT.area_not_approved;
    else if (session.needleMm > limit.maxNeedleMm + 1e-9) found |= BIT.needle_exceeds_plan;
    // Spacing counts clinic days; in UTC a day number is the epoch day.
    const day = Math.floor(session.at / DAY);
    for (const earlier of before) {
      if (day - Math.floor(earlier.at / DAY) < requiredSpacing(earlier, session.area, plan, rules).days) tooClose.push(earlier);
    }
    if (tooClose.length) found |= BIT.interval_too_short;
  }
  if (session.needleMm > HOME_MAX_NEEDLE_MM + 1e-9) found |= BIT.needle_above_home_max;
  if (session.sanitized === false) found |= BIT.not_sanitized;
  if (firstInArea && session.patchTestDone !== true) found |= BIT.no_patch_test;
  return found === 0 ? NO_FLAGS : { flags: SESSION_FLAGS.filter((f) => found & BIT[f]), tooClose };
}

/** Throws when the fast path and evaluateSession disagree: generated data must never drift from the rules. */
export function crossCheck(session: TimedSession, plan: PlanInForce, before: readonly TimedAreaSession[], firstInArea: boolean, rules: SpacingRules, fast: SessionEvaluation): void {
  const real = evaluateSession(session, { plans: [plan], before: [...before], after: [], firstInArea, ...rules, timeZone: "UTC" });
  const same = real.flags.join() === fast.flags.join() && real.tooClose.map((s) => s.id).join() === fast.tooClose.map((s) => s.id).join();
  if (!same) throw new Error(`Synthetic session flags drifted from evaluateSession: ${fast.flags.join(",")} vs ${real.flags.join(",")}`);
}
