import { and, desc, eq, lte } from "drizzle-orm";
import { reactionAlert, sessionAlert } from "@/lib/domain/alert-rules";
import { hasProlongedRedness, type SymptomGrade } from "@/lib/domain/reactions";
import { defaultClinicSettings } from "@/lib/domain/clinic-settings";
import { evaluateSession, type AreaSession } from "@/lib/domain/session-flags";
import type { Tx } from "@/db/connection";
import { alerts, careHolds, homeSessions, planVersions, reactions } from "@/db/schema";
import { pausesForReaction } from "@/lib/domain/holds";

/** Follow-up on a raised alert, as a clinician would have done it. */
export type AlertFollowUp = { status: "acknowledged" | "resolved"; by: string; note?: string; suspendedPlanVersion?: number };

type Context = { tx: Tx; patientId: string; clinicId: string; reporterId: string; now: number; reviewerId: string };

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Writes demo sessions and reactions through the same flag and alert rules the app applies, so the
 * demo inbox shows what the product would really have raised. Reports older than two weeks are
 * signed off as reviewed, like a clinic that keeps up with its queue.
 */
export function reportWriter(ctx: Context) {
  const lastByArea = new Map<string, AreaSession>();
  // Every demo session per area: spacing is judged against each one in the window, not only the last.
  const areaHistory = new Map<string, AreaSession[]>();
  const sessions = new Map<string, { performedAt: string; area: string; lastReport: { reportedAt: string; symptoms: SymptomGrade[] } | null }>();
  const { intervalFloors, rednessExtraSpacingDays } = defaultClinicSettings();
  const reviewed = (at: number) => (ctx.now - at > 14 * DAY ? { reviewedBy: ctx.reviewerId, reviewedAt: iso(at + 2 * DAY) } : {});

  // Warning signs stop the patient, as the app would have (lib/domain/holds.ts); a resolved alert's pause was cleared with it.
  const pauses: { since: string; until: string | null }[] = [];
  const pausedAt = (at: string) => pauses.some((p) => p.since <= at && (p.until === null || p.until > at));

  function raise(draft: { kind: string; severity: "high" | "normal"; summary: string } | null, at: number, refs: { sessionId?: string; reactionId?: string }, followUp?: AlertFollowUp): string | null {
    if (!draft) return null;
    const later = iso(at + 6 * 3_600_000);
    return tx().insert(alerts)
      .values({
        ...draft,
        ...refs,
        clinicId: ctx.clinicId,
        patientId: ctx.patientId,
        createdAt: iso(at),
        status: followUp?.status ?? "open",
        acknowledgedBy: followUp ? followUp.by : null,
        acknowledgedAt: followUp ? later : null,
        resolvedBy: followUp?.status === "resolved" ? followUp.by : null,
        resolvedAt: followUp?.status === "resolved" ? later : null,
        resolutionNote: followUp?.note ?? null,
        suspendedPlanVersion: followUp?.suspendedPlanVersion ?? null,
      })
      .returning({ id: alerts.id })
      .get().id;
  }
  const tx = () => ctx.tx;
  const around = (area: string, at: string) => {
    const history = areaHistory.get(area) ?? [];
    const before = history.filter((s) => s.performedAt <= at);
    return { before, after: history.filter((s) => s.performedAt > at), firstInArea: before.length === 0 };
  };

  return {
    session(daysAgo: number, area: string, needleMm: number, options: { sanitized?: boolean; patchTest?: boolean; notes?: string; followUp?: AlertFollowUp } = {}): string {
      const at = ctx.now - daysAgo * DAY;
      const performedAt = iso(at);
      const plan =
        tx()
          .select({ version: planVersions.version, decision: planVersions.decision, areas: planVersions.areas, minIntervalDays: planVersions.minIntervalDays, reviewBy: planVersions.reviewBy })
          .from(planVersions)
          .where(and(eq(planVersions.patientId, ctx.patientId), lte(planVersions.decidedAt, performedAt)))
          .orderBy(desc(planVersions.version))
          .limit(1)
          .get() ?? null;
      const previous = lastByArea.get(area) ?? null;
      // The demo's patients patch-tested before their first session in an area unless a story says otherwise.
      const patchTestDone = options.patchTest ?? (previous ? null : true);
      const sanitized = options.sanitized ?? true;
      const { flags } = evaluateSession(
        { performedAt, area, needleMm, sanitized, patchTestDone },
        { plans: plan ? [plan] : [], ...around(area, performedAt), intervalFloors, rednessExtraSpacingDays, paused: pausedAt(performedAt) },
      );
      const { id } = tx()
        .insert(homeSessions)
        .values({
          patientId: ctx.patientId,
          performedAt,
          area,
          needleMm,
          device: "roller",
          sanitized,
          patchTestDone,
          notes: options.notes ?? null,
          flags,
          planVersion: plan?.version ?? null,
          reportedBy: ctx.reporterId,
          createdAt: performedAt,
          ...reviewed(at),
        })
        .returning({ id: homeSessions.id })
        .get();
      const written = { id, performedAt, needleMm };
      lastByArea.set(area, written);
      areaHistory.set(area, [...(areaHistory.get(area) ?? []), written]);
      sessions.set(id, { performedAt, area, lastReport: null });
      raise(sessionAlert(flags), at, { sessionId: id }, options.followUp);
      return id;
    },
    reaction(sessionId: string, sessionDaysAgo: number, hoursAfter: number, symptoms: SymptomGrade[], options: { notes?: string; followUp?: AlertFollowUp } = {}): void {
      const sessionAt = ctx.now - sessionDaysAgo * DAY;
      const at = sessionAt + hoursAfter * 3_600_000;
      const reportedAt = iso(at);
      const session = sessions.get(sessionId)!;
      const { id } = tx()
        .insert(reactions)
        .values({
          patientId: ctx.patientId,
          sessionId,
          area: session.area,
          reportedAt,
          symptoms,
          maxGrade: Math.max(...symptoms.map((s) => s.grade)),
          notes: options.notes ?? null,
          reportedBy: ctx.reporterId,
          createdAt: reportedAt,
          ...reviewed(at),
        })
        .returning({ id: reactions.id })
        .get();
      const reaction = { reportedAt, symptoms };
      const draft = reactionAlert({ reaction, session: { performedAt: iso(sessionAt) }, previousReport: session.lastReport });
      const alertId = raise(draft, at, { reactionId: id, sessionId }, options.followUp);
      if (alertId && pausesForReaction(draft)) {
        const resolved = options.followUp?.status === "resolved" ? options.followUp : null;
        const until = resolved ? iso(at + 6 * 3_600_000) : null;
        pauses.push({ since: reportedAt, until });
        tx().insert(careHolds)
          .values({
            clinicId: ctx.clinicId,
            patientId: ctx.patientId,
            kind: "pause",
            reason: "warning_sign",
            items: [],
            alertId,
            since: reportedAt,
            ...(resolved ? { clearedAt: until, clearedBy: resolved.by, clearNote: resolved.note ?? "Reviewed with the patient: safe to continue." } : {}),
          })
          .run();
      }
      session.lastReport = reaction;
      const last = lastByArea.get(session.area);
      if (last?.id === sessionId && hasProlongedRedness(reaction, session.performedAt)) last.prolongedRedness = true;
    },
  };
}
