import "server-only";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { patients } from "@/db/schema";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { patientIdSchema } from "@/lib/validation/patients";
import { authOptions } from "./options";
import { canAccessPatient, hasRole, type PatientScope } from "./scope";
import { STAFF_ROLES, type Actor, type Role } from "./types";

/** The signed-in user for this request, re-checked against the database by the jwt callback. */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return { ...session.user, ip: clientIpFrom(await headers()) };
}

export async function requireUser(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

export function requireRole(actor: Actor, roles: readonly Role[]): Actor {
  if (!hasRole(actor, roles)) throw new ForbiddenError();
  return actor;
}

export async function requireStaff(): Promise<Actor> {
  return requireRole(await requireUser(), STAFF_ROLES);
}

/** Clinical decisions (screening, plans) are made by clinicians, not by admins or patients. */
export async function requireClinician(): Promise<Actor> {
  return requireRole(await requireUser(), ["clinician"]);
}

export async function requireAdmin(): Promise<Actor> {
  return requireRole(await requireUser(), ["admin"]);
}

/**
 * Loads the minimal scope of a patient and checks the actor may see it. Unknown ids and other
 * clinics' patients both answer 404, so nobody learns that a record exists elsewhere.
 */
export function requirePatientAccess(actor: Actor, patientId: string): PatientScope {
  const notFound = new NotFoundError("Patient not found.");
  if (!patientIdSchema.safeParse(patientId).success) throw notFound;
  const scope = getDb()
    .select({ id: patients.id, clinicId: patients.clinicId, userId: patients.userId })
    .from(patients)
    .where(eq(patients.id, patientId))
    .get();
  if (!scope || !canAccessPatient(actor, scope)) throw notFound;
  return scope;
}
