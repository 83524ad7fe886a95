import "server-only";
import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import { inJsonList, preparedOnce, type Reader, type Tx } from "@/db";
import { alertNotes, users } from "@/db/schema";
import type { AlertNoteKind } from "@/lib/validation/alerts";

export type AlertNoteDto = { id: string; kind: AlertNoteKind; note: string; authorName: string; authorRole: string; createdAt: string };

/** The newest notes shown with each alert; older ones stay in the record (and the audit trail). */
export const NOTES_PER_ALERT = 20;

/**
 * An alert that must not close yet: the patient has to be told to stop, has no portal access to read
 * it, and nobody has recorded the call. Raw SQL so it reads the same inside an UPDATE of alerts.
 */
export const awaitingCall = sql`("alerts"."contact_required" = 1 and not exists (select 1 from "alert_notes" where "alert_notes"."alert_id" = "alerts"."id" and "alert_notes"."kind" = 'call'))`;

// A page's alert ids bound as one JSON list; each alert's newest notes through alert_notes_alert_idx.
const notesQuery = preparedOnce((db) => {
  const ranked = db
    .select({
      id: alertNotes.id,
      alertId: alertNotes.alertId,
      kind: alertNotes.kind,
      note: alertNotes.note,
      authorName: users.name,
      authorRole: users.role,
      createdAt: alertNotes.createdAt,
      // Notes written in the same millisecond keep their order of writing (rowid).
      rank: sql<number>`row_number() over (partition by ${alertNotes.alertId} order by ${alertNotes.createdAt} desc, "alert_notes"."rowid" desc)`.as("rank"),
    })
    .from(alertNotes)
    .innerJoin(users, eq(users.id, alertNotes.authorId))
    .where(inJsonList(alertNotes.alertId, "ids"))
    .as("ranked");
  return db.select().from(ranked).where(lte(ranked.rank, NOTES_PER_ALERT)).orderBy(asc(ranked.alertId), desc(ranked.rank)).prepare();
});

/** The newest notes of each alert named, oldest first within an alert. */
export function notesOf(db: Reader, alertIds: string[]): Map<string, AlertNoteDto[]> {
  const byAlert = new Map<string, AlertNoteDto[]>();
  if (alertIds.length === 0) return byAlert;
  for (const { alertId, id, kind, note, authorName, authorRole, createdAt } of notesQuery(db).all({ ids: JSON.stringify(alertIds) })) {
    const list = byAlert.get(alertId) ?? [];
    list.push({ id, kind, note, authorName, authorRole, createdAt });
    byAlert.set(alertId, list);
  }
  return byAlert;
}

export function hasCallNote(db: Reader, alertId: string): boolean {
  return Boolean(db.select({ id: alertNotes.id }).from(alertNotes).where(and(eq(alertNotes.alertId, alertId), eq(alertNotes.kind, "call"))).limit(1).get());
}

/** Appends a note (the table refuses updates and deletes); the caller authorizes and audits. */
export function insertAlertNote(tx: Tx, note: { alertId: string; kind: AlertNoteKind; note: string; authorId: string }): string {
  return tx.insert(alertNotes).values(note).returning({ id: alertNotes.id }).get().id;
}
