import "server-only";
import { getDb } from "@/db";
import { judgeSession, needsTouch } from "@/lib/auth/session-policy";
import type { SessionUser } from "@/lib/auth/types";
import { staffIdleMinutes } from "@/lib/env";
import { recordAudit } from "./audit";
import { endSignIn, openSignIn, signInState, touchSignIn } from "./internal/sign-ins";

/**
 * The server half of a session: the token names a sign-in row, and the row decides. This is the
 * authentication itself, so it takes the token's claims, not an Actor.
 */
export type ResumedSignIn = SessionUser & { sid: string; mfaEnabled: boolean };

/** Opens the row for a successful sign-in; its id goes into the session token. */
export function startSignIn(userId: string, ip: string | null, now = new Date()): { sid: string; expiresAt: string } {
  return openSignIn(userId, ip, now);
}

/**
 * The signed-in account behind a token, or null when the sign-in was revoked (sign-out, an admin's
 * action, a password change elsewhere), passed its 12 hours, or sat idle past the staff limit; the
 * account must still be active and on the token's session version. Activity is noted once a minute.
 */
export function resumeSignIn(token: { sid?: unknown; uid?: unknown; sessionVersion?: unknown }, now = new Date()): ResumedSignIn | null {
  if (typeof token.sid !== "string" || typeof token.uid !== "string") return null;
  const row = signInState(token.sid);
  if (!row || row.id !== token.uid || !row.active || row.sessionVersion !== token.sessionVersion) return null;
  const verdict = judgeSession(row, row.role, staffIdleMinutes(), now);
  if (verdict === "expired" || verdict === "idle") {
    if (endSignIn(getDb(), token.sid, verdict, now)) {
      recordAudit(getDb(), { action: "auth.session_end", outcome: "success", actor: { ...row, ip: null }, detail: { reason: verdict } });
    }
    return null;
  }
  if (verdict !== "ok") return null;
  if (needsTouch(row, now)) touchSignIn(token.sid, now);
  const { id, email, name, role, clinicId, patientId, mfaEnabled } = row;
  return { id, email, name, role, clinicId, patientId, mfaEnabled, sid: token.sid };
}

/** Sign-out ends this sign-in on the server, so a copied cookie stops working too. */
export function endSignInOnSignOut(sid: unknown, now = new Date()): void {
  if (typeof sid === "string") endSignIn(getDb(), sid, "sign_out", now);
}
