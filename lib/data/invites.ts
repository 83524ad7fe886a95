import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { patients, portalInvites, users } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { hashPassword } from "@/lib/auth/password";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { ConflictError, ValidationError } from "@/lib/errors";
import { recordAudit } from "./audit";

export const INVITE_VALID_HOURS = 72;

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export type PortalInvite = { token: string; expiresAt: string; email: string };

/**
 * Creates (or re-uses) the patient's portal account and a one-time set-password token, valid 72 hours.
 * Only the token's hash is stored; earlier unused links for the patient stop working.
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
          throw new ConflictError(`The email ${email} already belongs to another account.`);
        }
        tx.update(users).set({ email, updatedAt: now.toISOString() }).where(eq(users.id, userId)).run();
      }
    } else {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
        throw new ConflictError(`The email ${email} already belongs to another account.`);
      }
      userId = tx.insert(users).values({ email, name: patient.name, role: "patient", clinicId: scope.clinicId }).returning({ id: users.id }).get().id;
      tx.update(patients).set({ userId, updatedAt: now.toISOString() }).where(eq(patients.id, scope.id)).run();
    }
    tx.update(portalInvites)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(portalInvites.patientId, scope.id), isNull(portalInvites.usedAt)))
      .run();
    const token = crypto.randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + INVITE_VALID_HOURS * 3_600_000).toISOString();
    tx.insert(portalInvites).values({ patientId: scope.id, userId, tokenHash: hashToken(token), expiresAt, createdBy: actor.id }).run();
    recordAudit(tx, { action: "patient.invite", outcome: "success", actor, patientId: scope.id, detail: { email, expiresAt } });
    return { token, expiresAt, email };
  });
}

export type InviteState = { valid: true; name: string; email: string } | { valid: false };

/** Whether a set-password link can still be used; no sign-in needed, nothing revealed when not. */
export function checkInvite(token: string, now = new Date()): InviteState {
  const row = getDb()
    .select({ expiresAt: portalInvites.expiresAt, usedAt: portalInvites.usedAt, name: users.name, email: users.email })
    .from(portalInvites)
    .innerJoin(users, eq(users.id, portalInvites.userId))
    .where(eq(portalInvites.tokenHash, hashToken(token)))
    .get();
  if (!row || row.usedAt || row.expiresAt <= now.toISOString()) return { valid: false };
  return { valid: true, name: row.name, email: row.email };
}

/** Sets the patient's password from a valid link and burns the link, in one transaction. */
export async function acceptInvite(token: string, password: string, ip: string | null, now = new Date()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return writeTransaction((tx) => {
    const invite = tx
      .select({ id: portalInvites.id, userId: portalInvites.userId, patientId: portalInvites.patientId, expiresAt: portalInvites.expiresAt, usedAt: portalInvites.usedAt })
      .from(portalInvites)
      .where(eq(portalInvites.tokenHash, hashToken(token)))
      .get();
    if (!invite || invite.usedAt || invite.expiresAt <= now.toISOString()) {
      throw new ValidationError("This link has expired or was already used. Ask your clinic for a new one.");
    }
    tx.update(portalInvites).set({ usedAt: now.toISOString() }).where(eq(portalInvites.id, invite.id)).run();
    const user = tx
      .update(users)
      .set({ passwordHash, active: true, failedLoginCount: 0, lockedUntil: null, updatedAt: now.toISOString() })
      .where(eq(users.id, invite.userId))
      .returning({ email: users.email, clinicId: users.clinicId })
      .get()!;
    recordAudit(tx, {
      action: "patient.invite_accept",
      outcome: "success",
      actor: { id: invite.userId, role: "patient", clinicId: user.clinicId, ip },
      patientId: invite.patientId,
    });
    return { email: user.email };
  });
}
