import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, preparedOnce, writeTransaction, type Tx } from "@/db";
import { patients, users } from "@/db/schema";
import type { Actor, SessionUser } from "@/lib/auth/types";
import { recordAudit } from "./audit";

export type LoginCandidate = SessionUser & {
  passwordHash: string | null;
  active: boolean;
  sessionVersion: number;
  /** Two-factor sign-in is on: a code must follow the password. */
  mfaEnabled: boolean;
};

const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  clinicId: users.clinicId,
  patientId: patients.id,
  active: users.active,
  sessionVersion: users.sessionVersion,
};

export function findLoginCandidate(email: string): LoginCandidate | undefined {
  return getDb()
    .select({ ...sessionColumns, passwordHash: users.passwordHash, mfaEnabled: sql<boolean>`${users.mfaEnabledAt} is not null`.mapWith(Boolean) })
    .from(users)
    .leftJoin(patients, eq(patients.userId, users.id))
    .where(eq(users.email, email))
    .get();
}

export type SessionState = SessionUser & { active: boolean; sessionVersion: number };

/** The current account state behind a session token; read on every authenticated request. */
export function getSessionState(userId: string): SessionState | undefined {
  return sessionStateQuery().get({ userId });
}

const sessionStateQuery = preparedOnce((db) =>
  db.select(sessionColumns).from(users).leftJoin(patients, eq(patients.userId, users.id)).where(eq(users.id, sql.placeholder("userId"))).prepare(),
);

/**
 * Failed sign-ins are counted per address and per account and address (lib/data/throttle.ts), never
 * per account alone: an account-wide lock would let anyone lock a clinician out. The old
 * users.failed_login_count and users.locked_until columns are no longer read or written.
 */
export function recordSuccessfulLogin(tx: Tx, userId: string, now: Date): void {
  tx.update(users).set({ lastLoginAt: now.toISOString() }).where(eq(users.id, userId)).run();
}

/** Revokes every session the actor holds, on every device. */
export function revokeAllSessions(actor: Actor): void {
  writeTransaction((tx) => {
    tx.update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, actor.id))
      .run();
    recordAudit(tx, { action: "auth.sign_out_everywhere", outcome: "success", actor });
  });
}
