import "server-only";
import { and, asc, count, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { getDb, writeTransaction, type Reader } from "@/db";
import { users } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor, type Role } from "@/lib/auth/types";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation/common";
import type { StaffInviteInput, StaffListQuery, StaffUpdateInput } from "@/lib/validation/staff";
import { recordAudit } from "./audit";
import { emailInUse, insertStaffAccount } from "./internal/accounts";
import { burnPasswordLinks, issuePasswordLink } from "./internal/password-links";
import { clearMfa, endAllSignIns } from "./internal/sign-ins";
import { offsetOf, pageOf, type Page } from "./page";

export type StaffRole = (typeof STAFF_ROLES)[number];
export type StaffMember = { id: string; name: string; email: string; role: Role; active: boolean };

/** Far above any clinic's staff; a bound, so a picker can never turn into a dump of the users table. */
export const STAFF_LIST_MAX = 500;

const isStaffOf = (clinicId: string) => and(eq(users.clinicId, clinicId), inArray(users.role, [...STAFF_ROLES]));

/** The clinic's staff accounts (never its patients' portal accounts), for pickers such as the responsible clinician. */
export function listClinicStaff(actor: Actor, options: { role?: StaffRole } = {}): StaffMember[] {
  requireRole(actor, STAFF_ROLES);
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.clinicId, actor.clinicId), inArray(users.role, options.role ? [options.role] : [...STAFF_ROLES])))
    .orderBy(asc(users.name))
    .limit(STAFF_LIST_MAX)
    .all();
}

/** `invited`: the account has no password yet (a new invitation, or a reset waiting to be used). */
export type StaffStatus = "active" | "invited" | "deactivated";

export type StaffListItem = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  status: StaffStatus;
  lastSignInAt: string | null;
  mfaEnabled: boolean;
};

const itemColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: sql<StaffRole>`${users.role}`,
  status: sql<StaffStatus>`case when ${users.active} = 0 then 'deactivated' when ${users.passwordHash} is null then 'invited' else 'active' end`,
  lastSignInAt: users.lastLoginAt,
  mfaEnabled: sql<boolean>`${users.mfaEnabledAt} is not null`.mapWith(Boolean),
};

/** The admin's own clinic's staff, by name, a page at a time (users_clinic_role_name_idx skips the patients' accounts). */
export function listStaff(actor: Actor, query: StaffListQuery): Page<StaffListItem> {
  requireRole(actor, ["admin"]);
  const db = getDb();
  const where = isStaffOf(actor.clinicId);
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const items = db.select(itemColumns).from(users).where(where).orderBy(asc(users.name), asc(users.id)).limit(query.pageSize).offset(offsetOf(query)).all();
  return pageOf(items, total, query);
}

const STAFF_NOT_FOUND = "Staff member not found.";
/** The same words whoever holds the email (this clinic, another clinic, a patient): nothing is revealed. */
export const STAFF_EMAIL_UNAVAILABLE = "This email cannot be used for a new account. Use another address, or find the person in your staff list.";

/** A staff member of the admin's clinic; anything else (another clinic, a patient's account, no such id) is 404, audited. */
function requireStaffMember(actor: Actor, staffId: string): void {
  const found = uuidSchema.safeParse(staffId).success && getDb().select({ id: users.id }).from(users).where(and(eq(users.id, staffId), isStaffOf(actor.clinicId))).get();
  if (found) return;
  recordAudit(getDb(), { action: "staff.access_denied", outcome: "denied", actor, detail: { requestedId: staffId.slice(0, 100) } });
  throw new NotFoundError(STAFF_NOT_FOUND);
}

const memberState = (db: Reader, staffId: string) =>
  db
    .select({ ...itemColumns, active: users.active, hadPassword: sql<boolean>`(${users.passwordHash} is not null or ${users.passwordChangedAt} is not null)`.mapWith(Boolean) })
    .from(users)
    .where(eq(users.id, staffId))
    .get()!;
const toItem = (m: ReturnType<typeof memberState>): StaffListItem => ({
  id: m.id,
  name: m.name,
  email: m.email,
  role: m.role,
  status: m.status,
  lastSignInAt: m.lastSignInAt,
  mfaEnabled: m.mfaEnabled,
});

/** Creates an account with no password and its one-time staff invitation link (72 hours). */
export function inviteStaff(actor: Actor, input: StaffInviteInput, now = new Date()): { id: string; token: string; expiresAt: string } {
  requireRole(actor, ["admin"]);
  try {
    return writeTransaction((tx) => {
      if (emailInUse(tx, input.email)) throw new ConflictError(STAFF_EMAIL_UNAVAILABLE, undefined, [{ path: "email", message: STAFF_EMAIL_UNAVAILABLE }]);
      const id = insertStaffAccount(tx, { ...input, clinicId: actor.clinicId, passwordHash: null });
      const { token, expiresAt } = issuePasswordLink(tx, { userId: id, purpose: "staff_invite", createdBy: actor.id }, now);
      recordAudit(tx, { action: "staff.invite", outcome: "success", actor, detail: { userId: id, before: null, after: { ...input, status: "invited" }, expiresAt } });
      return { id, token, expiresAt };
    });
  } catch (error) {
    // Recorded outside the transaction that rolled back; the reason stays in this clinic's own trail.
    if (error instanceof ConflictError) recordAudit(getDb(), { action: "staff.invite", outcome: "failure", actor, detail: { email: input.email, reason: "email_unavailable" } });
    throw error;
  }
}

/**
 * Changes a staff member's role and/or whether they can sign in. A role change or a deactivation ends
 * every session they hold on their next request; deactivation also voids their unused links. Nobody
 * deactivates or demotes themself, and the clinic always keeps an active admin who can sign in
 * (checked inside the write lock, so two admins demoting each other cannot both succeed).
 */
export function updateStaff(actor: Actor, staffId: string, input: StaffUpdateInput, now = new Date()): StaffListItem {
  requireRole(actor, ["admin"]);
  requireStaffMember(actor, staffId);
  if (staffId === actor.id && input.active === false) {
    throw new ValidationError("You cannot deactivate your own account; ask another admin.", [{ path: "active", message: "You cannot deactivate your own account." }]);
  }
  if (staffId === actor.id && input.role !== undefined && input.role !== "admin") {
    throw new ValidationError("You cannot change your own role; ask another admin.", [{ path: "role", message: "You cannot change your own role." }]);
  }
  return writeTransaction((tx) => {
    const before = memberState(tx, staffId);
    const after = { role: input.role ?? before.role, active: input.active ?? before.active };
    if (after.role === before.role && after.active === before.active) return toItem(before);
    const losesAdmin = before.role === "admin" && before.active && (after.role !== "admin" || !after.active);
    if (losesAdmin && otherSignInAdmins(tx, actor.clinicId, staffId) === 0) {
      throw new ConflictError(`${before.name} is your clinic's last active admin. Make someone else an admin first.`);
    }
    const at = now.toISOString();
    tx.update(users).set({ role: after.role, active: after.active, updatedAt: at }).where(eq(users.id, staffId)).run();
    const sessionsEnded = !after.active || after.role !== before.role;
    if (sessionsEnded) endAllSignIns(tx, staffId, after.active ? "role_changed" : "deactivated", now);
    if (!after.active) burnPasswordLinks(tx, staffId, now);
    recordAudit(tx, {
      action: "staff.update",
      outcome: "success",
      actor,
      detail: { userId: staffId, email: before.email, before: { role: before.role, active: before.active }, after, sessionsEnded },
    });
    return toItem(memberState(tx, staffId));
  });
}

/** Active admins of the clinic, other than `exceptId`, who have a password and so can sign in. */
function otherSignInAdmins(db: Reader, clinicId: string, exceptId: string): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.clinicId, clinicId), eq(users.role, "admin"), eq(users.active, true), isNotNull(users.passwordHash), ne(users.id, exceptId)))
      .get()?.n ?? 0
  );
}

/**
 * Replaces a staff member's password with a one-time link: the old password stops working, every
 * session ends, earlier links are voided. Two-factor sign-in, if on, stays on.
 */
export function resetStaffPassword(actor: Actor, staffId: string, now = new Date()): { token: string; expiresAt: string } {
  requireRole(actor, ["admin"]);
  requireStaffMember(actor, staffId);
  if (staffId === actor.id) throw new ValidationError("Change your own password from your account menu; a reset would sign you out.");
  return writeTransaction((tx) => {
    const before = memberState(tx, staffId);
    if (!before.active) throw new ConflictError(`${before.name}'s account is deactivated. Reactivate it before resetting the password.`);
    tx.update(users).set({ passwordHash: null, updatedAt: now.toISOString() }).where(eq(users.id, staffId)).run();
    endAllSignIns(tx, staffId, "password_reset", now);
    // Someone who never set a password gets a fresh invitation; anyone else a reset.
    const purpose = before.hadPassword ? "password_reset" : "staff_invite";
    const link = issuePasswordLink(tx, { userId: staffId, purpose, createdBy: actor.id }, now);
    recordAudit(tx, {
      action: "staff.password_reset",
      outcome: "success",
      actor,
      detail: { userId: staffId, email: before.email, before: { passwordSet: before.status !== "invited" }, after: { passwordSet: false }, purpose, expiresAt: link.expiresAt, sessionsEnded: true },
    });
    return link;
  });
}

/** Turns a staff member's two-factor sign-in off (a lost phone); they may enrol again after signing in. */
export function resetStaffMfa(actor: Actor, staffId: string, now = new Date()): StaffListItem {
  requireRole(actor, ["admin"]);
  requireStaffMember(actor, staffId);
  // Turning one's own off needs a code (DELETE /api/me/mfa); this route must not be a way around it.
  if (staffId === actor.id) throw new ValidationError("Turn off your own two-factor sign-in from your account menu; it asks for a code.");
  return writeTransaction((tx) => {
    const before = memberState(tx, staffId);
    clearMfa(tx, staffId, now);
    recordAudit(tx, {
      action: "staff.mfa_reset",
      outcome: "success",
      actor,
      detail: { userId: staffId, email: before.email, before: { mfaEnabled: before.mfaEnabled }, after: { mfaEnabled: false } },
    });
    return toItem(memberState(tx, staffId));
  });
}
