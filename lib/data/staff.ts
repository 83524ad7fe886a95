import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor, type Role } from "@/lib/auth/types";

export type StaffMember = { id: string; name: string; email: string; role: Role; active: boolean };

/** The clinic's staff accounts, for pickers (responsible clinician, audit actor filter). */
export function listClinicStaff(actor: Actor, options: { role?: Role } = {}): StaffMember[] {
  requireRole(actor, STAFF_ROLES);
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.clinicId, actor.clinicId), options.role ? eq(users.role, options.role) : undefined))
    .orderBy(asc(users.name))
    .all()
    .filter((u) => u.role !== "patient" || options.role === "patient");
}
