import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db";
import { alerts } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import type { AlertNoteInput } from "@/lib/validation/alerts";
import { recordAudit } from "./audit";
import { refuseNotFound } from "./audit-refusals";
import { insertAlertNote, notesOf, type AlertNoteDto } from "./internal/alert-notes";

/**
 * Adds a note to an alert of the caller's clinic, or records the call to a patient who has no portal
 * access. Any staff member may: it is how an admin acts on a high alert, which only a clinician closes.
 * Notes are never edited or deleted (a trigger refuses it); each is audited with its words.
 */
export function addAlertNote(actor: Actor, alertId: string, input: AlertNoteInput): AlertNoteDto {
  requireRole(actor, STAFF_ROLES);
  return writeTransaction((tx) => {
    const alert = tx
      .select({ patientId: alerts.patientId })
      .from(alerts)
      .where(and(eq(alerts.id, alertId), eq(alerts.clinicId, actor.clinicId)))
      .get();
    if (!alert) throw refuseNotFound(actor, "alert", alertId);
    const id = insertAlertNote(tx, { alertId, kind: input.kind, note: input.note, authorId: actor.id });
    recordAudit(tx, { action: input.kind === "call" ? "alert.call" : "alert.note", outcome: "success", actor, patientId: alert.patientId, detail: { alertId, noteId: id, note: input.note } });
    return notesOf(tx, [alertId]).get(alertId)!.find((n) => n.id === id)!;
  });
}
