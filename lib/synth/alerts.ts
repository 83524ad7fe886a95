import type { AlertDraft } from "@/lib/domain/alert-rules";
import { currentPlan, writeAudit, type ClinicContext, type PatientState, type Staff } from "./context";
import { coveringClinician } from "./review";
import { DAY, HOUR, iso, nextOfficeMoment } from "./time";
import { RESOLUTION_NOTES, SUSPENSION_REASONS } from "./vocabulary";

export type AlertRefs = { sessionId?: string | null; relatedSessionId?: string | null; reactionId?: string | null };

/** Alerts whose resolution may suspend the plan, and how often the clinician does. */
const SUSPEND_SHARE: Partial<Record<string, number>> = { infection: 0.45, severe_reaction: 0.3, warning_sign: 0.35, worsening_reaction: 0.15 };
const CLINIC_DEPTH_SUSPEND_SHARE = 0.25;

type FollowUp = { ackAt: number; ackBy: Staff; resolveAt: number | null; resolveBy: Staff; separateAck: boolean };

/**
 * How the clinic handled an alert: high ones seen within hours, normal ones within a day or two,
 * a few left for days (clinician away); most resolved, some acknowledged and kept open to monitor.
 * Everything happens in office hours.
 */
function followUp(ctx: ClinicContext, p: PatientState, severity: string, createdAt: number): FollowUp {
  const { rng } = p;
  let delay = severity === "high" ? 0.3 * HOUR + rng.exponential(5 * HOUR) : HOUR + rng.exponential(48 * HOUR);
  if (rng.chance(0.1)) delay += rng.between(2, 14) * DAY;
  const ackAt = nextOfficeMoment(rng, createdAt + delay);
  const adminMay = severity !== "high" && rng.chance(0.15);
  const ackBy = adminMay ? ctx.admin : coveringClinician(ctx, p);
  const mode = rng.next();
  if (mode < 0.45) return { ackAt, ackBy, resolveAt: ackAt, resolveBy: ackBy, separateAck: false };
  const resolveBy = severity === "high" ? coveringClinician(ctx, p) : ackBy;
  const resolveAt = mode < 0.96 ? nextOfficeMoment(rng, ackAt + rng.exponential(1.5) * DAY) : null;
  return { ackAt, ackBy, resolveAt, resolveBy, separateAck: true };
}

/**
 * Writes an alert raised with a report (same moment), with the state its follow-up has reached by
 * `now`, and the audit rows lib/data/alerts.ts writes for each step. When the clinician resolves
 * with "suspend plan", the suspension is booked on the patient; the timeline writes it at that moment.
 */
export function raiseAlert(ctx: ClinicContext, p: PatientState, draft: AlertDraft, createdAt: number, refs: AlertRefs, note?: string): string {
  const { rng } = p;
  const id = rng.uuid();
  const f = followUp(ctx, p, draft.severity, createdAt);
  const acknowledged = f.ackAt < ctx.now;
  const resolved = acknowledged && f.resolveAt !== null && f.resolveAt < ctx.now;
  const plan = currentPlan(p);
  const share = draft.kind === "off_plan_session" ? (draft.severity === "high" && plan?.decision === "approved" ? CLINIC_DEPTH_SUSPEND_SHARE : 0) : (SUSPEND_SHARE[draft.kind] ?? 0);
  const suspend =
    resolved && f.resolveBy.role === "clinician" && plan?.decision === "approved" && p.suspension === null && f.resolveAt! < p.nextDecisionAt && rng.chance(share);
  const resolutionNote = resolved ? (note ?? (suspend ? SUSPENSION_REASONS.alert : rng.pick(RESOLUTION_NOTES[draft.kind === "off_plan_session" ? "off_plan_session" : "reaction"]!))) : null;
  const suspendedPlanVersion = suspend ? plan!.version + 1 : null;
  if (suspend) p.suspension = { at: f.resolveAt!, by: f.resolveBy, reason: resolutionNote! };
  ctx.writer.add("alert", [
    id, ctx.clinicId, p.id, draft.kind, draft.severity, resolved ? "resolved" : acknowledged ? "acknowledged" : "open", draft.summary,
    refs.sessionId ?? null, refs.relatedSessionId ?? null, refs.reactionId ?? null, iso(createdAt),
    acknowledged ? f.ackBy.id : null, acknowledged ? iso(f.ackAt) : null, resolved ? f.resolveBy.id : null, resolved ? iso(f.resolveAt!) : null,
    resolutionNote, suspendedPlanVersion,
  ]);
  if (acknowledged && f.separateAck) writeAudit(ctx, f.ackAt, f.ackBy, "alert.acknowledge", p.id, { alertId: id });
  if (resolved) writeAudit(ctx, f.resolveAt!, f.resolveBy, "alert.resolve", p.id, { alertId: id, note: resolutionNote, suspendedPlanVersion });
  return id;
}

/**
 * The new-contraindication alert of a renewal screening; resolved by the decision that follows it
 * (when that decision has happened by `now`).
 */
export function raiseContraindicationAlert(ctx: ClinicContext, p: PatientState, draft: AlertDraft, createdAt: number, decision: { at: number; by: Staff; suspendedVersion: number | null }): void {
  const id = p.rng.uuid();
  const ackAt = Math.min(nextOfficeMoment(p.rng, createdAt + p.rng.exponential(3 * HOUR)), decision.at);
  const acknowledged = ackAt < ctx.now;
  const resolved = decision.at < ctx.now;
  const note = resolved ? RESOLUTION_NOTES.new_contraindication![0]! : null;
  const suspendedPlanVersion = resolved ? decision.suspendedVersion : null;
  ctx.writer.add("alert", [
    id, ctx.clinicId, p.id, draft.kind, draft.severity, resolved ? "resolved" : acknowledged ? "acknowledged" : "open", draft.summary, null, null, null,
    iso(createdAt), acknowledged ? decision.by.id : null, acknowledged ? iso(ackAt) : null, resolved ? decision.by.id : null, resolved ? iso(decision.at) : null,
    note, suspendedPlanVersion,
  ]);
  if (acknowledged && ackAt < decision.at) writeAudit(ctx, ackAt, decision.by, "alert.acknowledge", p.id, { alertId: id });
  if (resolved) writeAudit(ctx, decision.at, decision.by, "alert.resolve", p.id, { alertId: id, note, suspendedPlanVersion });
}
