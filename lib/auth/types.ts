import type { Role } from "@/lib/domain/roles";

export type { Role };

/** Who is signed in, as carried by the session and re-checked against the database. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  clinicId: string;
  /** The patient record of a patient account; null for staff. */
  patientId: string | null;
};

/** A signed-in user making one request: what every data function needs to authorize and audit. */
export type Actor = SessionUser & { ip: string | null };

export const STAFF_ROLES = ["admin", "clinician"] as const satisfies readonly Role[];
