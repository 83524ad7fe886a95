import "server-only";
import { eq } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { users } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertPasswordAllowed } from "@/lib/auth/password-policy";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { ValidationError } from "@/lib/errors";
import type { PasswordChangeInput } from "@/lib/validation/auth";
import { recordAudit } from "./audit";
import { endOtherSignIns } from "./internal/sign-ins";

/**
 * A staff member changes their own password: the current one is required, the new one must pass the
 * rules, and every other sign-in of theirs ends (this device stays signed in). Hashing runs before the
 * synchronous transaction; a refusal is audited outside it.
 */
export async function changeOwnPassword(actor: Actor, sid: string, input: PasswordChangeInput, now = new Date()): Promise<void> {
  requireRole(actor, STAFF_ROLES);
  const current = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).get();
  if (!current?.passwordHash || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    recordAudit(getDb(), { action: "auth.password_change", outcome: "failure", actor, detail: { reason: "wrong_current_password" } });
    throw new ValidationError("Your current password is not right.", [{ path: "currentPassword", message: "Your current password is not right." }]);
  }
  assertPasswordAllowed(input.newPassword, "newPassword");
  if (input.newPassword === input.currentPassword) {
    throw new ValidationError("Choose a password you have not been using.", [{ path: "newPassword", message: "Choose a password you have not been using." }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  writeTransaction((tx) => {
    tx.update(users).set({ passwordHash, passwordChangedAt: now.toISOString(), updatedAt: now.toISOString() }).where(eq(users.id, actor.id)).run();
    endOtherSignIns(tx, actor.id, sid, "password_change", now);
    recordAudit(tx, { action: "auth.password_change", outcome: "success", actor, detail: { otherSessionsEnded: true } });
  });
}
