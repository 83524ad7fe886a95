import { sessionAlert } from "@/lib/domain/alert-rules";
import { spacingWindowDays, type PlanInForce } from "@/lib/domain/session-flags";
import { raiseAlert } from "./alerts";
import { currentPlan, patientActor, writeAudit, type AreaHistory, type ClinicContext, type PatientState } from "./context";
import { crossCheck, flagSession } from "./flags";
import { auditReview, reviewOf } from "./review";
import { bit } from "./statements";
import { DAY, iso, MINUTE } from "./time";

/** One session in this many is also judged by evaluateSession itself; a disagreement stops the run. */
const CROSS_CHECK_EVERY = 97;

/**
 * Earlier sessions kept per area for the spacing rules: more than any window the generated plans and
 * the clinic's rules can make (spacingWindowDays), checked at every session so a change cannot
 * quietly shorten the memory below the rule.
 */
export const RECENT_DAYS = 120;

export type SessionReport = { at: number; area: string; needleMm: number; sanitized: boolean; patchTestDone: boolean | null; notes: string | null };
export type LoggedSession = { id: string; at: number; performedAt: string; area: string; createdAt: number };

/** Most patients log right away; some the next day. */
function loggedAt(p: PatientState, at: number): number {
  return p.rng.chance(0.85) ? at + p.rng.int(2, 50) * MINUTE : at + p.rng.int(8 * 60, 36 * 60) * MINUTE;
}

/** The plan in force at a moment, paused when a new contraindication was screened since it was decided. */
function planInForce(p: PatientState, at: number): PlanInForce {
  const plan = currentPlan(p);
  if (plan?.decision !== "approved" || p.pausedSince === null || p.pausedSince > at) return plan;
  return { ...plan, underReview: true };
}

/**
 * Logs a session as lib/data/sessions.ts logSession does: flagged against the plan in force and every
 * earlier session in its area within the spacing window, an alert for a flagged one, an audit row;
 * signed off later when the clinic has got to it. Null when the patient has not logged it yet by `now`.
 */
export function logSession(ctx: ClinicContext, p: PatientState, s: SessionReport): LoggedSession | null {
  const { rng } = p;
  const createdAt = loggedAt(p, s.at);
  if (createdAt >= ctx.now) return null;
  const performedAt = iso(s.at);
  const plan = planInForce(p, s.at);
  const before = recentBefore(ctx, p, s.area, s.at, plan);
  const firstInArea = !p.lastByArea.has(s.area);
  const facts = { at: s.at, performedAt, area: s.area, needleMm: s.needleMm, sanitized: s.sanitized, patchTestDone: s.patchTestDone };
  const verdict = flagSession(facts, plan, before, firstInArea, ctx.rules);
  if (ctx.writer.counts.session % CROSS_CHECK_EVERY === 0) crossCheck(facts, plan, before, firstInArea, ctx.rules, verdict);

  const id = rng.uuid();
  const onBehalf = p.portalUserId === null || rng.chance(0.02);
  const reporter = onBehalf ? p.clinician : patientActor(p);
  const review = reviewOf(ctx, p, createdAt);
  const flags = verdict.flags.length ? JSON.stringify(verdict.flags) : "[]";
  ctx.writer.add("session", [
    id, p.id, performedAt, s.area, s.needleMm, p.habits.device, bit(s.sanitized), bit(s.patchTestDone), s.notes, flags,
    plan?.version ?? null, reporter.id, bit(onBehalf), iso(createdAt), review?.by.id ?? null, review ? iso(review.at) : null,
  ]);
  const alert = verdict.flags.length ? sessionAlert(verdict.flags, { performedAt, area: s.area }, verdict.tooClose) : null;
  if (alert) raiseAlert(ctx, p, alert, createdAt, { sessionId: id, relatedSessionId: verdict.tooClose[0]?.id ?? null });
  // recordAudit's detail, spelled out: every value here is a code, a number or a timestamp.
  const detail = `{"after":{"id":"${id}","area":"${s.area}","needleMm":${s.needleMm},"performedAt":"${performedAt}","flags":${flags},"onBehalf":${onBehalf}}}`;
  writeAudit(ctx, createdAt, reporter, "session.report", p.id, detail);
  auditReview(ctx, p, "session", id, review);
  const history: AreaHistory = { id, at: s.at, performedAt, needleMm: s.needleMm };
  p.lastByArea.set(s.area, history);
  before.push(history);
  p.recentByArea.set(s.area, before);
  return { id, at: s.at, performedAt, area: s.area, createdAt };
}

/** The area's sessions within RECENT_DAYS before `at`, oldest first: those the spacing rules can reach. */
function recentBefore(ctx: ClinicContext, p: PatientState, area: string, at: number, plan: PlanInForce): AreaHistory[] {
  if (spacingWindowDays([plan], ctx.rules) + 1 > RECENT_DAYS) throw new Error(`The spacing window outgrew the synthetic memory of ${RECENT_DAYS} days`);
  const since = at - RECENT_DAYS * DAY;
  return (p.recentByArea.get(area) ?? []).filter((h) => h.at >= since);
}
