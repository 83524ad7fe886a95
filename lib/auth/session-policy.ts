/**
 * How long a sign-in lasts (ASVS 5.0 7.3, HIPAA 164.312(a)(2)(iii)): 12 hours from sign-in whatever the
 * activity, and for staff, who sign in on shared clinic computers, 30 minutes without a request
 * (STAFF_IDLE_MINUTES). Pure, so the rule is tested on its edges.
 */
export const SESSION_ABSOLUTE_HOURS = 12;
export const DEFAULT_STAFF_IDLE_MINUTES = 30;
/** Activity is written at most this often: a request a second must not become a write a second. */
export const TOUCH_EVERY_MS = 60_000;

export type SignInRow = { createdAt: string; lastSeenAt: string; expiresAt: string; revokedAt: string | null };
export type SessionVerdict = "ok" | "revoked" | "expired" | "idle";

export function sessionExpiry(signedInAt: Date): string {
  return new Date(signedInAt.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000).toISOString();
}

export function judgeSession(row: SignInRow, role: string, idleMinutes: number, now: Date): SessionVerdict {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now.toISOString()) return "expired";
  if (role !== "patient" && now.getTime() - Date.parse(row.lastSeenAt) >= idleMinutes * 60_000) return "idle";
  return "ok";
}

export function needsTouch(row: SignInRow, now: Date): boolean {
  return now.getTime() - Date.parse(row.lastSeenAt) >= TOUCH_EVERY_MS;
}
