import { STAFF_ROLES, type Role, type SessionUser } from "./types";

/** Pure scope rules shared by every guard; unit-tested on their own. */
export function isStaff(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

export function hasRole(user: Pick<SessionUser, "role">, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}

export type PatientScope = { id: string; clinicId: string; userId: string | null };

/** Staff see only their own clinic's patients; a patient sees only their own record. */
export function canAccessPatient(
  user: Pick<SessionUser, "id" | "role" | "clinicId" | "patientId">,
  patient: PatientScope,
): boolean {
  if (isStaff(user.role)) return user.clinicId === patient.clinicId;
  return user.role === "patient" && patient.userId === user.id && user.patientId === patient.id;
}

/** Only same-origin relative paths may be used as a post-login destination. */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (value.startsWith("/login") || value.startsWith("/api/")) return null;
  return value;
}

export function homePathFor(role: Role): string {
  return isStaff(role) ? "/overview" : "/portal";
}
