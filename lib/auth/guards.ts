import "server-only";
// Authorization of an already identified actor; who the actor is comes from lib/auth/session.ts.
import { eq, sql } from "drizzle-orm";
import { getDb, preparedOnce } from "@/db";
import { patients } from "@/db/schema";
import { recordAudit } from "@/lib/data/audit";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { patientIdSchema } from "@/lib/validation/patients";
import { canAccessPatient, hasRole, type PatientScope } from "./scope";
import type { Actor, Role } from "./types";

/** Throws 403 unless the actor has one of the roles. */
export function requireRole(actor: Actor, roles: readonly Role[]): Actor {
  if (!hasRole(actor, roles)) throw new ForbiddenError();
  return actor;
}

/**
 * Loads the minimal scope of a patient and checks the actor may see it. Unknown ids and other
 * clinics' patients both answer 404, so nobody learns that a record exists elsewhere.
 */
export function requirePatientAccess(actor: Actor, patientId: string): PatientScope {
  if (!patientIdSchema.safeParse(patientId).success) {
    recordAudit(getDb(), { action: "patient.access_denied", outcome: "denied", actor, detail: { requestedId: patientId.slice(0, 100) } });
    throw new NotFoundError("Patient not found.");
  }
  const scope = patientScopeQuery().get({ patientId });
  if (!scope || !canAccessPatient(actor, scope)) {
    // Recorded without patientId: the row must not reveal another clinic's patient in this clinic's trail.
    recordAudit(getDb(), { action: "patient.access_denied", outcome: "denied", actor, detail: { requestedId: patientId } });
    throw new NotFoundError("Patient not found.");
  }
  return scope;
}

// Every patient route runs this first: prepared once per connection.
const patientScopeQuery = preparedOnce((db) =>
  db
    .select({ id: patients.id, clinicId: patients.clinicId, userId: patients.userId })
    .from(patients)
    .where(eq(patients.id, sql.placeholder("patientId")))
    .prepare(),
);
