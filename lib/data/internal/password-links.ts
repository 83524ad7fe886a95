import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import crypto from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Reader, Tx } from "@/db";
import { passwordLinks, users } from "@/db/schema";

/** Every set-password link (portal invite, staff invite, password reset) works once, for 72 hours. */
export const LINK_VALID_HOURS = 72;

export type LinkPurpose = (typeof passwordLinks.$inferSelect)["purpose"];

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Ends every unused link of the account, so only the newest one works. */
export function burnPasswordLinks(tx: Tx, userId: string, now = new Date()): void {
  tx.update(passwordLinks)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(passwordLinks.userId, userId), isNull(passwordLinks.usedAt)))
    .run();
}

/**
 * A new one-time link for the account: earlier unused links stop working, only the token's hash is
 * stored, and the token itself is returned once, to be shown to the person who asked for it.
 */
export function issuePasswordLink(
  tx: Tx,
  link: { userId: string; purpose: LinkPurpose; createdBy: string; patientId?: string | null },
  now = new Date(),
): { token: string; expiresAt: string } {
  burnPasswordLinks(tx, link.userId, now);
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_VALID_HOURS * 3_600_000).toISOString();
  tx.insert(passwordLinks)
    .values({ userId: link.userId, patientId: link.patientId ?? null, purpose: link.purpose, tokenHash: hashToken(token), expiresAt, createdBy: link.createdBy, createdAt: now.toISOString() })
    .run();
  return { token, expiresAt };
}

export type UsableLink = { id: string; userId: string; patientId: string | null; purpose: LinkPurpose; name: string; email: string };

/** The link a token names, while it is unused, unexpired and its account active; otherwise undefined. */
export function findUsableLink(db: Reader, token: string, now = new Date()): UsableLink | undefined {
  return db
    .select({ id: passwordLinks.id, userId: passwordLinks.userId, patientId: passwordLinks.patientId, purpose: passwordLinks.purpose, name: users.name, email: users.email })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(and(eq(passwordLinks.tokenHash, hashToken(token)), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, now.toISOString()), eq(users.active, true)))
    .get();
}

/** Spends the link; false when another request spent it first (the caller's transaction decides). */
export function spendPasswordLink(tx: Tx, linkId: string, now = new Date()): boolean {
  const spent = tx
    .update(passwordLinks)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(passwordLinks.id, linkId), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, now.toISOString())))
    .returning({ id: passwordLinks.id })
    .all();
  return spent.length === 1;
}
