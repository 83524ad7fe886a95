import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents, signInSessions, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { ValidationError } from "@/lib/errors";
import { passwordChangeSchema } from "@/lib/validation/auth";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { changeOwnPassword } from "./account";
import { endSignInOnSignOut, resumeSignIn, startSignIn } from "./sign-ins";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const T0 = new Date("2026-11-22T08:00:00.000Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const version = (id: string) => db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)).get()!.v;
function tokenFor(email: string, at = T0) {
  const user = actorFor(db, email);
  const { sid } = startSignIn(user.id, "127.0.0.1", at);
  return { uid: user.id, sid, sessionVersion: version(user.id) };
}

describe("a sign-in lives on the server", () => {
  it("resumes while open, and a signed-out token (a copied cookie) no longer works", () => {
    const token = tokenFor("rivera@northside.test");
    expect(resumeSignIn(token, later(1))).toMatchObject({ email: "rivera@northside.test", sid: token.sid });
    endSignInOnSignOut(token.sid, later(2));
    expect(resumeSignIn(token, later(3))).toBeNull();
  });

  it("ends a staff sign-in after 30 idle minutes, and notes activity at most once a minute", () => {
    const token = tokenFor("okafor@northside.test");
    expect(resumeSignIn(token, later(29))).not.toBeNull();
    expect(resumeSignIn(token, later(58))).not.toBeNull();
    expect(resumeSignIn(token, later(89))).toBeNull();
    const row = db.select().from(signInSessions).where(eq(signInSessions.id, token.sid)).get()!;
    expect(row).toMatchObject({ revokedReason: "idle", lastSeenAt: later(58).toISOString() });
    const ended = db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.session_end"), eq(auditEvents.actorId, token.uid))).all();
    expect(ended.map((e) => JSON.parse(e.detail!).reason)).toEqual(["idle"]);
  });

  it("ends every sign-in 12 hours after it began, however active", () => {
    const token = tokenFor("lee@patient.test");
    for (let m = 0; m < 12 * 60; m += 25) expect(resumeSignIn(token, later(m))).not.toBeNull();
    expect(resumeSignIn(token, later(12 * 60))).toBeNull();
  });

  it("refuses a token whose account moved to a new session version, or belongs to another user", () => {
    const token = tokenFor("admin@northside.test");
    expect(resumeSignIn({ ...token, uid: actorFor(db, "rivera@northside.test").id }, later(1))).toBeNull();
    expect(resumeSignIn({ ...token, sessionVersion: token.sessionVersion - 1 }, later(1))).toBeNull();
    expect(resumeSignIn({ uid: token.uid, sessionVersion: token.sessionVersion }, later(1))).toBeNull();
  });
});

describe("changing one's own password", () => {
  it("needs the current password, refuses a common one, and ends the other sign-ins only", async () => {
    const email = "rivera@northside.test";
    const actor = actorFor(db, email);
    db.update(users).set({ passwordHash: await hashPassword("the current passphrase") }).where(eq(users.id, actor.id)).run();
    const here = tokenFor(email, new Date());
    const elsewhere = tokenFor(email, new Date());
    const change = (currentPassword: string, newPassword: string) =>
      changeOwnPassword(actor, here.sid, passwordChangeSchema.parse({ currentPassword, newPassword, confirm: newPassword }));
    await expect(change("not my password", "a brand new passphrase")).rejects.toThrow(ValidationError);
    await expect(change("the current passphrase", "QWERTY123456")).rejects.toThrow(/most common passwords/);
    await change("the current passphrase", "a brand new passphrase");
    expect(resumeSignIn(here)).not.toBeNull();
    expect(resumeSignIn(elsewhere)).toBeNull();
    const outcomes = db.select({ outcome: auditEvents.outcome }).from(auditEvents).where(and(eq(auditEvents.action, "auth.password_change"), eq(auditEvents.actorId, actor.id))).all();
    expect(outcomes.map((o) => o.outcome)).toEqual(["failure", "success"]);
  });

  it("keeps to 12–128 characters with no composition rules", () => {
    const parse = (p: string) => passwordChangeSchema.safeParse({ currentPassword: "x", newPassword: p, confirm: p }).success;
    expect(parse("a".repeat(11))).toBe(false);
    expect(parse("correct horse")).toBe(true);
    expect(parse("é".repeat(128))).toBe(true);
    expect(parse("a".repeat(129))).toBe(false);
  });
});

describe("a clinic that requires two-factor sign-in", () => {
  it("is set by admins only, audited with before and after", async () => {
    const { getClinicSecurity, updateClinicSecurity, clinicRequiresStaffMfa } = await import("./clinic-security");
    const admin = actorFor(db, "admin@northside.test");
    expect(getClinicSecurity(admin)).toEqual({ requireStaffMfa: false });
    expect(() => updateClinicSecurity(actorFor(db, "rivera@northside.test"), { requireStaffMfa: true })).toThrow(/permission/);
    updateClinicSecurity(admin, { requireStaffMfa: true });
    expect(clinicRequiresStaffMfa(admin.clinicId)).toBe(true);
    const row = db.select().from(auditEvents).where(eq(auditEvents.action, "clinic_security.update")).get()!;
    expect(JSON.parse(row.detail!)).toEqual({ before: { requireStaffMfa: false }, after: { requireStaffMfa: true } });
    updateClinicSecurity(admin, { requireStaffMfa: false });
  });
});
