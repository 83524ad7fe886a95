import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/lib/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo-data";
import { verifyPassword } from "@/lib/auth/password";
import { loadPlansInForce } from "@/lib/data/internal/plan-in-force";
import { neighboursInArea } from "@/lib/data/internal/spacing";
import { AUDIT_ACTIONS } from "@/lib/domain/audit-actions";
import { defaultClinicSettings } from "@/lib/domain/clinic-settings";
import { derivePlanStatus } from "@/lib/domain/plan-status";
import type { SymptomGrade } from "@/lib/domain/reactions";
import { evaluateSession, spacingWindowDays } from "@/lib/domain/session-flags";
import { synthesize, type SynthCounts } from ".";

const NOW = new Date("2026-06-01T00:00:00.000Z");
const OPTIONS = { patients: 150, days: 300, seed: 7, now: NOW };
const TEN_DAYS_AGO = new Date(NOW.getTime() - 10 * 86_400_000).toISOString();

type Row = Record<string, unknown>;
const dirs: string[] = [];

function freshDatabase(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-synth-"));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, "synth.db"));
  runMigrations(db);
  return db;
}

const all = (db: Db, sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as Row[];
const one = (db: Db, sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as Row;
const SYNTHETIC = "patient_id in (select id from patients where mrn like 'NS-1______')";

let a: Db;
let b: Db;
let countsA: SynthCounts;
let countsB: SynthCounts;
let demoBefore: Row[];

beforeAll(async () => {
  a = freshDatabase();
  await seedDemo(a);
  demoBefore = demoSnapshot(a);
  countsA = await synthesize(a, OPTIONS);
  // The second database is not seeded beforehand: synthesize seeds the demo clinic itself.
  b = freshDatabase();
  countsB = await synthesize(b, OPTIONS);
}, 60_000);

afterAll(() => {
  a?.$client.close();
  b?.$client.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function demoSnapshot(db: Db): Row[] {
  const emails = DEMO_ACCOUNTS.map((d) => d.email);
  return [
    ...all(db, `select email, name, role, password_hash, active, session_version from users where email in (${emails.map(() => "?").join()}) order by email`, ...emails),
    ...all(db, "select mrn, name, date_of_birth, skin_type from patients where mrn like 'NS-1000__' or mrn like 'SB-%' order by mrn"),
    one(db, "select count(*) n from home_sessions where patient_id in (select id from patients where mrn = 'NS-100001')"),
  ];
}

/** Ids of rows the demo seed made (random per database) replaced by something both databases share. */
function portable(db: Db, rows: Row[]): Row[] {
  const names = new Map<unknown, string>(all(db, "select id, email from users").map((u) => [u.id, String(u.email)]));
  for (const c of all(db, "select id, name from clinics")) names.set(c.id, String(c.name));
  const rename = (v: unknown) => (typeof v === "string" ? v.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => names.get(id) ?? id) : v);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, rename(v)])));
}

describe("synthesize", () => {
  it("writes the same history for the same seed and moment", () => {
    const shape = (c: SynthCounts) => ({ ...c, seconds: 0, rowsPerSecond: 0 });
    expect(shape(countsB)).toEqual(shape(countsA));
    expect(countsA.sessions).toBeGreaterThan(3000);
    for (const table of ["home_sessions", "reactions", "alerts", "plan_versions", "screenings"]) {
      const sample = `select * from ${table} where ${SYNTHETIC} and rowid % 37 = 0 order by id`;
      expect(portable(b, all(b, sample)), table).toEqual(portable(a, all(a, sample)));
    }
    const patients = "select * from patients where mrn like 'NS-1______' order by id";
    expect(portable(b, all(b, patients))).toEqual(portable(a, all(a, patients)));
    const audit = `select occurred_at, actor_id, actor_role, action, patient_id, detail from audit_events where ${SYNTHETIC} and id % 101 = 0 order by id`;
    expect(portable(b, all(b, audit))).toEqual(portable(a, all(a, audit)));
  });

  it("leaves the demo accounts and patients as they were, and the new clinicians sign in with the demo password", async () => {
    expect(demoSnapshot(a)).toEqual(demoBefore);
    const clinicians = all(a, "select u.email, u.password_hash from users u join clinics c on c.id = u.clinic_id where c.name = 'Northside Dermatology' and u.role = 'clinician'");
    expect(clinicians.length).toBe(2 + countsA.clinicians);
    const added = clinicians.find((c) => c.email === "nguyen@northside.test");
    expect(await verifyPassword(String(added?.password_hash), DEMO_PASSWORD)).toBe(true);
    const spread = all(a, "select responsible_clinician_id, count(*) n from patients where mrn like 'NS-1______' group by 1");
    expect(spread.length).toBe(clinicians.length);
  });

  it("keeps every foreign key and index, and refuses to run twice on one database", async () => {
    expect(all(a, "pragma foreign_key_check")).toEqual([]);
    const indexes = () => all(a, "select name, sql from sqlite_master where type = 'index' order by name");
    const fresh = freshDatabase();
    expect(indexes()).toEqual(all(fresh, "select name, sql from sqlite_master where type = 'index' order by name"));
    await expect(synthesize(a, OPTIONS)).rejects.toThrow(/already holds synthetic data/);
    expect(indexes()).toEqual(all(fresh, "select name, sql from sqlite_master where type = 'index' order by name"));
    fresh.$client.close();
  });

  it("covers every plan state and several versions for some patients", () => {
    const today = NOW.toISOString().slice(0, 10);
    const latest = all(a, `select p.id, pv.decision, pv.review_by from patients p left join plan_versions pv on pv.patient_id = p.id
      and pv.version = (select max(version) from plan_versions where patient_id = p.id) where p.mrn like 'NS-1______'`);
    const statuses = new Set(latest.map((r) => derivePlanStatus(r.decision ? { decision: r.decision as "approved", reviewBy: r.review_by as string | null } : null, today)));
    expect([...statuses].sort()).toEqual(["approved", "denied", "expired", "pending", "suspended"]);
    expect(one(a, `select max(version) v from plan_versions where ${SYNTHETIC}`).v).toBeGreaterThanOrEqual(3);
    expect(one(a, `select count(*) n from plan_versions where ${SYNTHETIC} and max_needle_mm > 1.0`).n).toBe(0);
  });

  it("flags sessions exactly as evaluateSession does, against the plan in force and every session lib/data reads in the window", () => {
    const rules = defaultClinicSettings();
    const sample = all(a, `select * from home_sessions where ${SYNTHETIC} and rowid % 11 = 0`);
    expect(sample.length).toBeGreaterThan(300);
    let flagged = 0;
    let judgedAgainstMany = 0;
    for (const s of sample) {
      const performedAt = String(s.performed_at);
      const plans = loadPlansInForce(a, String(s.patient_id), performedAt);
      // Judged as reported, in time order: the earlier sessions only (a millisecond before, so not itself).
      const justBefore = new Date(Date.parse(performedAt) - 1).toISOString();
      const { before, firstInArea } = neighboursInArea(a, String(s.patient_id), String(s.area), justBefore, spacingWindowDays(plans, rules));
      const { flags } = evaluateSession(
        { performedAt, area: String(s.area), needleMm: Number(s.needle_mm), sanitized: s.sanitized === 1, patchTestDone: s.patch_test_done === null ? null : s.patch_test_done === 1 },
        { plans, before, after: [], firstInArea, ...rules, timeZone: "UTC" },
      );
      expect(JSON.parse(String(s.flags)), String(s.id)).toEqual(flags);
      expect(s.plan_version).toBe(plans.at(-1)?.version ?? null);
      if (flags.length) flagged += 1;
      if (before.length > 1) judgedAgainstMany += 1;
    }
    expect(flagged).toBeGreaterThan(0);
    expect(flagged / sample.length).toBeLessThan(0.1);
    expect(judgedAgainstMany).toBeGreaterThan(0);
  });

  it("follows sessions with fading reactions in the same area, and keeps their grades consistent", () => {
    const reactions = all(a, `select r.*, s.area session_area, s.performed_at from reactions r join home_sessions s on s.id = r.session_id where r.${SYNTHETIC}`);
    expect(reactions.length).toBeGreaterThan(countsA.sessions * 0.15);
    for (const r of reactions) {
      const symptoms = JSON.parse(String(r.symptoms)) as SymptomGrade[];
      expect(r.max_grade).toBe(Math.max(...symptoms.map((s) => s.grade)));
      expect(r.area).toBe(r.session_area);
      expect(String(r.reported_at) > String(r.performed_at)).toBe(true);
    }
    const unresolved = all(a, `select session_id from reactions where ${SYNTHETIC} group by session_id having min(reported_at) < ? and max(reported_at) = max(case when max_grade > 0 then reported_at end)`, TEN_DAYS_AGO);
    expect(unresolved.length).toBeGreaterThan(0);
  });

  it("raises alerts in every state with a consistent follow-up", () => {
    const alerts = all(a, `select * from alerts where ${SYNTHETIC}`);
    expect(new Set(alerts.map((x) => x.status))).toEqual(new Set(["open", "acknowledged", "resolved"]));
    expect(new Set(alerts.map((x) => x.kind))).toContain("off_plan_session");
    expect(alerts.some((x) => x.reaction_id !== null)).toBe(true);
    for (const x of alerts) {
      const acknowledged = x.acknowledged_by !== null && x.acknowledged_at !== null;
      const resolved = x.resolved_by !== null && x.resolved_at !== null && x.resolution_note !== null;
      expect(acknowledged, String(x.id)).toBe(x.status !== "open");
      expect(resolved, String(x.id)).toBe(x.status === "resolved");
      if (x.suspended_plan_version !== null) {
        expect(one(a, "select decision from plan_versions where patient_id = ? and version = ?", x.patient_id, x.suspended_plan_version).decision).toBe("suspended");
      }
    }
    const oldOpen = alerts.filter((x) => x.status === "open" && String(x.created_at) < TEN_DAYS_AGO).length;
    expect(oldOpen / alerts.length).toBeLessThan(0.05);
    expect(alerts.filter((x) => x.suspended_plan_version !== null).length).toBeGreaterThan(0);
  });

  it("signs off reports older than ten days and leaves newer ones in the review queue", () => {
    for (const table of ["home_sessions", "reactions"]) {
      expect(one(a, `select count(*) n from ${table} where ${SYNTHETIC} and created_at < ? and reviewed_at is null`, TEN_DAYS_AGO).n, table).toBe(0);
      expect(one(a, `select count(*) n from ${table} where ${SYNTHETIC} and reviewed_at is null`).n, table).toBeGreaterThan(0);
      expect(one(a, `select count(*) n from ${table} where ${SYNTHETIC} and (reviewed_at < created_at or reviewed_at >= ?)`, NOW.toISOString()).n, table).toBe(0);
    }
    const queued = one(a, `select count(*) n from review_queue where ${SYNTHETIC}`).n;
    const unreviewed = Number(one(a, `select count(*) n from home_sessions where ${SYNTHETIC} and reviewed_at is null`).n) + Number(one(a, `select count(*) n from reactions where ${SYNTHETIC} and reviewed_at is null`).n);
    expect(queued).toBe(unreviewed);
  });

  it("records plan decisions and reports in the audit trail as recordAudit does", () => {
    const actions = all(a, `select action, count(*) n from audit_events where ${SYNTHETIC} group by action`);
    for (const row of actions) expect(Object.keys(AUDIT_ACTIONS)).toContain(row.action);
    const byAction: Record<string, number> = Object.fromEntries(actions.map((r) => [String(r.action), Number(r.n)]));
    expect(byAction["plan.decide"]).toBe(countsA.planVersions);
    expect(byAction["session.report"]).toBe(countsA.sessions);
    expect(byAction["reaction.report"]).toBe(countsA.reactions);
    expect(Object.values(byAction).reduce((s, n) => s + n, 0)).toBe(countsA.auditEvents);
    const decision = one(a, `select detail from audit_events where action = 'plan.decide' and ${SYNTHETIC} order by id limit 1`);
    expect(JSON.parse(String(decision.detail))).toMatchObject({ before: null, after: { version: 1 } });
    const reports = all(a, `select e.detail, e.actor_id, e.occurred_at, s.* from audit_events e join home_sessions s on s.id = e.detail ->> '$.after.id'
      where e.action = 'session.report' and e.${SYNTHETIC} and e.id % 29 = 0`);
    expect(reports.length).toBeGreaterThan(50);
    for (const r of reports) {
      expect(JSON.parse(String(r.detail))).toEqual({
        after: { id: r.id, area: r.area, needleMm: r.needle_mm, performedAt: r.performed_at, flags: JSON.parse(String(r.flags)), onBehalf: r.on_behalf === 1 },
      });
      expect([r.actor_id, r.occurred_at]).toEqual([r.reported_by, r.created_at]);
    }
  });
});
