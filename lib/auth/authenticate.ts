import "server-only";
import { recordAudit } from "@/lib/data/audit";
import { writeTransaction } from "@/db";
import { beginSignInAttempt, settleSignInAttempt } from "@/lib/data/throttle";
import { findLoginCandidate, recordSuccessfulLogin } from "@/lib/data/users";
import { loginSchema } from "@/lib/validation/auth";
import { burnPasswordCheck, verifyPassword } from "./password";
import { reportThrottled } from "./throttle";
import type { SessionUser } from "./types";

export type AuthenticatedUser = SessionUser & { sessionVersion: number };

/**
 * Checks credentials and audits the attempt either way. Every failure looks the same to the
 * caller (unknown email, wrong password, disabled), so accounts cannot be enumerated.
 *
 * Throttling (lib/data/throttle.ts): the attempt is counted as a failure for its address and for its
 * email from that address *before* the password is checked, so parallel guesses cannot outrun the
 * limits; a blocked attempt is refused unchecked (and reported for the 429). Only a success, or a
 * correct password awaiting its second factor, takes the count back.
 */
export async function authenticate(
  credentials: unknown,
  ip: string | null,
  now = new Date(),
): Promise<AuthenticatedUser | null> {
  const parsed = loginSchema.safeParse(credentials);
  const email = parsed.success ? parsed.data.email : null;
  const candidate = parsed.success ? findLoginCandidate(parsed.data.email) : undefined;

  const verdict = beginSignInAttempt(ip, email, now);
  const attempt = verdict.allowed ? verdict.attempt : null;
  type Who = { id: string; role: SessionUser["role"]; clinicId: string };
  // The failure, its count and any block it starts commit together, so a block is never unexplained.
  const fail = (reason: string, user?: Who) => {
    writeTransaction((tx) => {
      if (attempt) settleSignInAttempt(tx, attempt, "failed", now);
      recordAudit(tx, { action: "auth.sign_in", outcome: "failure", actor: user ? { ...user, ip } : null, ip, detail: { reason, email: email ?? undefined } });
    });
    return null;
  };
  if (!verdict.allowed) {
    reportThrottled(verdict.retryAfterS);
    return fail("throttled", candidate);
  }
  if (!parsed.success) return fail("invalid_input");

  if (!candidate || !candidate.passwordHash) {
    await burnPasswordCheck(parsed.data.password);
    return fail(candidate ? "no_password_set" : "unknown_email", candidate);
  }
  if (!(await verifyPassword(candidate.passwordHash, parsed.data.password))) return fail("wrong_password", candidate);

  // Second factor: checked here, after the password and before anything reveals the account's state.
  // A wrong code is a failure like a wrong password: `return fail("wrong_code", candidate)` keeps it
  // counted. A missing code is not a failure: settle it first, then ask for the code:
  //   writeTransaction((tx) => settleSignInAttempt(tx, verdict.attempt, "password_correct", now));

  if (!candidate.active) return fail("inactive", candidate);

  writeTransaction((tx) => {
    settleSignInAttempt(tx, verdict.attempt, "signed_in", now);
    recordSuccessfulLogin(tx, candidate.id, now);
    recordAudit(tx, { action: "auth.sign_in", outcome: "success", actor: { ...candidate, ip } });
  });
  return {
    id: candidate.id,
    email: candidate.email,
    name: candidate.name,
    role: candidate.role,
    clinicId: candidate.clinicId,
    patientId: candidate.patientId,
    sessionVersion: candidate.sessionVersion,
  };
}
