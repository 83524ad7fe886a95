import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { careHolds, homeSessions, planVersions, reactions } from "@/db/schema";
import { addDays, todayIso } from "@/lib/domain/dates";
import { NotFoundError } from "@/lib/errors";
import { patientCreateSchema } from "@/lib/validation/patients";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { getPatientCharts } from "./charts";
import { createPatient } from "./patients";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const DAY = 86_400_000;
const now = new Date("2026-11-21T12:00:00.000Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY).toISOString();
const rivera = () => actorFor(db, "rivera@northside.test");
let counter = 0;

/** A patient with crafted history: approved 0.25 mm, raised to 0.5 mm 20 days ago, suspended 10 days ago. */
function craftedPatient() {
  counter += 1;
  const { id } = createPatient(rivera(), patientCreateSchema.parse({ name: `Charts ${counter}`, dateOfBirth: "1990-01-01", mrn: `CH-${counter}`, skinType: 2, responsibleClinicianId: rivera().id }));
  const version = (v: number, decidedDaysAgo: number, o: Partial<typeof planVersions.$inferInsert>) =>
    db.insert(planVersions).values({ patientId: id, version: v, decision: "approved", areas: [], decidedBy: rivera().id, decidedAt: daysAgo(decidedDaysAgo), ...o }).run();
  const review = addDays(todayIso(now), 60);
  version(1, 60, { areas: [{ area: "face", maxNeedleMm: 0.25 }], maxNeedleMm: 0.25, minIntervalDays: 3, reviewBy: review });
  version(2, 20, { areas: [{ area: "face", maxNeedleMm: 0.5 }], maxNeedleMm: 0.5, minIntervalDays: 7, reviewBy: review });
  version(3, 10, { decision: "suspended", reason: "Infection reported on the cheek" });
  const session = (d: number, needleMm: number, flags: string[] = []) =>
    db
      .insert(homeSessions)
      .values({ patientId: id, performedAt: daysAgo(d), area: "face", needleMm, device: "roller", sanitized: true, flags, reportedBy: rivera().id })
      .returning({ id: homeSessions.id })
      .get().id;
  const react = (sessionId: string, d: number, symptoms: { symptom: string; grade: number }[]) =>
    db.insert(reactions).values({ patientId: id, sessionId, area: "face", reportedAt: daysAgo(d), symptoms, maxGrade: Math.max(...symptoms.map((s) => s.grade)), reportedBy: rivera().id }).run();
  const s45 = session(45, 0.25);
  react(s45, 44.5, [{ symptom: "erythema", grade: 1 }]);
  react(s45, 43, [{ symptom: "erythema", grade: 0 }]);
  const s15 = session(15, 0.5);
  react(s15, 14.5, [{ symptom: "erythema", grade: 2 }]);
  // The boundary: exactly 30 days ago is in the 30-day range.
  const s30 = session(30, 0.25);
  const s5 = session(5, 0.5, ["no_active_plan", "plan_suspended"]);
  return { id, s45, s15, s30, s5 };
}

/** A care hold written directly, as the pause rules write it: a warning-sign pause unless told otherwise. */
function hold(patientId: string, o: Partial<typeof careHolds.$inferInsert> & { since: string }) {
  const cleared = o.clearedAt ? { clearedBy: rivera().id, clearNote: "Seen in clinic, healed well" } : {};
  db.insert(careHolds).values({ clinicId: rivera().clinicId, patientId, kind: "pause", reason: "warning_sign", items: [], alertId: null, ...cleared, ...o }).run();
}

describe("getPatientCharts", () => {
  it("holds exactly the sessions in the range, the range boundary included", () => {
    const p = craftedPatient();
    expect(getPatientCharts(rivera(), p.id, "30d", now).sessions.map((s) => s.id)).toEqual([p.s30, p.s15, p.s5]);
    expect(getPatientCharts(rivera(), p.id, "90d", now).sessions.map((s) => s.id)).toEqual([p.s45, p.s30, p.s15, p.s5]);
    expect(getPatientCharts(rivera(), p.id, "all", now)).toMatchObject({ from: daysAgo(45), to: now.toISOString() });
  });

  it("steps the limit at the plan change mid-range and shows the suspended period as 0", () => {
    const p = craftedPatient();
    expect(getPatientCharts(rivera(), p.id, "30d", now).limits).toEqual([
      { area: "face", from: daysAgo(30), to: daysAgo(20), maxNeedleMm: 0.25 },
      { area: "face", from: daysAgo(20), to: daysAgo(10), maxNeedleMm: 0.5 },
      { area: "face", from: daysAgo(10), to: null, maxNeedleMm: 0 },
    ]);
  });

  it("gives healing days per session with reactions, null while a symptom never settles", () => {
    const p = craftedPatient();
    expect(getPatientCharts(rivera(), p.id, "90d", now).healing).toEqual([
      { sessionId: p.s45, performedAt: daysAgo(45), area: "face", days: 2 },
      { sessionId: p.s15, performedAt: daysAgo(15), area: "face", days: null },
    ]);
  });

  it("says nothing for an empty range, and keeps other clinics out", () => {
    counter += 1;
    const { id } = createPatient(rivera(), patientCreateSchema.parse({ name: `Charts ${counter}`, dateOfBirth: "1990-01-01", mrn: `CH-${counter}`, skinType: 2, responsibleClinicianId: rivera().id }));
    expect(getPatientCharts(rivera(), id, "all", now)).toEqual({ range: "all", from: null, to: now.toISOString(), sessions: [], reactions: [], limits: [], healing: [], pauses: [] });
    expect(() => getPatientCharts(actorFor(db, "chen@southbay.test"), id, "90d", now)).toThrow(NotFoundError);
    const lee = actorFor(db, "lee@patient.test");
    expect(getPatientCharts(lee, lee.patientId!, "90d").sessions.length).toBeGreaterThan(0);
    expect(() => getPatientCharts(lee, patientIdByName(db, "Priya Patel"), "90d")).toThrow(NotFoundError);
  });

  it("allows no length while paused: a pause across the plan change and one before the range", () => {
    const p = craftedPatient();
    hold(p.id, { since: daysAgo(25), clearedAt: daysAgo(15) });
    hold(p.id, { since: daysAgo(40), clearedAt: daysAgo(28), reason: "contraindication" });
    hold(p.id, { since: daysAgo(70), clearedAt: daysAgo(50), reason: "health_change" });
    // A review hold does not pause: the plan stays usable.
    hold(p.id, { kind: "review", reason: "review_item", since: daysAgo(18) });
    const charts = getPatientCharts(rivera(), p.id, "30d", now);
    expect(charts.limits).toEqual([
      { area: "face", from: daysAgo(30), to: daysAgo(28), maxNeedleMm: 0 },
      { area: "face", from: daysAgo(28), to: daysAgo(25), maxNeedleMm: 0.25 },
      { area: "face", from: daysAgo(25), to: daysAgo(15), maxNeedleMm: 0 },
      { area: "face", from: daysAgo(15), to: daysAgo(10), maxNeedleMm: 0.5 },
      { area: "face", from: daysAgo(10), to: null, maxNeedleMm: 0 },
    ]);
    expect(charts.pauses).toEqual([
      { since: daysAgo(40), until: daysAgo(28), reason: "contraindication" },
      { since: daysAgo(25), until: daysAgo(15), reason: "warning_sign" },
    ]);
    expect(getPatientCharts(rivera(), p.id, "90d", now).pauses.map((x) => x.reason)).toEqual(["health_change", "contraindication", "warning_sign"]);
  });

  it("allows no length in any area from an open pause to now, and keeps the session logged meanwhile with its flag", () => {
    counter += 1;
    const { id } = createPatient(rivera(), patientCreateSchema.parse({ name: `Charts ${counter}`, dateOfBirth: "1990-01-01", mrn: `CH-${counter}`, skinType: 2, responsibleClinicianId: rivera().id }));
    const areas = [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }];
    db.insert(planVersions).values({ patientId: id, version: 1, decision: "approved", areas, maxNeedleMm: 0.5, minIntervalDays: 7, reviewBy: addDays(todayIso(now), 60), decidedBy: rivera().id, decidedAt: daysAgo(40) }).run();
    hold(id, { since: daysAgo(5) });
    const session = db
      .insert(homeSessions)
      .values({ patientId: id, performedAt: daysAgo(2), area: "neck", needleMm: 0.25, device: "roller", sanitized: true, flags: ["while_paused"], reportedBy: rivera().id })
      .returning({ id: homeSessions.id })
      .get().id;
    const charts = getPatientCharts(rivera(), id, "30d", now);
    expect(charts.limits).toEqual([
      { area: "face", from: daysAgo(30), to: daysAgo(5), maxNeedleMm: 0.5 },
      { area: "face", from: daysAgo(5), to: null, maxNeedleMm: 0 },
      { area: "neck", from: daysAgo(30), to: daysAgo(5), maxNeedleMm: 0.25 },
      { area: "neck", from: daysAgo(5), to: null, maxNeedleMm: 0 },
    ]);
    expect(charts.pauses).toEqual([{ since: daysAgo(5), until: null, reason: "warning_sign" }]);
    expect(charts.sessions).toEqual([expect.objectContaining({ id: session, flags: ["while_paused"] })]);
  });

  it("reads the pauses along the patient-and-since index, never a table scan", () => {
    const plan = db.$client
      .prepare(
        "explain query plan select since, cleared_at, reason from care_holds where patient_id = 'x' and kind = 'pause' and since <= '2027' and (cleared_at is null or cleared_at > '2026') order by since desc limit 200",
      )
      .all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(" ")).toMatch(/SEARCH care_holds USING INDEX care_holds_patient_since_idx \(patient_id=\? AND since<\?\)/);
  });

  it("reads the range through the patient-and-time indexes, never a table scan", () => {
    const plans = [
      "select id from home_sessions where patient_id = 'x' and performed_at >= '2026' and performed_at <= '2027' order by performed_at",
      "select id from reactions where patient_id = 'x' and reported_at >= '2026' and reported_at <= '2027' order by reported_at",
    ].map((q) => db.$client.prepare(`explain query plan ${q}`).all() as { detail: string }[]);
    for (const plan of plans) {
      expect(plan.map((r) => r.detail).join(" ")).toMatch(/USING (COVERING )?INDEX (home_sessions_patient_time_idx|reactions_patient_time_idx)/);
      expect(plan.some((r) => /^SCAN/.test(r.detail) && !/INDEX/.test(r.detail))).toBe(false);
    }
  });
});
