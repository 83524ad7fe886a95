import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { mfaRecoveryCodes, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { matchTotp, newTotpSecret, otpauthUri } from "@/lib/auth/totp";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { ConflictError, ValidationError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { clearMfa } from "./internal/sign-ins";
import { issueRecoveryCodes, sealTotpSecret, unsealTotpSecret, verifySecondFactor } from "./internal/mfa";

/**
 * The sign-in's second-factor check (authentication itself, so no Actor yet): a current code or an
 * unused recovery code, spent in the caller's transaction.
 */
export { verifySecondFactor as verifySecondFactorForSignIn } from "./internal/mfa";

export type MfaStatus = { enabled: boolean; enabledAt: string | null; pending: boolean; recoveryCodesLeft: number };
export type MfaEnrolment = { secret: string; otpauthUri: string };

const wrongCode = () => new ValidationError("That code is not right. Enter the current code from your app.", [{ path: "code", message: "That code is not right." }]);

export function getMfaStatus(actor: Actor): MfaStatus {
  requireRole(actor, STAFF_ROLES);
  const db = getDb();
  const user = db.select({ enabledAt: users.mfaEnabledAt, pending: users.mfaPendingSecret }).from(users).where(eq(users.id, actor.id)).get()!;
  const left = db
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, actor.id), isNull(mfaRecoveryCodes.usedAt)))
    .get()!.n;
  return { enabled: user.enabledAt !== null, enabledAt: user.enabledAt, pending: user.pending !== null, recoveryCodesLeft: left };
}

/** Starts (or restarts) enrolment: a new secret waits, unconfirmed, until a code from it is entered. */
export function startMfaEnrolment(actor: Actor): MfaEnrolment {
  requireRole(actor, STAFF_ROLES);
  const secret = newTotpSecret();
  writeTransaction((tx) => {
    const user = tx.select({ enabledAt: users.mfaEnabledAt }).from(users).where(eq(users.id, actor.id)).get()!;
    if (user.enabledAt) throw new ConflictError("Two-factor sign-in is already on. Turn it off first to move it to another device.");
    tx.update(users).set({ mfaPendingSecret: sealTotpSecret(secret), updatedAt: new Date().toISOString() }).where(eq(users.id, actor.id)).run();
    recordAudit(tx, { action: "mfa.enrol_start", outcome: "success", actor });
  });
  return { secret, otpauthUri: otpauthUri(secret, actor.email) };
}

/** The enrolment waiting for its code, for the page that shows its QR code; null when none. */
export function pendingMfaEnrolment(actor: Actor): MfaEnrolment | null {
  requireRole(actor, STAFF_ROLES);
  const sealed = getDb().select({ pending: users.mfaPendingSecret }).from(users).where(eq(users.id, actor.id)).get()?.pending;
  const secret = sealed ? unsealTotpSecret(sealed) : null;
  return secret ? { secret, otpauthUri: otpauthUri(secret, actor.email) } : null;
}

/** A current code from the new secret turns two-factor on and issues ten recovery codes, shown once. */
export function confirmMfaEnrolment(actor: Actor, code: string, now = new Date()): { recoveryCodes: string[] } {
  requireRole(actor, STAFF_ROLES);
  try {
    return writeTransaction((tx) => {
      const user = tx.select({ pending: users.mfaPendingSecret, enabledAt: users.mfaEnabledAt }).from(users).where(eq(users.id, actor.id)).get()!;
      if (user.enabledAt) throw new ConflictError("Two-factor sign-in is already on.");
      const secret = user.pending ? unsealTotpSecret(user.pending) : null;
      if (!secret) throw new ConflictError("Start the set-up again: there is no enrolment waiting for a code.");
      const step = /^\d{6}$/.test(code) ? matchTotp(secret, code, now.getTime()) : null;
      if (step === null) throw wrongCode();
      tx.update(users)
        .set({ mfaSecret: user.pending, mfaPendingSecret: null, mfaEnabledAt: now.toISOString(), mfaLastStep: step, updatedAt: now.toISOString() })
        .where(eq(users.id, actor.id))
        .run();
      const recoveryCodes = issueRecoveryCodes(tx, actor.id);
      recordAudit(tx, { action: "mfa.enable", outcome: "success", actor });
      return { recoveryCodes };
    });
  } catch (error) {
    // The refusal is audited outside the rolled-back transaction.
    if (error instanceof ValidationError) recordAudit(getDb(), { action: "mfa.enable", outcome: "failure", actor, detail: { reason: "wrong_code" } });
    throw error;
  }
}

/** Turning two-factor off takes a current code (or a recovery code), as proof the person holds it. */
export function disableMfa(actor: Actor, code: string, now = new Date()): void {
  requireRole(actor, STAFF_ROLES);
  try {
    writeTransaction((tx) => {
      const user = tx.select({ enabledAt: users.mfaEnabledAt }).from(users).where(eq(users.id, actor.id)).get()!;
      if (!user.enabledAt) throw new ConflictError("Two-factor sign-in is not on.");
      if (!verifySecondFactor(tx, actor.id, code, now).ok) throw wrongCode();
      clearMfa(tx, actor.id, now);
      recordAudit(tx, { action: "mfa.disable", outcome: "success", actor });
    });
  } catch (error) {
    if (error instanceof ValidationError) recordAudit(getDb(), { action: "mfa.disable", outcome: "failure", actor, detail: { reason: "wrong_code" } });
    throw error;
  }
}
