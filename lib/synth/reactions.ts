import { reactionAlert } from "@/lib/domain/alert-rules";
import { hasProlongedRedness, type SymptomGrade } from "@/lib/domain/reactions";
import { raiseAlert } from "./alerts";
import { patientActor, writeAudit, type ClinicContext, type PatientState } from "./context";
import { episodeChance, planEpisode } from "./episodes";
import { auditReview, reviewOf } from "./review";
import type { LoggedSession } from "./sessions";
import { bit } from "./statements";
import { iso, MINUTE } from "./time";
import { REACTION_NOTES } from "./vocabulary";

/**
 * The reports that follow a session, each written as lib/data/reactions.ts reportReaction does:
 * linked to the session and its area, judged by reactionAlert against the previous report, audited,
 * signed off later. Returns when the last report came in (the patient waits for it before the next
 * session in that area), or the session's own time when nothing followed.
 */
export function followSession(ctx: ClinicContext, p: PatientState, session: LoggedSession, needleMm: number): number {
  const { rng } = p;
  if (!rng.chance(episodeChance(needleMm))) return session.at;
  let previousReport: { reportedAt: string; symptoms: SymptomGrade[] } | null = null;
  let last = session.at;
  for (const planned of planEpisode(rng, p.skinType)) {
    const at = session.at + Math.round(planned.hours * 60) * MINUTE;
    const createdAt = at + rng.int(0, 20) * MINUTE;
    if (createdAt >= ctx.now) break;
    const reportedAt = iso(at);
    const id = rng.uuid();
    const notes = planned.note ?? (previousReport === null && rng.chance(0.12) ? rng.pick(REACTION_NOTES) : null);
    const onBehalf = p.portalUserId === null || rng.chance(0.02);
    const reporter = onBehalf ? p.clinician : patientActor(p);
    const review = reviewOf(ctx, p, createdAt);
    const maxGrade = planned.symptoms.reduce((max, s) => Math.max(max, s.grade), 0);
    const symptoms = JSON.stringify(planned.symptoms);
    ctx.writer.add("reaction", [
      id, p.id, session.id, session.area, reportedAt, symptoms, maxGrade, notes, reporter.id, bit(onBehalf), iso(createdAt),
      review?.by.id ?? null, review ? iso(review.at) : null,
    ]);
    const reaction = { reportedAt, symptoms: planned.symptoms };
    const alert = reactionAlert({ reaction, session: { performedAt: session.performedAt }, previousReport, rules: ctx.settings.alertRules });
    if (alert) raiseAlert(ctx, p, alert, createdAt, { reactionId: id, sessionId: session.id });
    // recordAudit's detail, spelled out: every value here is a code, a grade or an id.
    const kind = alert ? `"${alert.kind}"` : "null";
    writeAudit(ctx, createdAt, reporter, "reaction.report", p.id, `{"after":{"id":"${id}","symptoms":${symptoms},"sessionId":"${session.id}","area":"${session.area}","onBehalf":${onBehalf},"alert":${kind}}}`);
    auditReview(ctx, p, "reaction", id, review);
    const history = p.lastByArea.get(session.area);
    if (history?.id === session.id && hasProlongedRedness(reaction, session.performedAt)) history.prolongedRedness = true;
    previousReport = reaction;
    last = at;
  }
  return last;
}
