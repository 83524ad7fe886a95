import "server-only";
// Authorization of an already identified actor; who the actor is comes from lib/auth/session.ts.
import { eq, sql } from "drizzle-orm";
import { preparedOnce } from "@/db";
import { patients } from "@/db/schema";
import { refuseNotFound, refuseRole } from "@/lib/data/audit-refusals";
import { patientIdSchema } from "@/lib/validation/patients";
import { canAccessPatient, hasRole, type PatientScope } from "./scope";
import type { Actor, Role } from "./types";

/**
 * Throws 403 unless the actor has one of the roles; every refusal is audited (HIPAA 164.312(b)).
 * `operation` names what was attempted, since the guard cannot see the request's path.
 */
export function requireRole(actor: Actor, roles: readonly Role[], operation?: string): Actor {
  if (!hasRole(actor, roles)) throw refuseRole(actor, roles, operation);
  return actor;
}

/**
 * Loads the minimal scope of a patient and checks the actor may see it. Unknown ids and other
 * clinics' patients both answer 404, so nobody learns that a record exists elsewhere; every refusal
 * is audited in the actor's clinic, without the patient's id in the row's patient column.
 */
export function requirePatientAccess(actor: Actor, patientId: string): PatientScope {
  if (!patientIdSchema.safeParse(patientId).success) throw refuseNotFound(actor, "patient", patientId, "malformed_id");
  const scope = patientScopeQuery().get({ patientId });
  if (!scope || !canAccessPatient(actor, scope)) throw refuseNotFound(actor, "patient", patientId);
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
