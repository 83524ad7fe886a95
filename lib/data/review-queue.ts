import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { inJsonList, preparedByKey, preparedOnce, writeTransaction } from "@/db";
import { homeSessions, patients, reactions, reviewQueue } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import type { SymptomGrade } from "@/lib/domain/reactions";
import type { SessionFlag } from "@/lib/domain/session-flags";
import { ConflictError } from "@/lib/errors";
import type { ReviewScope } from "@/lib/validation/reports";
import { recordAudit } from "./audit";
import { recordListRead } from "./audit-reads";
import { refuseNotFound } from "./audit-refusals";
import { offsetOf, pageOf, type Page, type Paging } from "./page";

export type ReviewItem =
  | { kind: "session"; id: string; patientId: string; patientName: string; at: string; area: string; needleMm: number; flags: SessionFlag[]; onBehalf: boolean }
  | { kind: "reaction"; id: string; patientId: string; patientName: string; at: string; symptoms: SymptomGrade[]; maxGrade: number; onBehalf: boolean };

/**
 * One rule for what a clinician may review: the whole clinic's reports. The list opens on "mine" (the
 * patients they are responsible for) and can show the clinic's, so a colleague can cover; sign-off
 * accepts exactly what that list can show. review_queue (kept by triggers) holds exactly the unreviewed
 * reports, so both scopes are an index range.
 */
export function defaultReviewScope(actor: Actor): ReviewScope {
  return actor.role === "clinician" ? "mine" : "clinic";
}

function scopeFor(scope: ReviewScope) {
  return and(eq(reviewQueue.clinicId, sql.placeholder("clinicId")), scope === "mine" ? eq(reviewQueue.clinicianId, sql.placeholder("clinicianId")) : undefined);
}

const scopeValues = (actor: Actor) => ({ clinicId: actor.clinicId, clinicianId: actor.id });

// The inbox and its badge run on every staff visit: one statement per scope, prepared once per connection.
const entriesQuery = preparedByKey((db, scope: ReviewScope) =>
  db
    .select({ reportId: reviewQueue.reportId, kind: reviewQueue.kind })
    .from(reviewQueue)
    .where(scopeFor(scope))
    .orderBy(desc(reviewQueue.at), desc(reviewQueue.reportId))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare(),
);
const countQuery = preparedByKey((db, scope: ReviewScope) => db.select({ n: count() }).from(reviewQueue).where(scopeFor(scope)).prepare());

/** Patient reports not yet signed off, newest first, a page at a time: the portal inbox of an EHR. */
export function listReviewQueue(actor: Actor, query: Paging & { scope?: ReviewScope }): Page<ReviewItem> & { scope: ReviewScope } {
  requireRole(actor, STAFF_ROLES);
  const scope = query.scope ?? defaultReviewScope(actor);
  const entries = entriesQuery(scope).all({ ...scopeValues(actor), limit: query.pageSize, offset: offsetOf(query) });
  const ids = (kind: "session" | "reaction") => entries.filter((e) => e.kind === kind).map((e) => e.reportId);
  const byId = new Map<string, ReviewItem>([...loadSessions(ids("session")), ...loadReactions(ids("reaction"))].map((item) => [item.id, item]));
  const total = countReviewQueue(actor, scope);
  recordListRead(actor, "review.list", { ...query, scope }, { rows: entries.length, total });
  return { ...pageOf(entries.map((e) => byId.get(e.reportId)!), total, query), scope };
}

// A page's ids are bound as one JSON list, so one statement serves every mix of sessions and reactions.
const sessionsByIdQuery = preparedOnce((db) =>
  db
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
    .where(inJsonList(homeSessions.id, "ids"))
    .prepare(),
);

const reactionsByIdQuery = preparedOnce((db) =>
  db
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
    .where(inJsonList(reactions.id, "ids"))
    .prepare(),
);

function loadSessions(ids: string[]): ReviewItem[] {
  if (ids.length === 0) return [];
  return sessionsByIdQuery()
    .all({ ids: JSON.stringify(ids) })
    .map((s) => ({ kind: "session", ...s, flags: s.flags as SessionFlag[] }));
}

function loadReactions(ids: string[]): ReviewItem[] {
  if (ids.length === 0) return [];
  return reactionsByIdQuery()
    .all({ ids: JSON.stringify(ids) })
    .map((r) => ({ kind: "reaction", ...r, symptoms: r.symptoms as SymptomGrade[] }));
}

/** The badge's count (the actor's default scope): one covering-index range over review_queue. Not audited: a count names no patient. */
export function countReviewQueue(actor: Actor, scope = defaultReviewScope(actor)): number {
  requireRole(actor, STAFF_ROLES);
  return countQuery(scope).get(scopeValues(actor))?.n ?? 0;
}

/**
 * A clinician of the clinic signs off any report of the clinic: exactly what the list's "clinic" scope
 * shows. A trigger takes it off the queue; the audit row names who signed.
 */
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
    if (!row) throw refuseNotFound(actor, "report", id);
    if (row.reviewedAt) throw new ConflictError("This report was already signed off.");
    tx.update(table).set({ reviewedBy: actor.id, reviewedAt: new Date().toISOString() }).where(eq(table.id, id)).run();
    recordAudit(tx, { action: `${kind}.review`, outcome: "success", actor, patientId: row.patientId, detail: { id } });
  });
}
