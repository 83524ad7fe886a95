import "server-only";
import { recordAudit } from "@/lib/data/audit";
import { getDb, writeTransaction } from "@/db";
import { findLoginCandidate, recordFailedLogin, recordSuccessfulLogin } from "@/lib/data/users";
import { loginSchema } from "@/lib/validation/auth";
import { burnPasswordCheck, verifyPassword } from "./password";
import type { SessionUser } from "./types";

export type AuthenticatedUser = SessionUser & { sessionVersion: number };

/**
 * Checks credentials and audits the attempt either way. Every failure looks the same to the
 * caller (unknown email, wrong password, locked, disabled), so accounts cannot be enumerated.
 */
export async function authenticate(
  credentials: unknown,
  ip: string | null,
  now = new Date(),
): Promise<AuthenticatedUser | null> {
  const parsed = loginSchema.safeParse(credentials);
  type Who = { id: string; role: SessionUser["role"]; clinicId: string };
  const fail = (reason: string, user?: Who, tx: Pick<ReturnType<typeof getDb>, "insert"> = getDb()) => {
    recordAudit(tx, {
      action: "auth.sign_in",
      outcome: "failure",
      actor: user ? { ...user, ip } : null,
      ip,
      detail: { reason, email: parsed.success ? parsed.data.email : undefined },
    });
    return null;
  };
  if (!parsed.success) return fail("invalid_input");

  const candidate = findLoginCandidate(parsed.data.email);
  if (!candidate || !candidate.passwordHash) {
    await burnPasswordCheck(parsed.data.password);
    return fail(candidate ? "no_password_set" : "unknown_email", candidate);
  }
  if (candidate.lockedUntil && candidate.lockedUntil > now.toISOString()) {
    await burnPasswordCheck(parsed.data.password);
    return fail("locked", candidate);
  }
  if (!(await verifyPassword(candidate.passwordHash, parsed.data.password))) {
    // The counter and its audit row commit together, so a lockout is never unexplained.
    return writeTransaction((tx) => {
      const { locked } = recordFailedLogin(tx, candidate.id, now);
      return fail(locked ? "wrong_password_now_locked" : "wrong_password", candidate, tx);
    });
  }
  if (!candidate.active) return fail("inactive", candidate);

  writeTransaction((tx) => {
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
