import "server-only";
import { and, count, desc, eq, lte } from "drizzle-orm";
import { getDb, writeTransaction, type Tx, type Reader } from "@/db";
import { alerts, homeSessions, patients, reactions, users } from "@/db/schema";
import { requirePatientAccess } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import { reactionAlert } from "@/lib/domain/alert-rules";
import { pausesForReaction, withPauseNote } from "@/lib/domain/holds";
import { AREA_LABELS, type Area } from "@/lib/domain/clinical";
import type { SymptomGrade } from "@/lib/domain/reactions";
import { ValidationError } from "@/lib/errors";
import type { ReactionReportInput } from "@/lib/validation/reports";
import { recordAudit, recordPatientRead } from "./audit";
import { loadClinicSettings } from "./internal/clinic-settings";
import { patientReach } from "./internal/contraindications";
import { openHold } from "./internal/holds";

export type ReactionDto = {
  id: string;
  reportedAt: string;
  sessionId: string | null;
  /** Where the reaction is (the linked session's area when there is one). */
  area: string | null;
  session: { performedAt: string; area: string } | null;
  symptoms: SymptomGrade[];
  maxGrade: number;
  notes: string | null;
  reportedBy: { id: string; name: string; onBehalf: boolean };
  createdAt: string;
  reviewedAt: string | null;
  alert: { severity: string; summary: string } | null;
};

function selectReactions(db: Reader) {
  return db
    .select({
      id: reactions.id,
      reportedAt: reactions.reportedAt,
      sessionId: reactions.sessionId,
      area: reactions.area,
      symptoms: reactions.symptoms,
      maxGrade: reactions.maxGrade,
      notes: reactions.notes,
      createdAt: reactions.createdAt,
      reviewedAt: reactions.reviewedAt,
      onBehalf: reactions.onBehalf,
      reporterId: users.id,
      reporterName: users.name,
      sessionPerformedAt: homeSessions.performedAt,
      sessionArea: homeSessions.area,
      alertSeverity: alerts.severity,
      alertSummary: alerts.summary,
    })
    .from(reactions)
    .innerJoin(users, eq(users.id, reactions.reportedBy))
    .leftJoin(homeSessions, eq(homeSessions.id, reactions.sessionId))
    .leftJoin(alerts, eq(alerts.reactionId, reactions.id));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectReactions>["all"]>>[number];

function toDto(row: Row): ReactionDto {
  return {
    id: row.id,
    reportedAt: row.reportedAt,
    sessionId: row.sessionId,
    area: row.area ?? row.sessionArea,
    session: row.sessionPerformedAt ? { performedAt: row.sessionPerformedAt, area: row.sessionArea! } : null,
    symptoms: row.symptoms as SymptomGrade[],
    maxGrade: row.maxGrade,
    notes: row.notes,
    reportedBy: { id: row.reporterId, name: row.reporterName, onBehalf: row.onBehalf },
    createdAt: row.createdAt,
    reviewedAt: row.reviewedAt,
    alert: row.alertSeverity ? { severity: row.alertSeverity, summary: row.alertSummary! } : null,
  };
}

type LinkedSession = { id: string; performedAt: string; area: string };

const linkColumns = { id: homeSessions.id, performedAt: homeSessions.performedAt, area: homeSessions.area };

/**
 * The session a reaction follows: the one named (of this patient, in the named area if one is given,
 * performed before the reaction), or the latest session in the named area before the reaction.
 */
function findLinkedSession(tx: Tx, patientId: string, input: ReactionReportInput): LinkedSession | null {
  if (input.sessionId) {
    const session = tx.select(linkColumns).from(homeSessions).where(and(eq(homeSessions.id, input.sessionId), eq(homeSessions.patientId, patientId))).get();
    if (!session) throw new ValidationError("sessionId is not one of this patient's sessions.", [{ path: "sessionId", message: "Choose one of your sessions." }]);
    if (input.area && input.area !== session.area) {
      const area = AREA_LABELS[session.area as Area] ?? session.area;
      throw new ValidationError(`That session was on the ${area.toLowerCase()}, not the area given.`, [{ path: "area", message: `The chosen session was on the ${area.toLowerCase()}.` }]);
    }
    if (input.reportedAt < session.performedAt) {
      throw new ValidationError("A reaction cannot be noticed before the session it follows.", [{ path: "reportedAt", message: "This is before the session it follows." }]);
    }
    return session;
  }
  return (
    tx
      .select(linkColumns)
      .from(homeSessions)
      .where(and(eq(homeSessions.patientId, patientId), eq(homeSessions.area, input.area!), lte(homeSessions.performedAt, input.reportedAt)))
      .orderBy(desc(homeSessions.performedAt))
      .limit(1)
      .get() ?? null
  );
}

/** The latest earlier report about the same session, to tell a symptom getting worse. */
function previousReportOf(tx: Tx, sessionId: string, before: string) {
  return (
    tx
      .select({ reportedAt: reactions.reportedAt, symptoms: reactions.symptoms })
      .from(reactions)
      .where(and(eq(reactions.sessionId, sessionId), lte(reactions.reportedAt, before)))
      .orderBy(desc(reactions.reportedAt))
      .limit(1)
      .get() ?? null
  );
}

/** A reaction as just reported: whether it paused home microneedling, so the portal says what happened. */
export type ReportedReaction = ReactionDto & { paused: boolean };

/**
 * Stores a reported reaction linked to the session it follows (named, or the latest in its area
 * before it); alerts raised by the clinic's rules commit in the same transaction. A warning sign
 * (infection, fever, blisters, scarring, nodules, any grade 3) also pauses home microneedling in every
 * area until a clinician clears it, and the alert says how the patient learns of it.
 */
export function reportReaction(actor: Actor, patientId: string, input: ReactionReportInput): ReportedReaction {
  const scope = requirePatientAccess(actor, patientId);
  return writeTransaction((tx) => {
    const session = findLinkedSession(tx, scope.id, input);
    const previousReport = session && previousReportOf(tx, session.id, input.reportedAt);
    const onBehalf = actor.role !== "patient";
    const { id } = tx
      .insert(reactions)
      .values({
        patientId: scope.id,
        sessionId: session?.id ?? null,
        area: session?.area ?? input.area,
        reportedAt: input.reportedAt,
        symptoms: input.symptoms,
        maxGrade: Math.max(...input.symptoms.map((s) => s.grade)),
        notes: input.notes,
        // Only a link the reporter did not name may move to a better-fitting session logged later.
        linkInferred: !input.sessionId,
        reportedBy: actor.id,
        onBehalf,
      })
      .returning({ id: reactions.id })
      .get();
    const rules = loadClinicSettings(scope.clinicId, tx).alertRules;
    // Dark patches weigh more on Fitzpatrick IV–VI (post-inflammatory hyperpigmentation).
    const skinType = tx.select({ skinType: patients.skinType }).from(patients).where(eq(patients.id, scope.id)).get()?.skinType;
    let alert = reactionAlert({
      skinType,
      reaction: input,
      session,
      previousReport: previousReport && { reportedAt: previousReport.reportedAt, symptoms: previousReport.symptoms as SymptomGrade[] },
      rules,
    });
    const pauses = pausesForReaction(alert);
    const reach = pauses ? patientReach(tx, scope.id) : null;
    if (alert && reach) alert = withPauseNote(alert, reach);
    if (alert) {
      const { id: alertId } = tx
        .insert(alerts)
        .values({ ...alert, clinicId: scope.clinicId, patientId: scope.id, reactionId: id, sessionId: session?.id ?? null, contactRequired: reach ? !reach.portalActive : false })
        .returning({ id: alerts.id })
        .get();
      if (pauses) openHold(tx, { clinicId: scope.clinicId, patientId: scope.id, kind: "pause", reason: "warning_sign", alertId });
    }
    recordAudit(tx, {
      action: "reaction.report",
      outcome: "success",
      actor,
      patientId: scope.id,
      detail: {
        after: { id, symptoms: input.symptoms, sessionId: session?.id ?? null, area: session?.area ?? input.area, onBehalf, alert: alert?.kind ?? null, ...(pauses ? { paused: true } : {}) },
      },
    });
    return { ...toDto(selectReactions(tx).where(eq(reactions.id, id)).get()!), paused: pauses };
  });
}

export function listReactions(actor: Actor, patientId: string, paging: { page: number; pageSize: number }): { items: ReactionDto[]; total: number } {
  const scope = requirePatientAccess(actor, patientId);
  const db = getDb();
  const where = eq(reactions.patientId, scope.id);
  const total = db.select({ n: count() }).from(reactions).where(where).get()?.n ?? 0;
  const items = selectReactions(db)
    .where(where)
    .orderBy(desc(reactions.reportedAt))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .all()
    .map(toDto);
  recordPatientRead(actor, scope.id, "reactions");
  return { items, total };
}
