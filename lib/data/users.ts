import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, preparedOnce, writeTransaction, type Tx } from "@/db";
import { patients, users } from "@/db/schema";
import type { Actor, SessionUser } from "@/lib/auth/types";
import { recordAudit } from "./audit";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginCandidate = SessionUser & {
  passwordHash: string | null;
  active: boolean;
  lockedUntil: string | null;
  sessionVersion: number;
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
    .select({ ...sessionColumns, passwordHash: users.passwordHash, lockedUntil: users.lockedUntil })
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

/** Counts a wrong password and locks the account at the limit; call inside the attempt's transaction. */
export function recordFailedLogin(tx: Tx, userId: string, now: Date): { locked: boolean } {
  const row = tx
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
    .where(eq(users.id, userId))
    .returning({ failedLoginCount: users.failedLoginCount })
    .get();
  const locked = (row?.failedLoginCount ?? 0) >= MAX_FAILED_LOGINS;
  if (locked) {
    const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
    tx.update(users).set({ lockedUntil: until, failedLoginCount: 0 }).where(eq(users.id, userId)).run();
  }
  return { locked };
}

export function recordSuccessfulLogin(tx: Tx, userId: string, now: Date): void {
  tx.update(users).set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now.toISOString() }).where(eq(users.id, userId)).run();
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
