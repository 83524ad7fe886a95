import "server-only";
import { getDb } from "@/db";
import type { Actor, Role } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAudit, type AuditEntry } from "./audit";

/**
 * A refusal must outlive the request it refused. Written on the connection at once; when the caller
 * is inside a transaction (a load inside `writeTransaction` that finds nothing), the throw that
 * follows rolls the transaction back and would take the row with it, so the row is written in a
 * microtask instead: better-sqlite3 transactions are synchronous, so by then the rollback is done.
 */
export function recordRefusal(entry: AuditEntry): void {
  const db = getDb();
  if (!db.$client.inTransaction) return recordAudit(db, entry);
  queueMicrotask(() => {
    try {
      recordAudit(getDb(), entry);
    } catch (error) {
      console.error("Could not audit a refused request", error);
    }
  });
}

export type RefusedResource = "patient" | "alert" | "report";

/**
 * A 404 on patient data, audited in the caller's clinic. The row names what was asked for, never
 * the record found: a patient of another clinic must not appear in this clinic's trail, and
 * "unknown" and "another clinic's" read the same (`not_in_scope`), as the answer does.
 */
export function refuseNotFound(actor: Actor, resource: RefusedResource, requestedId: string, reason: "malformed_id" | "not_in_scope" = "not_in_scope"): NotFoundError {
  recordRefusal({ action: "patient.access_denied", outcome: "denied", actor, detail: { resource, requestedId: requestedId.slice(0, 100), reason } });
  return new NotFoundError(`${resource[0]!.toUpperCase()}${resource.slice(1)} not found.`);
}

/** A 403 from a role guard: who tried, as what, what was needed and, when the caller says, for what. */
export function refuseRole(actor: Actor, allowed: readonly Role[], operation?: string): ForbiddenError {
  recordRefusal({
    action: "access.forbidden",
    outcome: "denied",
    actor,
    detail: { reason: "role_not_permitted", role: actor.role, allowed: [...allowed], ...(operation ? { operation } : {}) },
  });
  return new ForbiddenError();
}
