import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { mfaRecoveryCodes, users } from "@/db/schema";
import { keyedHash, seal, unseal } from "@/lib/auth/secret-box";
import { matchTotp } from "@/lib/auth/totp";

const SECRET_PURPOSE = "totp-secret";
const RECOVERY_PURPOSE = "recovery-code";
export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code read off paper is typed right. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export const sealTotpSecret = (secret: string) => seal(secret, SECRET_PURPOSE);
export const unsealTotpSecret = (sealed: string) => unseal(sealed, SECRET_PURPOSE);

function newRecoveryCode(): string {
  const pick = () => Array.from({ length: 5 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]).join("");
  return `${pick()}-${pick()}`;
}

/** Replaces the user's recovery codes with ten new ones; only their keyed hashes are stored. */
export function issueRecoveryCodes(tx: Tx, userId: string): string[] {
  tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId)).run();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  tx.insert(mfaRecoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: keyedHash(code, RECOVERY_PURPOSE) })))
    .run();
  return codes;
}

export type SecondFactorResult = { ok: true; method: "totp" | "recovery_code" } | { ok: false };

/**
 * Checks a code against the user's confirmed secret (one step either side, never a step already
 * used) or an unused recovery code, which is spent. Runs inside the caller's write transaction so
 * two requests cannot both spend the same code.
 */
export function verifySecondFactor(tx: Tx, userId: string, code: string, now = new Date()): SecondFactorResult {
  const user = tx.select({ secret: users.mfaSecret, lastStep: users.mfaLastStep }).from(users).where(eq(users.id, userId)).get();
  if (!user?.secret) return { ok: false };
  if (/^\d{6}$/.test(code)) {
    const secret = unsealTotpSecret(user.secret);
    const step = secret ? matchTotp(secret, code, now.getTime()) : null;
    if (step === null || (user.lastStep !== null && step <= user.lastStep)) return { ok: false };
    tx.update(users).set({ mfaLastStep: step }).where(eq(users.id, userId)).run();
    return { ok: true, method: "totp" };
  }
  const spent = tx
    .update(mfaRecoveryCodes)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, keyedHash(code, RECOVERY_PURPOSE)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id })
    .all();
  return spent.length === 1 ? { ok: true, method: "recovery_code" } : { ok: false };
}
