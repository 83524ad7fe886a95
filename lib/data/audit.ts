import "server-only";
import { auditEvents, type AuditOutcome } from "@/db/schema";
import type { Db } from "@/db";
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
