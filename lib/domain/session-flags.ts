import { AREA_LABELS, formatMm, type Area } from "./clinical";
import { dateInZone } from "./dates";
import { derivePlanStatus } from "./plan-status";

export const SESSION_FLAGS = ["needle_exceeds_plan", "area_not_approved", "interval_too_short", "no_active_plan"] as const;
export type SessionFlag = (typeof SESSION_FLAGS)[number];

/** The plan version in force at the moment of the session (the latest decided at or before it). */
export type PlanInForce = {
  version: number;
  decision: "approved" | "denied" | "suspended";
  areas: { area: string; maxNeedleMm: number }[];
  minIntervalDays: number | null;
  reviewBy: string | null;
} | null;

export type SessionFacts = { performedAt: string; area: string; needleMm: number };

const DAY_MS = 86_400_000;

/**
 * Why a reported session falls outside the plan in force when it was performed. A session is a fact:
 * flags never reject it. Without an active plan only `no_active_plan` applies, since there are no limits.
 */
export function computeSessionFlags(
  session: SessionFacts,
  plan: PlanInForce,
  previousInArea: { performedAt: string } | null,
  timeZone = "UTC",
): SessionFlag[] {
  // Expiry is a calendar date in the clinic's time zone, so the session's date is taken there too.
  const day = dateInZone(session.performedAt, timeZone);
  if (!plan || derivePlanStatus(plan, day) !== "approved") return ["no_active_plan"];
  const flags: SessionFlag[] = [];
  const limit = plan.areas.find((a) => a.area === session.area);
  if (!limit) flags.push("area_not_approved");
  else if (session.needleMm > limit.maxNeedleMm + 1e-9) flags.push("needle_exceeds_plan");
  if (previousInArea && plan.minIntervalDays) {
    const gap = Date.parse(session.performedAt) - Date.parse(previousInArea.performedAt);
    if (gap < plan.minIntervalDays * DAY_MS) flags.push("interval_too_short");
  }
  return flags;
}

/** The earliest moment the next session in an area is allowed, or null when it is allowed now. */
export function nextAllowedAt(lastInArea: string | null, minIntervalDays: number | null, now: Date): string | null {
  if (!lastInArea || !minIntervalDays) return null;
  const next = Date.parse(lastInArea) + minIntervalDays * DAY_MS;
  return next > now.getTime() ? new Date(next).toISOString() : null;
}

/** Plain words for a patient (and a clinician) about each flag. */
export function describeFlag(flag: SessionFlag, session: SessionFacts, plan: PlanInForce): string {
  const area = AREA_LABELS[session.area as Area] ?? session.area;
  const limit = plan?.areas.find((a) => a.area === session.area);
  switch (flag) {
    case "needle_exceeds_plan":
      return `${formatMm(session.needleMm)} mm is longer than your plan allows for the ${area.toLowerCase()} (up to ${formatMm(limit?.maxNeedleMm ?? 0)} mm).`;
    case "area_not_approved":
      return `Your plan does not include the ${area.toLowerCase()}.`;
    case "interval_too_short":
      return `This is sooner than ${plan?.minIntervalDays} days after your last ${area.toLowerCase()} session.`;
    case "no_active_plan":
      return "You have no approved plan in force at this time.";
  }
}

export const FLAG_LABELS: Record<SessionFlag, string> = {
  needle_exceeds_plan: "Needle longer than plan",
  area_not_approved: "Area not approved",
  interval_too_short: "Too soon after last session",
  no_active_plan: "No active plan",
};
