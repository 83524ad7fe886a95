import { AREAS, NEEDLE_LENGTHS_MM } from "@/lib/domain/clinical";
import { requiredSpacing } from "@/lib/domain/session-flags";
import type { ClinicContext, DecidedPlan, PatientState } from "./context";
import { followSession } from "./reactions";
import { logSession } from "./sessions";
import { DAY, evening, MINUTE } from "./time";
import { SESSION_NOTES } from "./vocabulary";

/** Per-session odds of going off plan; each one raises an off-plan alert through the real rules. */
const ODDS = { longerNeedle: 0.002, clinicDepth: 0.0004, unsanitized: 0.0012, tooSoon: 0.0025, extraArea: 0.0015, skippedPatchTest: 0.04, longBreak: 0.015 };

/** The length a patient uses in an area: the plan's, one step shorter for cautious patients. */
function usualNeedle(p: PatientState, plan: DecidedPlan, area: string): number {
  const limit = plan.areas.find((a) => a.area === area)?.maxNeedleMm ?? p.lastByArea.get(area)?.needleMm ?? 0.25;
  if (!p.habits.cautious) return limit;
  const shorter = [...NEEDLE_LENGTHS_MM].reverse().find((mm) => mm < limit - 1e-9 && mm >= 0.25);
  return shorter ?? limit;
}

function offPlanNeedle(p: PatientState, usual: number): number {
  const roll = p.rng.next();
  if (roll < ODDS.longerNeedle) return NEEDLE_LENGTHS_MM.find((mm) => mm > usual + 1e-9) ?? 1.5;
  if (roll < ODDS.longerNeedle + ODDS.clinicDepth) return p.rng.pick([1.5, 2.0]);
  return usual;
}

/**
 * Days after the latest session in an area until the portal's next allowed date under this plan: the
 * latest date any recent session there sets (nextAllowedInArea), so a patient waits out an earlier
 * longer-needle session too.
 */
function requiredDays(ctx: ClinicContext, p: PatientState, plan: DecidedPlan, area: string): number {
  const last = p.lastByArea.get(area);
  if (!last) return 0;
  if (plan.decision !== "approved") return plan.minIntervalDays ?? 7;
  const lastDay = Math.floor(last.at / DAY);
  let days = 0;
  for (const s of p.recentByArea.get(area) ?? [last]) days = Math.max(days, requiredSpacing(s, area, plan, ctx.rules).days - (lastDay - Math.floor(s.at / DAY)));
  return days;
}

/**
 * When the patient next treats an area: the required spacing plus their own slack, now and then a
 * long break, rarely too soon; never before the last report about the previous session is in.
 */
function nextSessionAt(ctx: ClinicContext, p: PatientState, plan: DecidedPlan, area: string, lastAt: number, settledAt: number): number {
  const { rng } = p;
  const required = requiredDays(ctx, p, plan, area);
  const tooSoon = required >= 2 && rng.chance(ODDS.tooSoon);
  let gap = tooSoon ? rng.between(1, required - 0.5) : required + rng.exponential(p.habits.slackMeanDays);
  if (!tooSoon && rng.chance(ODDS.longBreak)) gap += rng.int(14, 45);
  let next = evening(rng, lastAt + gap * DAY);
  if (!tooSoon && next - lastAt < required * DAY) next += DAY;
  if (next <= settledAt) next = evening(rng, settledAt + DAY);
  return next;
}

/**
 * The patient's home sessions under one plan version between two moments, area by area in time
 * order, each followed by the reactions it caused. Stops early when an alert's resolution books a
 * suspension. Areas are the plan's (or, for a declined plan, the ones last used).
 */
export function runSessions(ctx: ClinicContext, p: PatientState, plan: DecidedPlan, from: number, until: number, maxSessions = Infinity): void {
  const { rng } = p;
  const areas = plan.areas.length ? plan.areas.map((a) => a.area) : [[...p.lastByArea.keys()][0] ?? "face"];
  const due = new Map<string, number>();
  for (const area of areas) {
    const last = p.lastByArea.get(area);
    const first = evening(rng, from + rng.between(1, 6) * DAY);
    due.set(area, last ? Math.max(first, nextSessionAt(ctx, p, plan, area, last.at, from)) : first);
  }
  let count = 0;
  while (count < maxSessions) {
    let area = areas[0]!;
    for (const a of areas) if (due.get(a)! < due.get(area)!) area = a;
    const at = due.get(area)!;
    if (at >= until || at >= ctx.now || (p.suspension && at >= p.suspension.at)) return;
    const needleMm = offPlanNeedle(p, usualNeedle(p, plan, area));
    const first = !p.lastByArea.has(area);
    const logged = logSession(ctx, p, {
      at,
      area,
      needleMm,
      sanitized: !rng.chance(ODDS.unsanitized),
      // The portal asks about the patch test before the first session in an area only.
      patchTestDone: first ? (rng.chance(1 - ODDS.skippedPatchTest) ? true : null) : null,
      notes: rng.chance(0.05) ? rng.pick(SESSION_NOTES) : null,
    });
    if (!logged) return;
    count += 1;
    const settledAt = followSession(ctx, p, logged, needleMm);
    if (rng.chance(ODDS.extraArea)) treatUnapprovedArea(ctx, p, plan, at);
    due.set(area, nextSessionAt(ctx, p, plan, area, at, settledAt));
  }
}

/** "While I was at it I did my neck too": an area the plan does not include, the same evening. */
function treatUnapprovedArea(ctx: ClinicContext, p: PatientState, plan: DecidedPlan, at: number): void {
  const others = AREAS.filter((a) => a !== "body" && !plan.areas.some((l) => l.area === a));
  if (others.length === 0) return;
  const area = p.rng.pick(others);
  const logged = logSession(ctx, p, { at: at + p.rng.int(10, 40) * MINUTE, area, needleMm: 0.25, sanitized: true, patchTestDone: null, notes: null });
  if (logged) followSession(ctx, p, logged, 0.25);
}
