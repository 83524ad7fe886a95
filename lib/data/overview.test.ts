import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { alerts, clinics, homeSessions, patients, planVersions, reactions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { addDays, todayIso } from "@/lib/domain/dates";
import { ForbiddenError } from "@/lib/errors";
import { patientListQuerySchema } from "@/lib/validation/patients";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { getAlertsPerWeek, getClinicOverview, getNeedsAttention, getOffPlanShare, getReactionsBySymptom } from "./overview";
import { listPatients } from "./patients";

let db: Db;
let close: () => void;
let actor: Actor;
beforeAll(async () => {
  ({ db, close } = await useSeededTestDatabase());
  actor = craftedClinic();
});
afterAll(() => close());

const DAY = 86_400_000;
// A Wednesday: its week starts on Monday 2026-11-16.
const now = new Date("2026-11-18T12:00:00.000Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY).toISOString();

/** A clinic of its own, so every count below is known exactly. */
function craftedClinic(): Actor {
  const clinicId = db.insert(clinics).values({ name: "Overview Test Clinic" }).returning({ id: clinics.id }).get().id;
  const user = db.insert(users).values({ clinicId, email: "overview@test.test", name: "Dr. Overview", role: "clinician" }).returning().get();
  const patient = (name: string) =>
    db.insert(patients).values({ clinicId, responsibleClinicianId: user.id, mrn: name, name, dateOfBirth: "1990-01-01", skinType: 2 }).returning({ id: patients.id }).get().id;
  const [ana, ben, cai] = [patient("Ana"), patient("Ben"), patient("Cai")];
  db.insert(planVersions)
    .values([
      { patientId: ana, version: 1, decision: "approved", areas: [{ area: "face", maxNeedleMm: 0.5 }], maxNeedleMm: 0.5, minIntervalDays: 7, reviewBy: addDays(todayIso(), 10), decidedBy: user.id, decidedAt: daysAgo(80) },
      { patientId: ben, version: 1, decision: "denied", areas: [], reason: "Active acne on both cheeks", decidedBy: user.id, decidedAt: daysAgo(80) },
    ])
    .run();
  const session = (patientId: string, d: number, flags: string[] = []) =>
    db.insert(homeSessions).values({ patientId, performedAt: daysAgo(d), area: "face", needleMm: 0.5, device: "pen", sanitized: true, flags, reportedBy: user.id }).returning({ id: homeSessions.id }).get().id;
  const react = (sessionId: string, d: number, grade: number) =>
    db.insert(reactions).values({ patientId: ana, sessionId, area: "face", reportedAt: daysAgo(d), symptoms: [{ symptom: "erythema", grade }, { symptom: "pain", grade: 0 }], maxGrade: grade, reportedBy: user.id }).run();
  // Ana: this week 1 of 4 sessions flagged; worst grade 1 → 2 → 3 over her last three sessions.
  react(session(ana, 20), 19.5, 1);
  react(session(ana, 13), 12.5, 2);
  react(session(ana, 1), 0.5, 3);
  session(ana, 0.9, ["interval_too_short"]);
  session(ana, 0.8);
  session(ana, 0.7);
  // Last week: 1 of 1 flagged. Before the 12 weeks: not counted.
  session(ben, 7, ["no_active_plan", "plan_denied"]);
  session(ben, 200, ["no_active_plan"]);
  const alert = (createdDaysAgo: number, o: Partial<typeof alerts.$inferInsert> = {}) =>
    db.insert(alerts).values({ clinicId, patientId: cai, kind: "severe_reaction", severity: "high", summary: "Severe pain.", createdAt: daysAgo(createdDaysAgo), ...o }).run();
  alert(1);
  alert(8, { status: "resolved", resolvedBy: user.id, resolvedAt: daysAgo(1), severity: "normal" });
  return { id: user.id, email: user.email, name: user.name, role: "clinician", clinicId, patientId: null, ip: null };
}

describe("the clinic overview", () => {
  it("counts every patient once by plan status, as the roster does", () => {
    const { plansByStatus } = getClinicOverview(actor, now);
    expect(plansByStatus).toEqual({ approved: 1, denied: 1, suspended: 0, expired: 0, pending: 1 });
    for (const [status, n] of Object.entries(plansByStatus)) {
      expect(listPatients(actor, patientListQuerySchema.parse({ status })).total).toBe(n);
    }
    const rivera = actorFor(db, "rivera@northside.test");
    const all = Object.values(getClinicOverview(rivera).plansByStatus).reduce((a, b) => a + b, 0);
    expect(all).toBe(listPatients(rivera, patientListQuerySchema.parse({})).total);
  });

  it("gives 12 Monday weeks of alerts raised and resolved, zero-filled", () => {
    const weeks = getAlertsPerWeek(actor, now);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toEqual({ week: "2026-11-16", raised: 1, resolved: 1 });
    expect(weeks.at(-2)).toEqual({ week: "2026-11-09", raised: 1, resolved: 0 });
    expect(weeks[0]).toEqual({ week: "2026-08-31", raised: 0, resolved: 0 });
  });

  it("shares flagged sessions per week, leaving out grade 0 symptoms and older reports", () => {
    const share = getOffPlanShare(actor, now);
    expect(share.at(-1)).toEqual({ week: "2026-11-16", share: 0.25 });
    expect(share.at(-2)).toEqual({ week: "2026-11-09", share: 1 });
    expect(share.slice(0, 9).every((w) => w.share === 0)).toBe(true);
    expect(getReactionsBySymptom(actor, now)).toEqual([
      { symptom: "erythema", grade: 1, count: 1 },
      { symptom: "erythema", grade: 2, count: 1 },
      { symptom: "erythema", grade: 3, count: 1 },
    ]);
  });

  it("lists open high alerts, rising courses and plans expiring within 14 days", () => {
    expect(getNeedsAttention(actor, now).map((n) => [n.name, n.reason])).toEqual([
      ["Cai", "Open high alert"],
      ["Ana", "Worst grade rising over the last sessions: 1 → 2 → 3"],
      ["Ana", `Plan expires on ${addDays(todayIso(), 10)}`],
    ]);
  });

  it("reuses the worsening-course scan until a reaction arrives, with names read fresh", () => {
    const ben = db.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, actor.clinicId), eq(patients.name, "Ben"))).get()!.id;
    const courses = () => getNeedsAttention(actor, now).filter((n) => n.reason.includes("rising")).map((n) => n.name);
    expect(courses()).toEqual(["Ana"]);
    db.update(patients).set({ name: "Ana Renamed" }).where(eq(patients.name, "Ana")).run();
    expect(courses()).toEqual(["Ana Renamed"]);
    const session = (d: number) =>
      db.insert(homeSessions).values({ patientId: ben, performedAt: daysAgo(d), area: "face", needleMm: 0.5, device: "pen", sanitized: true, flags: [], reportedBy: actor.id }).returning({ id: homeSessions.id }).get().id;
    for (const [d, grade] of [[6, 1], [4, 2], [2, 3]] as const) {
      db.insert(reactions).values({ patientId: ben, sessionId: session(d), area: "face", reportedAt: daysAgo(d - 0.5), symptoms: [{ symptom: "erythema", grade }], maxGrade: grade, reportedBy: actor.id }).run();
    }
    expect(courses().sort()).toEqual(["Ana Renamed", "Ben"]);
    db.update(patients).set({ name: "Ana" }).where(eq(patients.name, "Ana Renamed")).run();
  });

  it("is for staff only", () => {
    expect(() => getClinicOverview(actorFor(db, "lee@patient.test"))).toThrow(ForbiddenError);
  });

  it("keeps the daily rollups equal to the reports they count, through every insert", () => {
    const fromSessions = db.$client
      .prepare("select p.clinic_id, date(s.performed_at) day, count(*) sessions, sum(s.flags <> '[]') flagged from home_sessions s join patients p on p.id = s.patient_id group by 1, 2 order by 1, 2")
      .all();
    expect(db.$client.prepare("select clinic_id, day, sessions, flagged from clinic_daily_sessions order by 1, 2").all()).toEqual(fromSessions);
    const fromReactions = db.$client
      .prepare(
        `select p.clinic_id, date(r.reported_at) day, json_extract(j.value, '$.symptom') symptom, json_extract(j.value, '$.grade') grade, count(*) reports
         from reactions r join patients p on p.id = r.patient_id, json_each(r.symptoms) j where json_extract(j.value, '$.grade') >= 1 group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
      )
      .all();
    expect(fromReactions.length).toBeGreaterThan(0);
    expect(db.$client.prepare("select clinic_id, day, symptom, grade, reports from clinic_daily_symptoms where reports > 0 order by 1, 2, 3, 4").all()).toEqual(fromReactions);
  });
});
