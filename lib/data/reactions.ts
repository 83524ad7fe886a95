import "server-only";
import { and, count, desc, eq, lte } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { alerts, homeSessions, reactions, users } from "@/db/schema";
import { requirePatientAccess } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import { reactionAlert } from "@/lib/domain/alert-rules";
import type { SymptomGrade } from "@/lib/domain/reactions";
import { ValidationError } from "@/lib/errors";
import type { ReactionReportInput } from "@/lib/validation/reports";
import { recordAudit, recordPatientRead } from "./audit";
import { loadClinicSettings } from "./clinic-settings";

export type ReactionDto = {
  id: string;
  reportedAt: string;
  sessionId: string | null;
  session: { performedAt: string; area: string } | null;
  symptoms: SymptomGrade[];
  maxGrade: number;
  notes: string | null;
  reportedBy: { id: string; name: string; onBehalf: boolean };
  createdAt: string;
  reviewedAt: string | null;
  alert: { severity: string; summary: string } | null;
};

type Reader = Pick<ReturnType<typeof getDb>, "select">;

function selectReactions(db: Reader) {
  return db
    .select({
      id: reactions.id,
      reportedAt: reactions.reportedAt,
      sessionId: reactions.sessionId,
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

/**
 * Stores a reported reaction, linked to the given session of the same patient or, by default, to the
 * latest session before it; alerts raised by the clinic's rules commit in the same transaction.
 */
export function reportReaction(actor: Actor, patientId: string, input: ReactionReportInput): ReactionDto {
  const scope = requirePatientAccess(actor, patientId);
  return writeTransaction((tx) => {
    const session = input.sessionId === null
      ? undefined
      : input.sessionId
      ? tx
          .select({ id: homeSessions.id, performedAt: homeSessions.performedAt })
          .from(homeSessions)
          .where(and(eq(homeSessions.id, input.sessionId), eq(homeSessions.patientId, scope.id)))
          .get()
      : tx
          .select({ id: homeSessions.id, performedAt: homeSessions.performedAt })
          .from(homeSessions)
          .where(and(eq(homeSessions.patientId, scope.id), lte(homeSessions.performedAt, input.reportedAt)))
          .orderBy(desc(homeSessions.performedAt))
          .limit(1)
          .get();
    if (input.sessionId && !session) {
      throw new ValidationError("sessionId is not one of this patient's sessions.", [{ path: "sessionId", message: "Choose one of your sessions." }]);
    }
    const onBehalf = actor.role !== "patient";
    const { id } = tx
      .insert(reactions)
      .values({
        patientId: scope.id,
        sessionId: session?.id ?? null,
        reportedAt: input.reportedAt,
        symptoms: input.symptoms,
        maxGrade: Math.max(...input.symptoms.map((s) => s.grade)),
        notes: input.notes,
        reportedBy: actor.id,
        onBehalf,
      })
      .returning({ id: reactions.id })
      .get();
    const rules = loadClinicSettings(scope.clinicId, tx).alertRules;
    const alert = reactionAlert(input, session ?? null, rules);
    if (alert) tx.insert(alerts).values({ ...alert, clinicId: scope.clinicId, patientId: scope.id, reactionId: id, sessionId: session?.id ?? null }).run();
    recordAudit(tx, {
      action: "reaction.report",
      outcome: "success",
      actor,
      patientId: scope.id,
      detail: { after: { id, symptoms: input.symptoms, sessionId: session?.id ?? null, onBehalf, alert: alert?.kind ?? null } },
    });
    return toDto(selectReactions(tx).where(eq(reactions.id, id)).get()!);
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
