import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents, users } from "@/db/schema";
import { totpAt } from "@/lib/auth/totp";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { verifySecondFactor } from "./internal/mfa";
import { confirmMfaEnrolment, disableMfa, getMfaStatus, pendingMfaEnrolment, startMfaEnrolment } from "./mfa";

process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-enough-length-0123456789";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const okafor = () => actorFor(db, "okafor@northside.test");
const T0 = Date.parse("2026-11-22T10:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const verify = (code: string, seconds: number) => db.transaction((tx) => verifySecondFactor(tx, okafor().id, code, at(seconds)));
const actions = () => db.select({ action: auditEvents.action, outcome: auditEvents.outcome }).from(auditEvents).where(eq(auditEvents.actorId, okafor().id)).all();

describe("two-factor sign-in (TOTP)", () => {
  let secret: string;
  let recoveryCodes: string[];

  it("starts with a secret kept sealed in the database, pending until a code confirms it", () => {
    const enrolment = startMfaEnrolment(okafor());
    secret = enrolment.secret;
    expect(enrolment.otpauthUri).toContain(`secret=${secret}`);
    const stored = db.select({ pending: users.mfaPendingSecret, on: users.mfaEnabledAt }).from(users).where(eq(users.id, okafor().id)).get()!;
    expect(stored.pending).not.toContain(secret);
    expect(stored.on).toBeNull();
    expect(pendingMfaEnrolment(okafor())?.secret).toBe(secret);
    expect(getMfaStatus(okafor())).toMatchObject({ enabled: false, pending: true });
  });

  it("refuses a wrong code, audits the refusal, and turns on with a right one", () => {
    expect(() => confirmMfaEnrolment(okafor(), "000000", at(0))).toThrow(ValidationError);
    ({ recoveryCodes } = confirmMfaEnrolment(okafor(), totpAt(secret, at(0).getTime()), at(0)));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(getMfaStatus(okafor())).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expect(actions()).toEqual(expect.arrayContaining([{ action: "mfa.enable", outcome: "failure" }, { action: "mfa.enable", outcome: "success" }]));
    expect(() => startMfaEnrolment(okafor())).toThrow(ConflictError);
  });

  it("accepts a code once, within one step either side, and never a step already used", () => {
    expect(verify(totpAt(secret, at(0).getTime()), 10)).toEqual({ ok: false });
    expect(verify(totpAt(secret, at(60).getTime()), 90)).toEqual({ ok: true, method: "totp" });
    expect(verify(totpAt(secret, at(60).getTime()), 91)).toEqual({ ok: false });
    expect(verify(totpAt(secret, at(300).getTime()), 360)).toEqual({ ok: false });
  });

  it("spends a recovery code once", () => {
    expect(verify(recoveryCodes[0]!, 400)).toEqual({ ok: true, method: "recovery_code" });
    expect(verify(recoveryCodes[0]!, 401)).toEqual({ ok: false });
    expect(verify("zzzzz-zzzzz", 402)).toEqual({ ok: false });
    expect(getMfaStatus(okafor()).recoveryCodesLeft).toBe(9);
  });

  it("turns off only with a current code or a recovery code", () => {
    expect(() => disableMfa(okafor(), "123456", at(500))).toThrow(ValidationError);
    disableMfa(okafor(), recoveryCodes[1]!, at(501));
    expect(getMfaStatus(okafor())).toEqual({ enabled: false, enabledAt: null, pending: false, recoveryCodesLeft: 0 });
    expect(actions()).toEqual(expect.arrayContaining([{ action: "mfa.disable", outcome: "failure" }, { action: "mfa.disable", outcome: "success" }]));
  });

  it("is for staff: a patient cannot enrol", () => {
    expect(() => startMfaEnrolment(actorFor(db, "lee@patient.test"))).toThrow(ForbiddenError);
  });
});
