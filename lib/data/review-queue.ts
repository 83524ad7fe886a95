import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { homeSessions, patients, reactions } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import type { SymptomGrade } from "@/lib/domain/reactions";
import type { SessionFlag } from "@/lib/domain/session-flags";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";

export type ReviewItem =
  | { kind: "session"; id: string; patientId: string; patientName: string; at: string; area: string; needleMm: number; flags: SessionFlag[]; onBehalf: boolean }
  | { kind: "reaction"; id: string; patientId: string; patientName: string; at: string; symptoms: SymptomGrade[]; maxGrade: number; onBehalf: boolean };

/** Clinicians see the unreviewed reports of the patients they are responsible for; admins the clinic's. */
function scopeFor(actor: Actor) {
  return and(eq(patients.clinicId, actor.clinicId), actor.role === "clinician" ? eq(patients.responsibleClinicianId, actor.id) : undefined);
}

/** Every patient report not yet signed off, newest first: the portal inbox of an EHR. */
export function listReviewQueue(actor: Actor): ReviewItem[] {
  requireRole(actor, STAFF_ROLES);
  const db = getDb();
  const sessions = db
    .select({
      id: homeSessions.id,
      patientId: patients.id,
      patientName: patients.name,
      at: homeSessions.performedAt,
      area: homeSessions.area,
      needleMm: homeSessions.needleMm,
      flags: homeSessions.flags,
      onBehalf: homeSessions.onBehalf,
    })
    .from(homeSessions)
    .innerJoin(patients, eq(patients.id, homeSessions.patientId))
    .where(and(scopeFor(actor), isNull(homeSessions.reviewedAt)))
    .all()
    .map((s): ReviewItem => ({ kind: "session", ...s, flags: s.flags as SessionFlag[] }));
  const reactionItems = db
    .select({
      id: reactions.id,
      patientId: patients.id,
      patientName: patients.name,
      at: reactions.reportedAt,
      symptoms: reactions.symptoms,
      maxGrade: reactions.maxGrade,
      onBehalf: reactions.onBehalf,
    })
    .from(reactions)
    .innerJoin(patients, eq(patients.id, reactions.patientId))
    .where(and(scopeFor(actor), isNull(reactions.reviewedAt)))
    .all()
    .map((r): ReviewItem => ({ kind: "reaction", ...r, symptoms: r.symptoms as SymptomGrade[] }));
  return [...sessions, ...reactionItems].sort((a, b) => b.at.localeCompare(a.at));
}

export function countReviewQueue(actor: Actor): number {
  requireRole(actor, STAFF_ROLES);
  const db = getDb();
  const sessions = db.select({ n: count() }).from(homeSessions).innerJoin(patients, eq(patients.id, homeSessions.patientId)).where(and(scopeFor(actor), isNull(homeSessions.reviewedAt))).get()?.n ?? 0;
  const reactionCount = db.select({ n: count() }).from(reactions).innerJoin(patients, eq(patients.id, reactions.patientId)).where(and(scopeFor(actor), isNull(reactions.reviewedAt))).get()?.n ?? 0;
  return sessions + reactionCount;
}

/** A clinician of the clinic signs a report off as reviewed; it leaves the queue. */
export function signOffReport(actor: Actor, kind: "session" | "reaction", id: string): void {
  requireRole(actor, ["clinician"]);
  const table = kind === "session" ? homeSessions : reactions;
  writeTransaction((tx) => {
    const row = tx
      .select({ id: table.id, patientId: table.patientId, reviewedAt: table.reviewedAt })
      .from(table)
      .innerJoin(patients, eq(patients.id, table.patientId))
      .where(and(eq(table.id, id), eq(patients.clinicId, actor.clinicId)))
      .get();
    if (!row) throw new NotFoundError("Report not found.");
    if (row.reviewedAt) throw new ConflictError("This report was already signed off.");
    tx.update(table).set({ reviewedBy: actor.id, reviewedAt: new Date().toISOString() }).where(eq(table.id, id)).run();
    recordAudit(tx, { action: `${kind}.review`, outcome: "success", actor, patientId: row.patientId, detail: { id } });
  });
}
