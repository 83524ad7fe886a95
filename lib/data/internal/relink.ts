import "server-only";
import { and, asc, desc, eq, gte, isNull, lt, lte, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Tx } from "@/db";
import { alerts, homeSessions, patients, reactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { reactionAlert, type AlertDraft } from "@/lib/domain/alert-rules";
import { AREA_LABELS, type Area } from "@/lib/domain/clinical";
import { formatClinicDateTime } from "@/lib/domain/dates";
import type { SymptomGrade } from "@/lib/domain/reactions";
import { recordAudit } from "../audit";
import { clinicTimeZone } from "../clock";
import { insertAlertNote } from "./alert-notes";
import { loadClinicSettings } from "./clinic-settings";

/** A session logged late moves at most this many reactions; any beyond keep their link (bounded work per report). */
export const RELINK_MAX = 100;

type NewSession = { id: string; area: string; performedAt: string };

const linked = alias(homeSessions, "linked");

/**
 * Moves to a newly logged session the reactions it fits better: this patient's, in the same area,
 * whose link was inferred from the area (never one the reporter named), reported at or after the new
 * session, and linked to a session performed before it (or to none). Each move is audited; the
 * reaction's alert rules run again against the new session: an alert that no longer holds (a false
 * "239 hours after the session") gets a note saying why, and a kind the old alert did not have is
 * raised. The time-independent rules (infection, warning signs, grade 3) give the same answer after a
 * move, so a move never starts or ends a pause. Returns how many reactions moved.
 */
export function relinkReactions(tx: Tx, actor: Actor, scope: { id: string; clinicId: string }, session: NewSession): number {
  const candidates = tx
    .select({ id: reactions.id, sessionId: reactions.sessionId, reportedAt: reactions.reportedAt, symptoms: reactions.symptoms })
    .from(reactions)
    .leftJoin(linked, eq(linked.id, reactions.sessionId))
    .where(
      and(
        eq(reactions.patientId, scope.id),
        gte(reactions.reportedAt, session.performedAt),
        eq(reactions.area, session.area),
        eq(reactions.linkInferred, true),
        or(isNull(reactions.sessionId), lt(linked.performedAt, session.performedAt)),
      ),
    )
    .orderBy(asc(reactions.reportedAt), asc(reactions.id))
    .limit(RELINK_MAX)
    .all();
  if (candidates.length === 0) return 0;
  const rules = loadClinicSettings(scope.clinicId, tx).alertRules;
  const skinType = tx.select({ skinType: patients.skinType }).from(patients).where(eq(patients.id, scope.id)).get()?.skinType;
  for (const reaction of candidates) {
    tx.update(reactions).set({ sessionId: session.id }).where(eq(reactions.id, reaction.id)).run();
    recordAudit(tx, {
      action: "reaction.relink",
      outcome: "success",
      actor,
      patientId: scope.id,
      detail: { reactionId: reaction.id, before: { sessionId: reaction.sessionId }, after: { sessionId: session.id } },
    });
    const symptoms = reaction.symptoms as SymptomGrade[];
    const previous = previousReportOf(tx, session.id, reaction.id, reaction.reportedAt);
    const draft = reactionAlert({ reaction: { reportedAt: reaction.reportedAt, symptoms }, session, previousReport: previous, rules, skinType });
    rejudge(tx, actor, scope, session, reaction, draft);
  }
  return candidates.length;
}

/** The latest earlier report about the new session (other reactions already moved there count too). */
function previousReportOf(tx: Tx, sessionId: string, reactionId: string, before: string) {
  const row = tx
    .select({ reportedAt: reactions.reportedAt, symptoms: reactions.symptoms })
    .from(reactions)
    .where(and(eq(reactions.sessionId, sessionId), lte(reactions.reportedAt, before), ne(reactions.id, reactionId)))
    .orderBy(desc(reactions.reportedAt))
    .limit(1)
    .get();
  return row ? { reportedAt: row.reportedAt, symptoms: row.symptoms as SymptomGrade[] } : null;
}

const sameReasons = (a: { kind: string; severity: string }, b: { kind: string; severity: string }) => a.kind === b.kind && a.severity === b.severity;

function rejudge(tx: Tx, actor: Actor, scope: { id: string; clinicId: string }, session: NewSession, reaction: { id: string; reportedAt: string }, draft: AlertDraft | null): void {
  const old = tx
    .select({ id: alerts.id, kind: alerts.kind, severity: alerts.severity, summary: alerts.summary })
    .from(alerts)
    .where(eq(alerts.reactionId, reaction.id))
    .orderBy(desc(alerts.createdAt))
    .limit(1)
    .get();
  if (old && draft?.summary === old.summary) return;
  if (old) {
    const area = (AREA_LABELS[session.area as Area] ?? session.area).toLowerCase();
    const hours = Math.floor((Date.parse(reaction.reportedAt) - Date.parse(session.performedAt)) / 3_600_000);
    const finding = draft ? `they now give: ${draft.summary}` : "they now raise no alert for it, so this alert no longer holds.";
    insertAlertNote(tx, {
      alertId: old.id,
      kind: "note",
      authorId: actor.id,
      note: `Moved to a better-fitting session: this reaction was reported ${hours} hours after the ${area} session of ${formatClinicDateTime(session.performedAt, clinicTimeZone())}, logged after the report. The alert rules were run again against that session; ${finding}`,
    });
  }
  if (draft && (!old || !sameReasons(draft, old))) {
    tx.insert(alerts).values({ ...draft, clinicId: scope.clinicId, patientId: scope.id, reactionId: reaction.id, sessionId: session.id }).run();
  }
}
