import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { patients, users } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { hashPassword } from "@/lib/auth/password";
import { assertPasswordAllowed } from "@/lib/auth/password-policy";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { ConflictError, ValidationError } from "@/lib/errors";
import { LINK_UNUSABLE_MESSAGE, passwordLinkTokenSchema } from "@/lib/validation/password-link";
import { recordAudit } from "./audit";
import { findUsableLink, issuePasswordLink, LINK_VALID_HOURS, spendPasswordLink, type LinkPurpose } from "./internal/password-links";

/**
 * Set-password links for every account: a patient's portal invite (here), a staff invite or reset
 * (lib/data/staff.ts). All are made by lib/data/internal/password-links.ts and accepted by
 * `acceptInvite`, the one public way to set a password from a link.
 */
/** The same words whichever account (and clinic) holds the address: nothing about other clinics leaks. */
export const INVITE_EMAIL_UNAVAILABLE = "This email cannot be used for a portal account. Ask the patient for another address.";

export const INVITE_VALID_HOURS = LINK_VALID_HOURS;

export type PortalInvite = { token: string; expiresAt: string; email: string };

/**
 * Creates (or re-uses) the patient's portal account and a one-time set-password token, valid 72 hours.
 * Only the token's hash is stored; earlier unused links for the account stop working.
 */
export function createPortalInvite(actor: Actor, patientId: string, email: string, now = new Date()): PortalInvite {
  requireRole(actor, STAFF_ROLES);
  const scope = requirePatientAccess(actor, patientId);
  return writeTransaction((tx) => {
    const patient = tx.select({ name: patients.name, userId: patients.userId }).from(patients).where(eq(patients.id, scope.id)).get()!;
    let userId = patient.userId;
    if (userId) {
      const account = tx.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get()!;
      if (account.passwordHash) throw new ConflictError("This patient already has an active portal account.");
      if (account.email !== email) {
        if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
          throw new ConflictError(INVITE_EMAIL_UNAVAILABLE, undefined, [{ path: "email", message: INVITE_EMAIL_UNAVAILABLE }]);
        }
        tx.update(users).set({ email, updatedAt: now.toISOString() }).where(eq(users.id, userId)).run();
      }
    } else {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
        throw new ConflictError(INVITE_EMAIL_UNAVAILABLE, undefined, [{ path: "email", message: INVITE_EMAIL_UNAVAILABLE }]);
      }
      userId = tx.insert(users).values({ email, name: patient.name, role: "patient", clinicId: scope.clinicId }).returning({ id: users.id }).get().id;
      tx.update(patients).set({ userId, updatedAt: now.toISOString() }).where(eq(patients.id, scope.id)).run();
    }
    const { token, expiresAt } = issuePasswordLink(tx, { userId, patientId: scope.id, purpose: "portal_invite", createdBy: actor.id }, now);
    recordAudit(tx, { action: "patient.invite", outcome: "success", actor, patientId: scope.id, detail: { email, expiresAt } });
    return { token, expiresAt, email };
  });
}

export type InviteState = { valid: true; name: string; email: string; purpose: LinkPurpose } | { valid: false };

/** Whether a set-password link can still be used; no sign-in needed, nothing revealed when not. */
export function checkInvite(token: unknown, now = new Date()): InviteState {
  const parsed = passwordLinkTokenSchema.safeParse(token);
  const link = parsed.success ? findUsableLink(getDb(), parsed.data, now) : undefined;
  return link ? { valid: true, name: link.name, email: link.email, purpose: link.purpose } : { valid: false };
}

/**
 * Sets the account's password from a valid link and spends the link, in one transaction. The link is
 * looked up before the (deliberately slow) hash, so a bad link costs nothing; a malformed token, an
 * unknown, spent or expired link and a disabled account all get the same answer.
 */
export async function acceptInvite(token: unknown, password: string, ip: string | null, now = new Date()): Promise<{ email: string }> {
  const parsed = passwordLinkTokenSchema.safeParse(token);
  const link = parsed.success ? findUsableLink(getDb(), parsed.data, now) : undefined;
  if (!link) throw new ValidationError(LINK_UNUSABLE_MESSAGE);
  assertPasswordAllowed(password);
  const passwordHash = await hashPassword(password);
  return writeTransaction((tx) => {
    if (!spendPasswordLink(tx, link.id, now)) throw new ValidationError(LINK_UNUSABLE_MESSAGE);
    const at = now.toISOString();
    const user = tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: at, failedLoginCount: 0, lockedUntil: null, updatedAt: at })
      .where(and(eq(users.id, link.userId), eq(users.active, true)))
      .returning({ email: users.email, role: users.role, clinicId: users.clinicId })
      .get();
    if (!user) throw new ValidationError(LINK_UNUSABLE_MESSAGE);
    recordAudit(tx, {
      action: link.purpose === "portal_invite" ? "patient.invite_accept" : "staff.password_set",
      outcome: "success",
      actor: { id: link.userId, role: user.role, clinicId: user.clinicId, ip },
      patientId: link.patientId,
      detail: link.purpose === "portal_invite" ? undefined : { purpose: link.purpose },
    });
    return { email: user.email };
  });
}
