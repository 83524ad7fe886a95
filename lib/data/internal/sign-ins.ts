import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, preparedOnce, type Tx } from "@/db";
import { mfaRecoveryCodes, patients, signInSessions, users } from "@/db/schema";
import { sessionExpiry } from "@/lib/auth/session-policy";

/**
 * Ends every session the user holds, on their very next request: the account's session version moves
 * on (tokens carry it) and every open sign-in row is marked revoked with the reason.
 */
export function endAllSignIns(tx: Tx, userId: string, reason: string, now = new Date()): void {
  const at = now.toISOString();
  tx.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: at })
    .where(eq(users.id, userId))
    .run();
  tx.update(signInSessions)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(signInSessions.userId, userId), isNull(signInSessions.revokedAt)))
    .run();
}

/** Turns two-factor sign-in off for the user: secret, pending enrolment and recovery codes all go. */
export function clearMfa(tx: Tx, userId: string, now = new Date()): void {
  tx.update(users)
    .set({ mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null, updatedAt: now.toISOString() })
    .where(eq(users.id, userId))
    .run();
  tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId)).run();
}

/** A new sign-in row: its id travels in the session token, and its end is fixed now. */
export function openSignIn(userId: string, ip: string | null, now = new Date()): { sid: string; expiresAt: string } {
  const expiresAt = sessionExpiry(now);
  const { id } = getDb()
    .insert(signInSessions)
    .values({ userId, ip, createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt })
    .returning({ id: signInSessions.id })
    .get();
  return { sid: id, expiresAt };
}

/** The account and the sign-in behind a session token, read on every authenticated request. */
export function signInState(sid: string) {
  return signInStateQuery().get({ sid });
}

const signInStateQuery = preparedOnce((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      clinicId: users.clinicId,
      patientId: patients.id,
      active: users.active,
      sessionVersion: users.sessionVersion,
      mfaEnabled: sql<boolean>`${users.mfaEnabledAt} is not null`.mapWith(Boolean),
      createdAt: signInSessions.createdAt,
      lastSeenAt: signInSessions.lastSeenAt,
      expiresAt: signInSessions.expiresAt,
      revokedAt: signInSessions.revokedAt,
    })
    .from(signInSessions)
    .innerJoin(users, eq(users.id, signInSessions.userId))
    .leftJoin(patients, eq(patients.userId, users.id))
    .where(eq(signInSessions.id, sql.placeholder("sid")))
    .prepare(),
);

export function touchSignIn(sid: string, now = new Date()): void {
  getDb().update(signInSessions).set({ lastSeenAt: now.toISOString() }).where(eq(signInSessions.id, sid)).run();
}

/** Ends one sign-in (sign-out, expiry, idle); true when it was still open. */
export function endSignIn(db: Pick<Tx, "update">, sid: string, reason: string, now = new Date()): boolean {
  const ended = db
    .update(signInSessions)
    .set({ revokedAt: now.toISOString(), revokedReason: reason })
    .where(and(eq(signInSessions.id, sid), isNull(signInSessions.revokedAt)))
    .returning({ id: signInSessions.id })
    .all();
  return ended.length === 1;
}

/** Ends every other sign-in of the user (a password change keeps the device that made it). */
export function endOtherSignIns(tx: Tx, userId: string, keepSid: string, reason: string, now = new Date()): void {
  tx.update(signInSessions)
    .set({ revokedAt: now.toISOString(), revokedReason: reason })
    .where(and(eq(signInSessions.userId, userId), ne(signInSessions.id, keepSid), isNull(signInSessions.revokedAt)))
    .run();
}
