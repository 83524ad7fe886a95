import { describe, expect, it } from "vitest";
import { judgeSession, needsTouch, sessionExpiry } from "./session-policy";

const signedIn = new Date("2026-11-22T08:00:00.000Z");
const row = (o: Partial<{ lastSeenAt: string; revokedAt: string | null }> = {}) => ({
  createdAt: signedIn.toISOString(),
  lastSeenAt: signedIn.toISOString(),
  expiresAt: sessionExpiry(signedIn),
  revokedAt: null,
  ...o,
});
const at = (hours: number) => new Date(signedIn.getTime() + hours * 3_600_000);

describe("how long a sign-in lasts", () => {
  it("ends 12 hours after sign-in however active the person was", () => {
    const active = row({ lastSeenAt: at(11.99).toISOString() });
    expect(judgeSession(active, "clinician", 30, at(11.995))).toBe("ok");
    expect(judgeSession(active, "clinician", 30, at(12))).toBe("expired");
    expect(judgeSession(row({ lastSeenAt: at(11.9).toISOString() }), "patient", 30, at(12.1))).toBe("expired");
  });

  it("ends a staff session after 30 idle minutes, not a patient's", () => {
    expect(judgeSession(row(), "clinician", 30, at(29.9 / 60))).toBe("ok");
    expect(judgeSession(row(), "admin", 30, at(0.5))).toBe("idle");
    expect(judgeSession(row(), "patient", 30, at(3))).toBe("ok");
    expect(judgeSession(row(), "clinician", 120, at(1.5))).toBe("ok");
  });

  it("honours a revocation first", () => {
    expect(judgeSession(row({ revokedAt: at(1).toISOString() }), "patient", 30, at(1))).toBe("revoked");
  });

  it("writes activity at most once a minute", () => {
    expect(needsTouch(row(), at(59 / 3600))).toBe(false);
    expect(needsTouch(row(), at(60 / 3600))).toBe(true);
  });
});
