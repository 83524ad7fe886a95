import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { homeSessions, patients, reactions, reviewQueue } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import type { SymptomGrade } from "@/lib/domain/reactions";
import type { SessionFlag } from "@/lib/domain/session-flags";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { offsetOf, pageOf, type Page, type Paging } from "./page";

export type ReviewItem =
  | { kind: "session"; id: string; patientId: string; patientName: string; at: string; area: string; needleMm: number; flags: SessionFlag[]; onBehalf: boolean }
  | { kind: "reaction"; id: string; patientId: string; patientName: string; at: string; symptoms: SymptomGrade[]; maxGrade: number; onBehalf: boolean };

/**
 * Clinicians see the unreviewed reports of the patients they are responsible for; admins the clinic's.
 * review_queue (kept by triggers) holds exactly the unreviewed reports, so both shapes are an index range.
 */
function scopeFor(actor: Actor) {
  return and(eq(reviewQueue.clinicId, actor.clinicId), actor.role === "clinician" ? eq(reviewQueue.clinicianId, actor.id) : undefined);
}

/** Patient reports not yet signed off, newest first, a page at a time: the portal inbox of an EHR. */
export function listReviewQueue(actor: Actor, paging: Paging): Page<ReviewItem> {
  requireRole(actor, STAFF_ROLES);
  const db = getDb();
  const entries = db
    .select({ reportId: reviewQueue.reportId, kind: reviewQueue.kind })
    .from(reviewQueue)
    .where(scopeFor(actor))
    .orderBy(desc(reviewQueue.at), desc(reviewQueue.reportId))
    .limit(paging.pageSize)
    .offset(offsetOf(paging))
    .all();
  const ids = (kind: "session" | "reaction") => entries.filter((e) => e.kind === kind).map((e) => e.reportId);
  const byId = new Map<string, ReviewItem>([...loadSessions(ids("session")), ...loadReactions(ids("reaction"))].map((item) => [item.id, item]));
  return pageOf(entries.map((e) => byId.get(e.reportId)!), countReviewQueue(actor), paging);
}

function loadSessions(ids: string[]): ReviewItem[] {
  if (ids.length === 0) return [];
  return getDb()
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
    .where(inArray(homeSessions.id, ids))
    .all()
    .map((s) => ({ kind: "session", ...s, flags: s.flags as SessionFlag[] }));
}

function loadReactions(ids: string[]): ReviewItem[] {
  if (ids.length === 0) return [];
  return getDb()
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
    .where(inArray(reactions.id, ids))
    .all()
    .map((r) => ({ kind: "reaction", ...r, symptoms: r.symptoms as SymptomGrade[] }));
}

/** The badge's count: one covering-index range over review_queue. */
export function countReviewQueue(actor: Actor): number {
  requireRole(actor, STAFF_ROLES);
  return getDb().select({ n: count() }).from(reviewQueue).where(scopeFor(actor)).get()?.n ?? 0;
}

/** A clinician of the clinic signs a report off as reviewed; a trigger takes it off the queue. */
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
