import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor, type Role } from "@/lib/auth/types";

export type StaffMember = { id: string; name: string; email: string; role: Role; active: boolean };

/** Far above any clinic's staff; a bound, so a picker can never turn into a dump of the users table. */
export const STAFF_LIST_MAX = 500;

/** The clinic's staff accounts (never its patients' portal accounts), for pickers such as the responsible clinician. */
export function listClinicStaff(actor: Actor, options: { role?: (typeof STAFF_ROLES)[number] } = {}): StaffMember[] {
  requireRole(actor, STAFF_ROLES);
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.clinicId, actor.clinicId), inArray(users.role, options.role ? [options.role] : [...STAFF_ROLES])))
    .orderBy(asc(users.name))
    .limit(STAFF_LIST_MAX)
    .all();
}
