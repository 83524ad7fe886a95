import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents, mfaRecoveryCodes, passwordLinks, signInSessions, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import type { Actor } from "@/lib/auth/types";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { staffInviteSchema, staffListQuerySchema } from "@/lib/validation/staff";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { acceptInvite, checkInvite } from "./invites";
import { resumeSignIn, startSignIn } from "./sign-ins";
import { STAFF_EMAIL_UNAVAILABLE, inviteStaff, listStaff, resetStaffMfa, resetStaffPassword, updateStaff } from "./staff";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const admin = () => actorFor(db, "admin@northside.test");
const PASSWORD = "staff-pass-123456";
let counter = 0;

/** A new staff member of Northside who has set a password from their invitation link. */
async function newStaff(role: "clinician" | "admin" = "clinician"): Promise<Actor> {
  counter += 1;
  const email = `staff${counter}@northside.test`;
  const { token } = inviteStaff(admin(), staffInviteSchema.parse({ email, name: `Staff Member ${counter}`, role }));
  await acceptInvite(token, PASSWORD, null);
  return actorFor(db, email);
}

/** A live sign-in of the user, as the session token would carry it. */
function signIn(userId: string) {
  const { sid } = startSignIn(userId, "127.0.0.1");
  const { sessionVersion } = db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()!;
  return { sid, uid: userId, sessionVersion };
}

function expectSessionsEnded(userId: string, token: ReturnType<typeof signIn>, reason: string) {
  expect(resumeSignIn(token)).toBeNull();
  const { sessionVersion } = db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()!;
  expect(sessionVersion).toBeGreaterThan(token.sessionVersion);
  const rows = db.select().from(signInSessions).where(eq(signInSessions.userId, userId)).all();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toMatchObject({ revokedAt: expect.any(String), revokedReason: reason });
}

const lastAudit = (action: string, userId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .all()
    .map((row) => ({ ...row, detail: JSON.parse(row.detail ?? "null") }))
    .filter((row) => row.detail?.userId === userId)
    .at(-1);

const member = (id: string) => listStaff(admin(), staffListQuerySchema.parse({ pageSize: 100 })).items.find((m) => m.id === id);

describe("listStaff", () => {
  it("pages the admin's own clinic's staff, never patients or another clinic", () => {
    const page = listStaff(admin(), staffListQuerySchema.parse({}));
    expect(page).toMatchObject({ page: 1, pageSize: 50 });
    const emails = page.items.map((m) => m.email);
    expect(emails).toEqual(expect.arrayContaining(["admin@northside.test", "rivera@northside.test", "okafor@northside.test"]));
    expect(emails).not.toContain("chen@southbay.test");
    expect(emails).not.toContain("lee@patient.test");
    expect(page.items.find((m) => m.email === "rivera@northside.test")).toEqual({
      id: expect.any(String),
      name: "Dr. Sofia Rivera",
      email: "rivera@northside.test",
      role: "clinician",
      status: "active",
      lastSignInAt: null,
      mfaEnabled: false,
    });
    const small = listStaff(admin(), staffListQuerySchema.parse({ pageSize: "1", page: "2" }));
    expect(small).toMatchObject({ total: page.total, page: 2, pageSize: 1 });
    expect(small.items).toHaveLength(1);
    expect(() => staffListQuerySchema.parse({ pageSize: "101" })).toThrow();
  });

  it("reads only the clinic's staff rows, through users_clinic_role_name_idx, not its patients' accounts", () => {
    const me = admin();
    const client = db.$client;
    const original = client.prepare.bind(client);
    const statements: string[] = [];
    client.prepare = ((source: string) => (statements.push(source), original(source))) as typeof client.prepare;
    try {
      listStaff(me, staffListQuerySchema.parse({}));
    } finally {
      client.prepare = original as typeof client.prepare;
    }
    const reads = statements.filter((sql) => /^\s*select/i.test(sql) && sql.includes('"users"'));
    expect(reads).toHaveLength(2);
    for (const sql of reads) {
      const plan = (original(`explain query plan ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[]).map((r) => r.detail);
      expect(plan[0]).toMatch(/^SEARCH users USING (COVERING )?INDEX users_clinic_role_name_idx \(clinic_id=\? AND role=\?\)/);
    }
  });

  it("is for admins only", () => {
    const query = staffListQuerySchema.parse({});
    expect(() => listStaff(actorFor(db, "rivera@northside.test"), query)).toThrow(ForbiddenError);
    expect(() => listStaff(actorFor(db, "lee@patient.test"), query)).toThrow(ForbiddenError);
  });
});

describe("inviteStaff", () => {
  it("creates an account without a password and a link that works once", async () => {
    const invite = inviteStaff(admin(), staffInviteSchema.parse({ email: "New.Derm@Northside.test", name: "Dr. New", role: "clinician" }));
    expect(member(invite.id)).toMatchObject({ email: "new.derm@northside.test", role: "clinician", status: "invited" });
    expect(db.select().from(passwordLinks).all().map((l) => l.tokenHash)).not.toContain(invite.token);
    expect(await authenticate({ email: "new.derm@northside.test", password: PASSWORD }, null)).toBeNull();
    expect(checkInvite(invite.token)).toEqual({ valid: true, name: "Dr. New", email: "new.derm@northside.test", purpose: "staff_invite" });

    await acceptInvite(invite.token, PASSWORD, "127.0.0.1");
    expect(await authenticate({ email: "new.derm@northside.test", password: PASSWORD }, null)).toMatchObject({ id: invite.id, role: "clinician" });
    expect(member(invite.id)?.status).toBe("active");
    expect(checkInvite(invite.token)).toEqual({ valid: false });
    await expect(acceptInvite(invite.token, "another-long-password", null)).rejects.toThrow(ValidationError);
    expect(lastAudit("staff.invite", invite.id)?.detail).toMatchObject({ before: null, after: { email: "new.derm@northside.test", role: "clinician", status: "invited" } });
    const set = db.select().from(auditEvents).where(and(eq(auditEvents.action, "staff.password_set"), eq(auditEvents.actorId, invite.id))).all();
    expect(set).toMatchObject([{ outcome: "success", actorRole: "clinician", detail: JSON.stringify({ purpose: "staff_invite" }) }]);
  });

  it("expires after 72 hours", async () => {
    const created = new Date("2026-11-21T10:00:00Z");
    const invite = inviteStaff(admin(), staffInviteSchema.parse({ email: "late.derm@northside.test", name: "Dr. Late", role: "admin" }), created);
    expect(invite.expiresAt).toBe("2026-11-24T10:00:00.000Z");
    expect(checkInvite(invite.token, new Date(created.getTime() + 71 * 3_600_000)).valid).toBe(true);
    expect(checkInvite(invite.token, new Date(created.getTime() + 72 * 3_600_000)).valid).toBe(false);
    await expect(acceptInvite(invite.token, PASSWORD, null, new Date(created.getTime() + 73 * 3_600_000))).rejects.toThrow(/expired/);
  });

  it("refuses an email in use with the same words whoever holds it", () => {
    for (const email of ["rivera@northside.test", "chen@southbay.test", "lee@patient.test"]) {
      const attempt = () => inviteStaff(admin(), staffInviteSchema.parse({ email, name: "Someone", role: "clinician" }));
      expect(attempt).toThrow(ConflictError);
      expect(attempt).toThrow(STAFF_EMAIL_UNAVAILABLE);
    }
    expect(db.select().from(users).where(eq(users.name, "Someone")).all()).toEqual([]);
    const refusal = db.select().from(auditEvents).where(and(eq(auditEvents.action, "staff.invite"), eq(auditEvents.outcome, "failure"))).all().at(-1);
    expect(JSON.parse(refusal!.detail!)).toEqual({ email: "lee@patient.test", reason: "email_unavailable" });
  });

  it("is for admins only", () => {
    expect(() => inviteStaff(actorFor(db, "rivera@northside.test"), staffInviteSchema.parse({ email: "x@northside.test", name: "X", role: "admin" }))).toThrow(ForbiddenError);
  });
});

describe("updateStaff", () => {
  it("a role change ends the person's sessions and is audited with before and after", async () => {
    const clinician = await newStaff();
    const session = signIn(clinician.id);
    expect(resumeSignIn(session)).not.toBeNull();
    expect(updateStaff(admin(), clinician.id, { role: "admin" })).toMatchObject({ role: "admin", status: "active" });
    expectSessionsEnded(clinician.id, session, "role_changed");
    expect(lastAudit("staff.update", clinician.id)?.detail).toMatchObject({
      before: { role: "clinician", active: true },
      after: { role: "admin", active: true },
      sessionsEnded: true,
    });
  });

  it("deactivation ends sessions, voids pending links and stops sign-in; reactivation lets them back", async () => {
    const clinician = await newStaff();
    const session = signIn(clinician.id);
    const invited = inviteStaff(admin(), staffInviteSchema.parse({ email: "leaver@northside.test", name: "Dr. Leaver", role: "clinician" }));

    expect(updateStaff(admin(), clinician.id, { active: false }).status).toBe("deactivated");
    expectSessionsEnded(clinician.id, session, "deactivated");
    expect(await authenticate({ email: clinician.email, password: PASSWORD }, null)).toBeNull();
    expect(lastAudit("staff.update", clinician.id)?.detail).toMatchObject({ before: { active: true }, after: { active: false } });

    updateStaff(admin(), invited.id, { active: false });
    expect(checkInvite(invited.token)).toEqual({ valid: false });
    // Voided, not paused: reactivating does not bring an old link back.
    updateStaff(admin(), invited.id, { active: true });
    expect(checkInvite(invited.token)).toEqual({ valid: false });

    expect(updateStaff(admin(), clinician.id, { active: true }).status).toBe("active");
    expect(await authenticate({ email: clinician.email, password: PASSWORD }, null)).toMatchObject({ id: clinician.id });
  });

  it("nobody deactivates or demotes themself", () => {
    const me = admin();
    expect(() => updateStaff(me, me.id, { active: false })).toThrow(ValidationError);
    expect(() => updateStaff(me, me.id, { role: "clinician" })).toThrow(/own role/);
    expect(updateStaff(me, me.id, { role: "admin", active: true })).toMatchObject({ role: "admin", status: "active" });
  });

  it("the clinic keeps an active admin who can sign in, even when two admins act at once", async () => {
    const first = admin();
    // Only the demo admin and a new one: earlier tests may have promoted someone.
    for (const other of listStaff(first, staffListQuerySchema.parse({ pageSize: 100 })).items) {
      if (other.role === "admin" && other.id !== first.id) updateStaff(first, other.id, { role: "clinician" });
    }
    const second = await newStaff("admin");
    // An invited admin without a password cannot sign in, so does not count.
    inviteStaff(first, staffInviteSchema.parse({ email: "pending.admin@northside.test", name: "Pending Admin", role: "admin" }));
    // The second admin deactivates the first; the first, already holding the page, tries the same.
    updateStaff(second, first.id, { active: false });
    expect(() => updateStaff(first, second.id, { active: false })).toThrow(ConflictError);
    expect(() => updateStaff(first, second.id, { role: "clinician" })).toThrow(/last active admin/);
    expect(db.select({ active: users.active, role: users.role }).from(users).where(eq(users.id, second.id)).get()).toEqual({ active: true, role: "admin" });
    updateStaff(second, first.id, { active: true });
    // With two active admins again, either may step the other down.
    expect(updateStaff(first, second.id, { role: "clinician" }).role).toBe("clinician");
  });

  it("answers 404 for another clinic's staff, a patient's account or an unknown id, and audits it", () => {
    const ids = [actorFor(db, "chen@southbay.test").id, actorFor(db, "lee@patient.test").id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"];
    for (const id of ids) {
      expect(() => updateStaff(admin(), id, { active: false })).toThrow(NotFoundError);
      expect(() => resetStaffPassword(admin(), id)).toThrow(NotFoundError);
      expect(() => resetStaffMfa(admin(), id)).toThrow(NotFoundError);
    }
    expect(actorFor(db, "chen@southbay.test")).toBeDefined();
    expect(db.select({ active: users.active }).from(users).where(eq(users.email, "chen@southbay.test")).get()?.active).toBe(true);
    const denied = db.select().from(auditEvents).where(eq(auditEvents.action, "staff.access_denied")).all();
    expect(denied.length).toBeGreaterThanOrEqual(ids.length * 3);
    expect(denied.at(-1)).toMatchObject({ outcome: "denied", clinicId: admin().clinicId });
  });

  it("is for admins only", () => {
    const rivera = actorFor(db, "rivera@northside.test");
    const okafor = actorFor(db, "okafor@northside.test").id;
    expect(() => updateStaff(rivera, okafor, { active: false })).toThrow(ForbiddenError);
    expect(() => resetStaffPassword(rivera, okafor)).toThrow(ForbiddenError);
    expect(() => resetStaffMfa(rivera, okafor)).toThrow(ForbiddenError);
  });
});

describe("resetStaffPassword", () => {
  it("ends the old password and every session, and issues a new one-time link", async () => {
    const clinician = await newStaff();
    const session = signIn(clinician.id);
    const { token, expiresAt } = resetStaffPassword(admin(), clinician.id);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    expectSessionsEnded(clinician.id, session, "password_reset");
    expect(await authenticate({ email: clinician.email, password: PASSWORD }, null)).toBeNull();
    expect(member(clinician.id)?.status).toBe("invited");
    expect(lastAudit("staff.password_reset", clinician.id)?.detail).toMatchObject({ before: { passwordSet: true }, after: { passwordSet: false }, purpose: "password_reset" });

    // A second reset voids the first link.
    const again = resetStaffPassword(admin(), clinician.id);
    expect(checkInvite(token)).toEqual({ valid: false });
    expect(checkInvite(again.token)).toMatchObject({ valid: true, purpose: "password_reset" });
    await acceptInvite(again.token, "a-brand-new-password", null);
    expect(await authenticate({ email: clinician.email, password: "a-brand-new-password" }, null)).toMatchObject({ id: clinician.id });
  });

  it("refuses the admin's own account and a deactivated one", async () => {
    const me = admin();
    expect(() => resetStaffPassword(me, me.id)).toThrow(ValidationError);
    const leaver = await newStaff();
    updateStaff(me, leaver.id, { active: false });
    expect(() => resetStaffPassword(me, leaver.id)).toThrow(ConflictError);
  });
});

describe("resetStaffMfa", () => {
  it("turns two-factor sign-in off and clears its secrets and recovery codes", async () => {
    const clinician = await newStaff();
    db.update(users).set({ mfaSecret: "sealed", mfaPendingSecret: "pending", mfaEnabledAt: new Date().toISOString(), mfaLastStep: 42 }).where(eq(users.id, clinician.id)).run();
    db.insert(mfaRecoveryCodes).values({ userId: clinician.id, codeHash: "hash" }).run();
    expect(member(clinician.id)?.mfaEnabled).toBe(true);

    expect(resetStaffMfa(admin(), clinician.id)).toMatchObject({ id: clinician.id, mfaEnabled: false });
    expect(db.select({ s: users.mfaSecret, p: users.mfaPendingSecret, e: users.mfaEnabledAt, l: users.mfaLastStep }).from(users).where(eq(users.id, clinician.id)).get()).toEqual({
      s: null,
      p: null,
      e: null,
      l: null,
    });
    expect(db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, clinician.id)).all()).toEqual([]);
    expect(lastAudit("staff.mfa_reset", clinician.id)?.detail).toMatchObject({ before: { mfaEnabled: true }, after: { mfaEnabled: false } });
  });

  it("refuses the admin's own account, which needs a code to turn off", () => {
    expect(() => resetStaffMfa(admin(), admin().id)).toThrow(ValidationError);
  });
});
