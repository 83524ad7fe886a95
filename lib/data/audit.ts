import "server-only";
import { cache } from "react";
import { getDb, type Db } from "@/db";
import { auditEvents, type AuditOutcome } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";

export type AuditEntry = {
  action: string;
  outcome: AuditOutcome;
  actor?: Pick<Actor, "id" | "role" | "clinicId" | "ip"> | null;
  clinicId?: string | null;
  patientId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
};

/** Writes one audit row on the given connection or transaction, so it commits with the change. */
export function recordAudit(db: Pick<Db, "insert">, entry: AuditEntry): void {
  db.insert(auditEvents)
    .values({
      action: entry.action,
      outcome: entry.outcome,
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      clinicId: entry.clinicId ?? entry.actor?.clinicId ?? null,
      patientId: entry.patientId ?? null,
      ip: entry.ip ?? entry.actor?.ip ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .run();
}

/**
 * One "patient.read" row per staff member, patient and request: a page that shows the plan, history
 * and alerts of one patient reads several tables but is one look at the record. React's `cache`
 * gives each server render its own set; outside a render (route handlers) every read is recorded.
 */
const readsThisRequest = cache(() => new Set<string>());

export function recordPatientRead(actor: Actor, patientId: string, view: string): void {
  if (actor.role === "patient") return;
  const seen = readsThisRequest();
  const key = `${actor.id}:${patientId}`;
  if (seen.has(key)) return;
  seen.add(key);
  recordAudit(getDb(), { action: "patient.read", outcome: "success", actor, patientId, detail: { view } });
}
