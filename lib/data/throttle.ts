import "server-only";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import { getDb, writeTransaction, type Reader, type Tx } from "@/db";
import { signInThrottle, users } from "@/db/schema";
import {
  accountKey,
  addressKey,
  describeKey,
  isExpired,
  retryAfterSeconds,
  THROTTLE_WINDOW_MS,
  withFailure,
  type ThrottleScope,
  type ThrottleState,
} from "@/lib/auth/throttle-policy";
import { recordAudit } from "./audit";

/**
 * Failed sign-in counters (rules in lib/auth/throttle-policy.ts). An attempt is counted as a failure
 * *before* its password is checked, inside one IMMEDIATE transaction with the check of the blocks, so
 * parallel attempts queue on the write lock and each sees the others' counts: no more attempts reach
 * the password check than the limits allow. Once its outcome is known the attempt is settled: a
 * failure confirms the count (and audits any block it started), a success takes the count back.
 *
 * A stored `blockedUntil` always means a block whose end is not audited yet: a block found ended is
 * cleared (and its end audited) before anything else reads the counter.
 */

type Reserved = { key: string; scope: ThrottleScope; blockedNow: string | null };

/** What an allowed attempt added to the counters, for settleSignInAttempt. */
export type SignInAttempt = { reserved: Reserved[] };

export type AttemptVerdict = { allowed: true; attempt: SignInAttempt } | { allowed: false; retryAfterS: number };

export type AttemptOutcome =
  /** Refused after the check (wrong password or code, unknown email, disabled account): the count stands. */
  | "failed"
  /** The password was right and a second factor is still to come: not a failure, not yet a success. */
  | "password_correct"
  /** Signed in: the address's count is taken back and the account's counter for this address cleared. */
  | "signed_in";

/**
 * Checks the address's and the email's blocks and, when neither stands, counts the attempt as a failure
 * of both before its password is checked. Settle an allowed attempt with settleSignInAttempt.
 */
export function beginSignInAttempt(ip: string | null, email: string | null, now = new Date()): AttemptVerdict {
  return writeTransaction((tx) => {
    sweepIfDue(tx, now);
    const address = { key: addressKey(ip), scope: "address" as const };
    const addressState = liveState(tx, address.key, now);
    const addressWait = retryAfterSeconds(addressState, now);
    if (addressWait > 0) return { allowed: false, retryAfterS: addressWait };

    const account = email ? { key: accountKey(email, ip), scope: "account" as const } : null;
    const accountState = account ? liveState(tx, account.key, now) : null;
    const accountWait = retryAfterSeconds(accountState, now);
    if (accountWait > 0) {
      // A refusal is a failed sign-in from this address, so a blocked account cannot be hammered for free.
      const counted = countFailure(tx, address, addressState, now);
      if (counted.blockedUntil) auditThrottle(tx, address.key, counted, now);
      return { allowed: false, retryAfterS: Math.max(accountWait, retryAfterSeconds(counted, now)) };
    }
    const reserved: Reserved[] = [{ ...address, blockedNow: countFailure(tx, address, addressState, now).blockedUntil }];
    if (account) reserved.push({ ...account, blockedNow: countFailure(tx, account, accountState, now).blockedUntil });
    return { allowed: true, attempt: { reserved } };
  });
}

/** Records how an allowed attempt ended; call inside the transaction that audits that outcome. */
export function settleSignInAttempt(tx: Tx, attempt: SignInAttempt, outcome: AttemptOutcome, now = new Date()): void {
  for (const { key, scope, blockedNow } of attempt.reserved) {
    const state = readState(tx, key);
    if (!state) continue;
    // The block this attempt started when it was counted, if it still stands.
    const ownBlock = blockedNow !== null && state.blockedUntil === blockedNow;
    if (outcome === "failed") {
      if (ownBlock) auditThrottle(tx, key, state, now);
    } else if (scope === "account" && outcome === "signed_in") {
      tx.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
      if (state.blockedUntil && !ownBlock) auditLift(tx, key, state.blockedUntil, outcome);
    } else {
      const failures = Math.max(0, state.failures - 1);
      const blockedUntil = ownBlock ? null : state.blockedUntil;
      if (failures === 0 && !blockedUntil) tx.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
      else writeState(tx, key, { ...state, failures, blockedUntil }, now);
    }
  }
}

/** Seconds before this address may try to sign in again; 0 when it may now. A read, for the fast 429. */
export function addressRetryAfterS(ip: string | null, now = new Date()): number {
  const state = readState(getDb(), addressKey(ip));
  return state && !isExpired(state, now) ? retryAfterSeconds(state, now) : 0;
}

/** Deletes every counter that no longer counts, auditing the blocks that ended. */
export function sweepExpiredThrottles(tx: Tx, now = new Date()): number {
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const gone = tx
    .delete(signInThrottle)
    .where(
      and(
        lte(signInThrottle.windowStartedAt, cutoff),
        or(isNull(signInThrottle.blockedUntil), lte(signInThrottle.blockedUntil, now.toISOString())),
      ),
    )
    .returning({ key: signInThrottle.key, blockedUntil: signInThrottle.blockedUntil })
    .all();
  for (const row of gone) if (row.blockedUntil) auditLift(tx, row.key, row.blockedUntil, "expired");
  return gone.length;
}

// Once a minute per process: a full scan of a table that holds only the last 15 minutes' failures.
const SWEEP_EVERY_MS = 60_000;
let lastSweepAt = 0;
function sweepIfDue(tx: Tx, now: Date): void {
  if (Math.abs(now.getTime() - lastSweepAt) < SWEEP_EVERY_MS) return;
  lastSweepAt = now.getTime();
  sweepExpiredThrottles(tx, now);
}

function readState(db: Reader, key: string): ThrottleState | null {
  return (
    db
      .select({ failures: signInThrottle.failures, windowStartedAt: signInThrottle.windowStartedAt, blockedUntil: signInThrottle.blockedUntil })
      .from(signInThrottle)
      .where(eq(signInThrottle.key, key))
      .get() ?? null
  );
}

/** The counter as it stands now; one that no longer counts is deleted, a block that has ended is cleared. */
function liveState(tx: Tx, key: string, now: Date): ThrottleState | null {
  const state = readState(tx, key);
  if (!state) return null;
  if (isExpired(state, now)) {
    tx.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
    if (state.blockedUntil) auditLift(tx, key, state.blockedUntil, "expired");
    return null;
  }
  if (!state.blockedUntil || state.blockedUntil > now.toISOString()) return state;
  const cleared = { ...state, blockedUntil: null };
  writeState(tx, key, cleared, now);
  auditLift(tx, key, state.blockedUntil, "expired");
  return cleared;
}

function writeState(tx: Tx, key: string, state: ThrottleState, now: Date): void {
  const values = { ...state, updatedAt: now.toISOString() };
  tx.insert(signInThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: signInThrottle.key, set: values })
    .run();
}

function countFailure(tx: Tx, { key, scope }: { key: string; scope: ThrottleScope }, state: ThrottleState | null, now: Date): ThrottleState {
  const next = withFailure(scope, state, now);
  writeState(tx, key, next, now);
  return next;
}

/** Audit context of a key: the address (when known) and, for an account key, its clinic if it exists. */
function auditContext(tx: Tx, key: string) {
  const { scope, address, email } = describeKey(key);
  const clinicId = email ? (tx.select({ clinicId: users.clinicId }).from(users).where(eq(users.email, email)).get()?.clinicId ?? null) : null;
  return { ip: address === "unknown" ? null : address, clinicId, detail: { scope, address, ...(email ? { email } : {}) } };
}

function auditThrottle(tx: Tx, key: string, state: ThrottleState, now: Date): void {
  const { ip, clinicId, detail } = auditContext(tx, key);
  recordAudit(tx, {
    action: "auth.throttle",
    outcome: "denied",
    ip,
    clinicId,
    detail: { ...detail, failures: state.failures, blockedUntil: state.blockedUntil, retryAfterS: retryAfterSeconds(state, now) },
  });
}

function auditLift(tx: Tx, key: string, blockedUntil: string, reason: "expired" | "signed_in"): void {
  const { ip, clinicId, detail } = auditContext(tx, key);
  recordAudit(tx, { action: "auth.throttle_lifted", outcome: "success", ip, clinicId, detail: { ...detail, blockedUntil, reason } });
}
