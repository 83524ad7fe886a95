import "server-only";
import { recordAudit } from "@/lib/data/audit";
import { writeTransaction } from "@/db";
import { verifySecondFactorForSignIn as verifySecondFactor } from "@/lib/data/mfa";
import { beginSignInAttempt, settleSignInAttempt } from "@/lib/data/throttle";
import { findLoginCandidate, recordSuccessfulLogin } from "@/lib/data/users";
import { MFA_REQUIRED } from "@/lib/domain/sign-in";
import { loginSchema } from "@/lib/validation/auth";
import { burnPasswordCheck, verifyPassword } from "./password";
import { reportThrottled } from "./throttle";
import type { SessionUser } from "./types";

export type AuthenticatedUser = SessionUser & { sessionVersion: number; ip: string | null };

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
  // A known account's failure lands in its clinic's trail. One that names no account has no clinic:
  // lib/data/audit-log.ts shows those to every clinic's admin, marked "no such account".
  // The typed address is kept whole, as the schema normalised it (trimmed, lower-case, a valid address,
  // so never a password typed into the wrong box): a masked or hashed one cannot show an admin the typo
  // of a user who cannot sign in ("rivera@nortside.test"), nor which names a credential-stuffing list
  // tries. It is an address that matches no account, behind the same admin-only, append-only trail.
  const fail = (reason: string, user?: Who) => {
    writeTransaction((tx) => {
      if (attempt) settleSignInAttempt(tx, attempt, "failed", now);
      recordAudit(tx, {
        action: "auth.sign_in",
        outcome: "failure",
        actor: user ? { ...user, ip } : null,
        clinicId: user?.clinicId ?? null,
        ip,
        detail: { reason, email: email ?? undefined },
      });
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

  // Second factor, after the password and before anything reveals the account's state. A missing or
  // wrong code is a failed attempt, counted like a wrong password; a missing one also tells the form to
  // ask for the code (the password was right).
  let secondFactor: "totp" | "recovery_code" | undefined;
  if (candidate.mfaEnabled) {
    const code = parsed.data.code;
    if (!code) {
      fail("mfa_code_missing", candidate);
      throw new Error(MFA_REQUIRED);
    }
    const checked = writeTransaction((tx) => verifySecondFactor(tx, candidate.id, code, now));
    if (!checked.ok) return fail("wrong_code", candidate);
    secondFactor = checked.method;
  }

  if (!candidate.active) return fail("inactive", candidate);

  writeTransaction((tx) => {
    settleSignInAttempt(tx, verdict.attempt, "signed_in", now);
    recordSuccessfulLogin(tx, candidate.id, now);
    recordAudit(tx, { action: "auth.sign_in", outcome: "success", actor: { ...candidate, ip }, detail: secondFactor ? { secondFactor } : undefined });
  });
  return {
    id: candidate.id,
    email: candidate.email,
    name: candidate.name,
    role: candidate.role,
    clinicId: candidate.clinicId,
    patientId: candidate.patientId,
    sessionVersion: candidate.sessionVersion,
    ip,
  };
}
