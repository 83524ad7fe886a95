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

const PLACEHOLDER_ORIGIN = "https://dermaplan.invalid";

/**
 * Only a same-origin path may be a post-login destination. The value is resolved the way a browser
 * would (`new URL`), so tricks a prefix check misses (a tab or newline between the slashes, which URL
 * parsing strips, a backslash, an encoded scheme) land on another origin and are refused; control
 * characters are refused outright.
 */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  // A path that normalises to "//host" ("/..//evil") would be read as another origin once followed.
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith("//")) return null;
  if (url.pathname.startsWith("/login") || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function homePathFor(role: Role): string {
  return isStaff(role) ? "/overview" : "/portal";
}
