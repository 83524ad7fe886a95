import { AREA_LABELS, HOME_MAX_NEEDLE_MM, formatMm, type Area } from "./clinical";
import { intervalFloorFor, type IntervalFloor } from "./clinic-settings";
import { addDays, dateInZone, daysBetween, startOfDayInZone } from "./dates";
import { derivePlanStatus } from "./plan-status";

export const SESSION_FLAGS = [
  "needle_above_home_max",
  "needle_exceeds_plan",
  "area_not_approved",
  "interval_too_short",
  "no_active_plan",
  "plan_suspended",
  "plan_denied",
  "plan_under_review",
  "while_paused",
  "contraindicated",
  "not_sanitized",
  "no_patch_test",
] as const;
export type SessionFlag = (typeof SESSION_FLAGS)[number];

/** Flags that mean the patient was told not to microneedle, or used a clinic depth: a high alert. */
export const HIGH_RISK_FLAGS: readonly SessionFlag[] = ["needle_above_home_max", "plan_suspended", "plan_denied", "plan_under_review", "while_paused", "contraindicated"];

/** A plan version that was in force at the moment of a session. */
export type PlanInForce = {
  version: number;
  decision: "approved" | "denied" | "suspended";
  areas: { area: string; maxNeedleMm: number }[];
  minIntervalDays: number | null;
  reviewBy: string | null;
  /** A new blocking contraindication was screened after this decision: the patient was told to pause. */
  underReview?: boolean;
} | null;

export type SessionFacts = { performedAt: string; area: string; needleMm: number; sanitized?: boolean; patchTestDone?: boolean | null };

/** A session in the same area, as the spacing rules need it. */
export type AreaSession = {
  id?: string;
  performedAt: string;
  needleMm: number;
  /** Redness was still reported more than 48 hours after it. */
  prolongedRedness?: boolean;
};

export type SpacingRules = { intervalFloors: IntervalFloor[]; rednessExtraSpacingDays: number };

export type SessionContext = SpacingRules & {
  /**
   * The plan versions the session is judged against: the one in force, and also one decided within
   * the same minute after it (patients report to the minute). Every flag either gives is kept.
   */
  plans: PlanInForce[];
  /**
   * The sessions in the same area at or before it, within the spacing window (spacingWindowDays), with
   * their lasting redness: each is judged with the spacing it requires, so a short session in between
   * does not reset the 28 days an earlier 1.0 mm session needs.
   */
  before: AreaSession[];
  /** The sessions in the same area after it, within the window: a late report is judged forward too. */
  after: AreaSession[];
  /** No session in the area at or before it at all (not only none in the window): a patch test was due. */
  firstInArea: boolean;
  timeZone?: string;
  /** Home microneedling was paused (a warning sign, a new contraindication, a health change) at that moment. */
  paused?: boolean;
  /**
   * Blocking screening items in force for the patient at that moment (the clinician's screening and the
   * patient's own reports since) that the plan in force did not override: high whatever the plan.
   */
  blockingItems?: string[];
};

export type SessionEvaluation = {
  flags: SessionFlag[];
  /** Every session in the area that is too close, earliest first, so an alert can name each. */
  tooClose: AreaSession[];
};

export type SpacingReason = "plan_interval" | "longer_needle" | "prolonged_redness";

/**
 * Days that must pass after `earlier` before the next session in its area: the plan's interval,
 * raised to the clinic floor for the length actually used when it was longer than the plan allows
 * there (an off-plan session, or a plan since changed), plus extra spacing after lasting redness.
 */
export function requiredSpacing(earlier: AreaSession, area: string, plan: NonNullable<PlanInForce>, rules: SpacingRules): { days: number; reasons: SpacingReason[] } {
  const base = plan.minIntervalDays ?? 0;
  const limit = plan.areas.find((a) => a.area === area);
  const withinPlan = limit !== undefined && earlier.needleMm <= limit.maxNeedleMm + 1e-9;
  const floor = withinPlan ? 0 : intervalFloorFor(earlier.needleMm, rules.intervalFloors);
  const reasons: SpacingReason[] = [floor > base ? "longer_needle" : "plan_interval"];
  let days = Math.max(base, floor);
  if (earlier.prolongedRedness) {
    days += rules.rednessExtraSpacingDays;
    reasons.push("prolonged_redness");
  }
  return { days, reasons };
}

/**
 * The furthest apart, in clinic days, two sessions in one area can be and still be too close: the
 * longest interval the plans or the clinic's floors can require, plus the extra days after lasting
 * redness. Sessions further away never matter, so a reader may fetch only this window.
 */
export function spacingWindowDays(plans: readonly ({ minIntervalDays: number | null } | null)[], rules: SpacingRules): number {
  const intervals = plans.map((plan) => plan?.minIntervalDays ?? 0);
  // intervalFloorFor answers 1 day when a clinic has no floors.
  return Math.max(1, ...intervals, ...rules.intervalFloors.map((f) => f.minDays)) + rules.rednessExtraSpacingDays;
}

/** Sessions `days` apart are counted in clinic days: Monday evening to next Monday morning is 7 days. */
function tooSoon(earlierAt: string, laterAt: string, days: number, timeZone: string): boolean {
  return daysBetween(dateInZone(earlierAt, timeZone), dateInZone(laterAt, timeZone)) < days;
}

function judgeAgainst(session: SessionFacts, plan: PlanInForce, ctx: SessionContext, day: string, tooClose: Set<AreaSession>): SessionFlag[] {
  if (!plan || derivePlanStatus(plan, day) !== "approved") {
    const flags: SessionFlag[] = ["no_active_plan"];
    if (plan?.decision === "suspended") flags.push("plan_suspended");
    if (plan?.decision === "denied") flags.push("plan_denied");
    return flags;
  }
  const flags: SessionFlag[] = [];
  if (plan.underReview) flags.push("plan_under_review");
  const limit = plan.areas.find((a) => a.area === session.area);
  if (!limit) flags.push("area_not_approved");
  else if (session.needleMm > limit.maxNeedleMm + 1e-9) flags.push("needle_exceeds_plan");
  const zone = ctx.timeZone ?? "UTC";
  let close = false;
  // Each earlier session with the spacing it requires: its length and redness, not only the nearest one's.
  for (const earlier of ctx.before) {
    if (tooSoon(earlier.performedAt, session.performedAt, requiredSpacing(earlier, session.area, plan, ctx).days, zone)) {
      tooClose.add(earlier);
      close = true;
    }
  }
  // A late report judged forward too: a session already logged after it came too soon after this one.
  const own = requiredSpacing(session, session.area, plan, ctx).days;
  for (const later of ctx.after) {
    if (tooSoon(session.performedAt, later.performedAt, own, zone)) {
      tooClose.add(later);
      close = true;
    }
  }
  if (close) flags.push("interval_too_short");
  return flags;
}

/**
 * Why a reported session falls outside what was allowed when it was performed. A session is a fact:
 * flags never reject it. Plan limits apply only under an approved plan; sanitizing, the patch test and
 * the home maximum apply always.
 */
export function evaluateSession(session: SessionFacts, ctx: SessionContext): SessionEvaluation {
  // Expiry is a calendar date in the clinic's time zone, so the session's date is taken there too.
  const day = dateInZone(session.performedAt, ctx.timeZone ?? "UTC");
  const found = new Set<SessionFlag>();
  const tooClose = new Set<AreaSession>();
  const plans = ctx.plans.length ? ctx.plans : [null];
  for (const plan of plans) for (const flag of judgeAgainst(session, plan, ctx, day, tooClose)) found.add(flag);
  if (session.needleMm > HOME_MAX_NEEDLE_MM + 1e-9) found.add("needle_above_home_max");
  if (ctx.paused) found.add("while_paused");
  if (ctx.blockingItems?.length) found.add("contraindicated");
  if (session.sanitized === false) found.add("not_sanitized");
  if (ctx.firstInArea && session.patchTestDone !== true) found.add("no_patch_test");
  const named = [...tooClose].sort((a, b) => Date.parse(a.performedAt) - Date.parse(b.performedAt));
  return { flags: SESSION_FLAGS.filter((f) => found.has(f)), tooClose: named };
}

/** The flags alone, for callers that do not need the neighbours. */
export function computeSessionFlags(session: SessionFacts, ctx: SessionContext): SessionFlag[] {
  return evaluateSession(session, ctx).flags;
}

export type NextAllowed = { at: string | null; reasons: SpacingReason[] };

/**
 * The earliest moment the next session in an area is allowed (null: now): the start of the clinic day
 * the spacing ends on, from every recent session there, so an earlier longer-needle session is not
 * forgotten behind a later short one.
 */
export function nextAllowedInArea(recent: AreaSession[], area: string, plan: NonNullable<PlanInForce>, rules: SpacingRules, now: Date, timeZone = "UTC"): NextAllowed {
  let best: NextAllowed = { at: null, reasons: [] };
  let bestMs = now.getTime();
  for (const session of recent) {
    const spacing = requiredSpacing(session, area, plan, rules);
    const next = Date.parse(startOfDayInZone(addDays(dateInZone(session.performedAt, timeZone), spacing.days), timeZone));
    if (next > bestMs) {
      bestMs = next;
      best = { at: new Date(next).toISOString(), reasons: spacing.reasons };
    }
  }
  return best;
}

/** Plain words for a patient (and a clinician) about each flag. */
export function describeFlag(flag: SessionFlag, session: SessionFacts, plan: PlanInForce): string {
  const area = AREA_LABELS[session.area as Area] ?? session.area;
  const limit = plan?.areas.find((a) => a.area === session.area);
  switch (flag) {
    case "needle_above_home_max":
      return `${formatMm(session.needleMm)} mm is a clinic depth: home needles never go above ${formatMm(HOME_MAX_NEEDLE_MM)} mm.`;
    case "needle_exceeds_plan":
      return `${formatMm(session.needleMm)} mm is longer than your plan allows for the ${area.toLowerCase()} (up to ${formatMm(limit?.maxNeedleMm ?? 0)} mm).`;
    case "area_not_approved":
      return `Your plan does not include the ${area.toLowerCase()}.`;
    case "interval_too_short":
      return `This is too close to another ${area.toLowerCase()} session.`;
    case "no_active_plan":
      return "You have no approved plan in force at this time.";
    case "plan_suspended":
      return "Your plan was suspended at this time.";
    case "plan_denied":
      return "Home microneedling was not approved for you at this time.";
    case "plan_under_review":
      return "Your clinic had asked you to pause while they review a new health answer.";
    case "while_paused":
      return "Your clinic had asked you to stop microneedling until they clear you to continue.";
    case "contraindicated":
      return "A health condition on your record means microneedling is not safe for you until your clinic decides.";
    case "not_sanitized":
      return "The device was not sanitized before and after the session.";
    case "no_patch_test":
      return `This was your first ${area.toLowerCase()} session and no patch test was done first.`;
  }
}

export const FLAG_LABELS: Record<SessionFlag, string> = {
  needle_above_home_max: "Needle above the 1.0 mm home maximum",
  needle_exceeds_plan: "Needle longer than plan",
  area_not_approved: "Area not approved",
  interval_too_short: "Too close to another session",
  no_active_plan: "No active plan",
  plan_suspended: "Plan suspended",
  plan_denied: "Home care denied",
  plan_under_review: "Plan paused for review",
  while_paused: "Logged while paused",
  contraindicated: "Blocking contraindication on record",
  not_sanitized: "Not sanitized",
  no_patch_test: "No patch test",
};
