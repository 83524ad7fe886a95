import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents, users } from "@/db/schema";
import { useSeededTestDatabase } from "@/test/database";
import { authenticate } from "./authenticate";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const signIns = (outcome: "success" | "failure") =>
  db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.outcome, outcome))).all();

describe("authenticate", () => {
  it("signs in a demo account, case-insensitively, and audits it", async () => {
    const user = await authenticate({ email: "Rivera@Northside.test", password: "demo-pass-1234" }, "10.1.2.3");
    expect(user).toMatchObject({ email: "rivera@northside.test", role: "clinician", patientId: null, sessionVersion: 1 });
    expect(signIns("success").at(-1)).toMatchObject({ actorId: user!.id, ip: "10.1.2.3" });
  });

  it("carries the patient id for patient accounts", async () => {
    const user = await authenticate({ email: "lee@patient.test", password: "demo-pass-1234" }, null);
    expect(user?.role).toBe("patient");
    expect(user?.patientId).toEqual(expect.any(String));
  });

  it("fails the same way for unknown emails and wrong passwords, auditing both", async () => {
    const before = signIns("failure").length;
    expect(await authenticate({ email: "ghost@northside.test", password: "x" }, null)).toBeNull();
    expect(await authenticate({ email: "okafor@northside.test", password: "wrong" }, null)).toBeNull();
    const reasons = signIns("failure").slice(before).map((r) => JSON.parse(r.detail!).reason);
    expect(reasons).toEqual(["unknown_email", "wrong_password"]);
  });

  it("files a known account's failure in its clinic, and one naming no account in none, with the address as typed", async () => {
    const okafor = db.select().from(users).where(eq(users.email, "okafor@northside.test")).get()!;
    expect(await authenticate({ email: "okafor@northside.test", password: "wrong" }, "10.9.9.9")).toBeNull();
    expect(signIns("failure").at(-1)).toMatchObject({ actorId: okafor.id, clinicId: okafor.clinicId });
    expect(await authenticate({ email: "  Okafor@Northsde.test ", password: "x" }, "10.9.9.9")).toBeNull();
    const unknown = signIns("failure").at(-1)!;
    expect(unknown).toMatchObject({ actorId: null, clinicId: null, ip: "10.9.9.9" });
    expect(JSON.parse(unknown.detail!)).toEqual({ reason: "unknown_email", email: "okafor@northsde.test" });
  });

  it("keeps no typed text that is not an address (a password typed into the email box, say)", async () => {
    expect(await authenticate({ email: "hunter2-secret", password: "x" }, null)).toBeNull();
    expect(JSON.parse(signIns("failure").at(-1)!.detail!)).toEqual({ reason: "invalid_input" });
  });

  it("never locks the account itself: wrong passwords from one address slow only that address down", async () => {
    const now = new Date("2026-11-21T10:00:00Z");
    for (let i = 0; i < 5; i += 1) await authenticate({ email: "admin@northside.test", password: `bad-${i}` }, "203.0.113.5", now);
    expect(await authenticate({ email: "admin@northside.test", password: "demo-pass-1234" }, "203.0.113.5", now)).toBeNull();
    expect(JSON.parse(signIns("failure").at(-1)!.detail!).reason).toBe("throttled");
    expect(await authenticate({ email: "admin@northside.test", password: "demo-pass-1234" }, "10.1.2.3", now)).not.toBeNull();
    const later = new Date(now.getTime() + 60_000);
    expect(await authenticate({ email: "admin@northside.test", password: "demo-pass-1234" }, "203.0.113.5", later)).not.toBeNull();
  });

  it("refuses a disabled account", async () => {
    db.update(users).set({ active: false }).where(eq(users.email, "garcia@patient.test")).run();
    expect(await authenticate({ email: "garcia@patient.test", password: "demo-pass-1234" }, null)).toBeNull();
    expect(JSON.parse(signIns("failure").at(-1)!.detail!).reason).toBe("inactive");
  });

  it("stores argon2id hashes with the OWASP parameters", () => {
    const hash = db.select({ h: users.passwordHash }).from(users).where(eq(users.email, "lee@patient.test")).get()!.h!;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("the second factor at sign-in", () => {
  it("asks for the code after a right password, refuses a wrong or reused one, and accepts a current one", async () => {
    process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-enough-length-0123456789";
    const { actorFor } = await import("@/test/actors");
    const { confirmMfaEnrolment, startMfaEnrolment } = await import("@/lib/data/mfa");
    const { totpAt } = await import("./totp");
    const okafor = actorFor(db, "okafor@northside.test");
    const now = Date.parse("2026-11-22T11:00:00Z");
    const { secret } = startMfaEnrolment(okafor);
    confirmMfaEnrolment(okafor, totpAt(secret, now), new Date(now));
    const signIn = (code: string | undefined, at: number) =>
      authenticate({ email: "okafor@northside.test", password: "demo-pass-1234", ...(code ? { code } : {}) }, "198.51.100.7", new Date(at));

    await expect(signIn(undefined, now + 1_000)).rejects.toThrow("MfaRequired");
    expect(await signIn("000000", now + 2_000)).toBeNull();
    expect(await signIn(totpAt(secret, now), now + 3_000)).toBeNull();
    expect(await signIn(totpAt(secret, now + 30_000), now + 31_000)).toMatchObject({ email: "okafor@northside.test" });
    const reasons = signIns("failure").filter((r) => r.actorId === okafor.id).map((r) => JSON.parse(r.detail!).reason);
    expect(reasons).toEqual(expect.arrayContaining(["mfa_code_missing", "wrong_code"]));
    expect(JSON.parse(signIns("success").at(-1)!.detail!)).toEqual({ secondFactor: "totp" });
  });
});
