import { sessionAlert } from "../../lib/domain/alert-rules";
import type { SpacingRules } from "../../lib/domain/session-flags";
import { raiseAlert } from "./alerts";
import { currentPlan, patientActor, writeAudit, type AreaHistory, type ClinicContext, type PatientState } from "./context";
import { crossCheck, flagSession } from "./flags";
import { auditReview, reviewOf } from "./review";
import { bit } from "./statements";
import { HOUR, iso, MINUTE } from "./time";

/** One session in this many is also judged by evaluateSession itself; a disagreement stops the run. */
const CROSS_CHECK_EVERY = 499;

export type SessionReport = { at: number; area: string; needleMm: number; sanitized: boolean; patchTestDone: boolean | null; notes: string | null };
export type LoggedSession = { id: string; at: number; performedAt: string; area: string; createdAt: number };

export const spacingRules = (ctx: ClinicContext): SpacingRules => ({ intervalFloors: ctx.settings.intervalFloors, rednessExtraSpacingDays: ctx.settings.rednessExtraSpacingDays });

/** Most patients log right away; some the next day. Null when it would only be logged after `now`. */
function loggedAt(p: PatientState, at: number): number {
  return p.rng.chance(0.85) ? at + p.rng.int(2, 50) * MINUTE : at + p.rng.between(8, 36) * HOUR;
}

/**
 * Logs a session as lib/data/sessions.ts logSession does: flagged against the plan in force and the
 * previous session in its area, an alert for a flagged one, an audit row; signed off later when
 * the clinic has got to it. Null when the patient has not logged it yet by `now`.
 */
export function logSession(ctx: ClinicContext, p: PatientState, s: SessionReport): LoggedSession | null {
  const { rng } = p;
  const createdAt = loggedAt(p, s.at);
  if (createdAt >= ctx.now) return null;
  const performedAt = iso(s.at);
  const plan = currentPlan(p);
  const inForce = plan && { ...plan, underReview: plan.decision === "approved" && p.pausedSince !== null && p.pausedSince <= s.at };
  const previous = p.lastByArea.get(s.area) ?? null;
  const facts = { performedAt, area: s.area, needleMm: s.needleMm, sanitized: s.sanitized, patchTestDone: s.patchTestDone };
  const rules = spacingRules(ctx);
  const verdict = flagSession(facts, inForce, previous, rules);
  if (ctx.counts.session % CROSS_CHECK_EVERY === 0) crossCheck(facts, inForce, previous, rules, verdict);

  const id = rng.uuid();
  const onBehalf = p.portalUserId === null || rng.chance(0.02);
  const reporter = onBehalf ? p.clinician : patientActor(p);
  const review = reviewOf(ctx, p, createdAt);
  ctx.statements.session.run(
    id, p.id, performedAt, s.area, s.needleMm, p.habits.device, bit(s.sanitized), bit(s.patchTestDone), s.notes, JSON.stringify(verdict.flags),
    plan?.version ?? null, reporter.id, bit(onBehalf), iso(createdAt), review?.by.id ?? null, review ? iso(review.at) : null,
  );
  ctx.counts.session += 1;
  const alert = sessionAlert(verdict.flags, { performedAt, area: s.area }, verdict.tooClose);
  if (alert) raiseAlert(ctx, p, alert, createdAt, { sessionId: id, relatedSessionId: verdict.tooClose[0]?.id ?? null });
  writeAudit(ctx, createdAt, reporter, "session.report", p.id, {
    after: { id, area: s.area, needleMm: s.needleMm, performedAt, flags: verdict.flags, onBehalf },
  });
  auditReview(ctx, p, "session", id, review);
  const history: AreaHistory = { id, performedAt, needleMm: s.needleMm };
  p.lastByArea.set(s.area, history);
  return { id, at: s.at, performedAt, area: s.area, createdAt };
}
