import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { alerts, auditEvents, homeSessions } from "@/db/schema";
import { SCREENING_ITEMS } from "@/lib/domain/clinical";
import { addDays, formatClinicDateTime, todayIso } from "@/lib/domain/dates";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { planDecisionSchema } from "@/lib/validation/plans";
import { patientCreateSchema, patientListQuerySchema } from "@/lib/validation/patients";
import { reactionReportSchema, sessionReportSchema } from "@/lib/validation/reports";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { createPatientWithBackdatedPlan, type PlanArea } from "@/test/factories";
import { acknowledgeAlert, listAlerts, resolveAlert } from "./alerts";
import { getClinicSettings, updateClinicSettings } from "./clinic-settings";
import { getHomeCare } from "./home-care";
import { createPatient, getPatient, listPatients } from "./patients";
import { loadCurrentPlan } from "./internal/plans";
import { decidePlan } from "./plans";
import { reportReaction } from "./reactions";
import { recordScreening } from "./screenings";
import { listSessions, logSession } from "./sessions";

const openOf = (patientId: string) => ({ status: "open" as const, patientId, page: 1, pageSize: 100 });

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const DAY = 86_400_000;
const HOUR = 3_600_000;
const rivera = () => actorFor(db, "rivera@northside.test");
const admin = () => actorFor(db, "admin@northside.test");
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
let counter = 0;

const screen = (id: string, yes: string[] = []) =>
  recordScreening(rivera(), id, { answers: SCREENING_ITEMS.map((i) => ({ item: i.code, answer: yes.includes(i.code), date: null })) });
const approve = (id: string, o: Record<string, unknown> = {}) =>
  decidePlan(
    rivera(),
    id,
    planDecisionSchema.parse({
      baseVersion: 0,
      screeningVersion: 1,
      decision: "approved",
      areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }],
      minIntervalDays: 7,
      reviewBy: addDays(todayIso(), 60),
      instructions: "Sanitize before and after every session.",
      ...o,
    }),
  );

/** A clean-screened patient whose plan (version 1) was decided a month ago, so sessions can be backdated under it. */
const patientWithPlan = (o: { areas?: PlanArea[]; minIntervalDays?: number } = {}) => createPatientWithBackdatedPlan(db, { prefix: "Safety", ...o });

const log = (id: string, o: Record<string, unknown> = {}) =>
  logSession(rivera(), id, sessionReportSchema.parse({ performedAt: ago(HOUR), area: "face", needleMm: 0.5, device: "pen", sanitized: true, patchTestDone: true, ...o }));
const react = (id: string, o: Record<string, unknown>) => reportReaction(rivera(), id, reactionReportSchema.parse({ reportedAt: ago(0), symptoms: [{ symptom: "erythema", grade: 1 }], ...o }));
const rosterRow = (id: string) => {
  const name = getPatient(rivera(), id).name;
  return listPatients(rivera(), patientListQuerySchema.parse({ q: name })).items.find((p) => p.id === id);
};
const openAlerts = (id: string) => db.select().from(alerts).where(and(eq(alerts.patientId, id), eq(alerts.status, "open"))).all();
const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues?.map((i) => i.rule ?? i.path);
    throw error;
  }
  return [];
};

describe("the saved-session notice", () => {
  it("explains a flag with the limit of the plan version the session was judged by, not today's plan", () => {
    const id = patientWithPlan({ areas: [{ area: "face", maxNeedleMm: 0.25 }] });
    // Version 2, decided after the session was performed, allows 0.5 mm on the face.
    approve(id, { baseVersion: 1, areas: [{ area: "face", maxNeedleMm: 0.5 }] });
    const session = log(id, { needleMm: 0.5, performedAt: ago(5 * DAY) });
    expect(session.planVersion).toBe(1);
    expect(session.flags).toEqual(["needle_exceeds_plan"]);
    expect(session.flagNotes).toEqual(["0.5 mm is longer than your plan allows for the face (up to 0.25 mm)."]);
  });
});

describe("late reports", () => {
  it("flag a session reported after a later one in the same area, and the alert names both", () => {
    const id = patientWithPlan({ minIntervalDays: 3, areas: [{ area: "face", maxNeedleMm: 0.25 }] });
    const later = log(id, { performedAt: ago(HOUR), needleMm: 0.25 });
    const earlier = log(id, { performedAt: ago(25 * HOUR), needleMm: 0.25 });
    expect(later.flags).toEqual([]);
    expect(earlier.flags).toEqual(["interval_too_short"]);
    // The earlier-reported session keeps the flags it was reported with.
    expect(listSessions(rivera(), id, { page: 1, pageSize: 10 }).items.find((s) => s.id === later.id)?.flags).toEqual([]);
    const [alert] = openAlerts(id);
    expect(alert).toMatchObject({ sessionId: earlier.id, relatedSessionId: later.id, severity: "normal" });
    expect(alert!.summary).toContain(formatClinicDateTime(later.performedAt, "UTC"));
    expect(alert!.summary).toContain(formatClinicDateTime(earlier.performedAt, "UTC"));
  });
});

describe("reactions by area", () => {
  it("link to the latest session in that area, so the 72-hour rule holds at 72 h + 1 s and not at 72 h", () => {
    const id = patientWithPlan();
    const face = log(id, { performedAt: ago(5 * DAY) });
    log(id, { area: "neck", needleMm: 0.25, performedAt: ago(HOUR) });
    const atHours = (h: number) => new Date(Date.parse(face.performedAt) + h * HOUR).toISOString();
    expect(react(id, { area: "face", reportedAt: atHours(72) })).toMatchObject({ sessionId: face.id, alert: null });
    expect(react(id, { area: "face", reportedAt: new Date(Date.parse(atHours(72)) + 1000).toISOString() })).toMatchObject({
      sessionId: face.id,
      alert: { severity: "high" },
    });
  });

  it("refuse a reaction before its session, a session of another area, and neither area nor session", () => {
    const id = patientWithPlan();
    const face = log(id, { performedAt: ago(2 * HOUR) });
    expect(ruleOf(() => react(id, { sessionId: face.id, reportedAt: ago(3 * HOUR) }))).toEqual(["reportedAt"]);
    expect(ruleOf(() => react(id, { sessionId: face.id, area: "neck" }))).toEqual(["area"]);
    expect(reactionReportSchema.safeParse({ reportedAt: ago(0), symptoms: [{ symptom: "erythema", grade: 1 }] }).success).toBe(false);
    expect(react(id, { sessionId: face.id })).toMatchObject({ sessionId: face.id, area: "face" });
  });

  it("alert high when a symptom is worse on a later report of the same session after day 2", () => {
    const id = patientWithPlan();
    const face = log(id, { performedAt: ago(3 * DAY) });
    react(id, { sessionId: face.id, reportedAt: ago(2.9 * DAY), symptoms: [{ symptom: "swelling", grade: 1 }] });
    expect(react(id, { sessionId: face.id, symptoms: [{ symptom: "swelling", grade: 2 }] }).alert).toMatchObject({ severity: "high" });
  });
});

describe("what a session says", () => {
  it("flags not sanitized and a first session without a patch test, with a normal alert", () => {
    const id = patientWithPlan();
    expect(log(id, { sanitized: false, patchTestDone: null }).flags).toEqual(["not_sanitized", "no_patch_test"]);
    expect(openAlerts(id)).toMatchObject([{ severity: "normal", kind: "off_plan_session" }]);
  });

  it("stores a clinic depth up to 5 mm with a high alert, and refuses an impossible length", () => {
    const id = patientWithPlan();
    expect(log(id, { needleMm: 1.5 }).flags).toEqual(["needle_above_home_max", "needle_exceeds_plan"]);
    expect(openAlerts(id)).toMatchObject([{ severity: "high" }]);
    expect(sessionReportSchema.safeParse({ performedAt: ago(0), area: "face", needleMm: 5.5, device: "pen", sanitized: true }).success).toBe(false);
  });

  it("raises a high alert for a session while the plan is suspended", () => {
    const id = patientWithPlan();
    decidePlan(rivera(), id, planDecisionSchema.parse({ baseVersion: 1, decision: "suspended", reason: "Infection reported on the cheek" }));
    expect(log(id, { performedAt: ago(0) }).flags).toEqual(["no_active_plan", "plan_suspended"]);
    expect(openAlerts(id)).toMatchObject([{ severity: "high" }]);
  });

  it("judges a session against both versions decided in its minute", () => {
    const id = patientWithPlan();
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    // Decided seconds after the session, within the same minute: the suspension counts too.
    decidePlan(rivera(), id, planDecisionSchema.parse({ baseVersion: 1, decision: "suspended", reason: "Infection reported on the cheek" }));
    const session = log(id, { performedAt: new Date(minute).toISOString() });
    expect(session.flags).toEqual(expect.arrayContaining(["plan_suspended"]));
    expect(session.planVersion).toBe(2);
  });
});

/** The start of the clinic day (UTC in tests) `days` after a session's day: spacing counts clinic days. */
const clinicDayStart = (performedAt: string, days: number) => `${addDays(performedAt.slice(0, 10), days)}T00:00:00.000Z`;

describe("the next allowed date", () => {
  it("follows the length actually used: 28 days after an off-plan 1.0 mm on a 0.5 mm / 7-day plan", () => {
    const id = patientWithPlan();
    const done = log(id, { needleMm: 1.0 });
    const face = getHomeCare(rivera(), id).areas.find((a) => a.area === "face")!;
    expect(face.nextAllowedAt).toBe(clinicDayStart(done.performedAt, 28));
    expect(face.nextAllowedReasons).toEqual(["longer_needle"]);
  });

  it("adds the clinic's extra spacing after redness lasting more than 48 hours", () => {
    const id = patientWithPlan();
    const done = log(id, { performedAt: ago(3 * DAY) });
    react(id, { area: "face", reportedAt: ago(3 * DAY - 60 * HOUR) });
    const face = getHomeCare(rivera(), id).areas.find((a) => a.area === "face")!;
    expect(face.nextAllowedAt).toBe(clinicDayStart(done.performedAt, 14));
    expect(face.nextAllowedReasons).toContain("prolonged_redness");
  });
});

describe("decisions on current grounds", () => {
  it("answers 409 when the screening changed since the clinician looked", () => {
    counter += 1;
    const { id } = createPatient(rivera(), patientCreateSchema.parse({ name: `Safety ${counter}`, dateOfBirth: "1990-01-01", mrn: `SAFE-${counter}`, skinType: 2, responsibleClinicianId: rivera().id }));
    screen(id);
    screen(id, ["pregnancy"]);
    expect(() => approve(id, { screeningVersion: 1, contraindicationOverride: "Override written for a different item", overriddenItems: ["pregnancy"] })).toThrow(ConflictError);
    expect(loadCurrentPlan(id)).toBeNull();
  });

  it("raises a high alert and pauses the plan when a new screening adds a blocking item", () => {
    const id = patientWithPlan();
    expect(rosterRow(id)?.needsReview).toBe(false);
    // A review item asks for a look (normal) and leaves the plan usable; a blocking one pauses it (high).
    screen(id, ["rosacea"]);
    expect(openAlerts(id)).toMatchObject([{ kind: "new_review_item", severity: "normal" }]);
    expect(getHomeCare(rivera(), id).pause).toBeNull();
    screen(id, ["rosacea", "pregnancy"]);
    expect(openAlerts(id)).toMatchObject([{ kind: "new_review_item", severity: "normal" }, { kind: "new_contraindication", severity: "high" }]);
    expect(loadCurrentPlan(id)).toMatchObject({ status: "approved", needsReview: true });
    expect(getPatient(rivera(), id).currentPlan?.needsReview).toBe(true);
    expect(rosterRow(id)).toMatchObject({ planStatus: "approved", needsReview: true });
    expect(getHomeCare(rivera(), id).pause).toMatchObject({ reason: "contraindication", items: ["pregnancy"] });
    expect(getHomeCare(rivera(), id).areas.every((a) => !a.allowed)).toBe(true);
    expect(log(id, { performedAt: ago(0) }).flags).toEqual(expect.arrayContaining(["while_paused", "contraindicated"]));
    approve(id, {
      baseVersion: 1,
      screeningVersion: 3,
      contraindicationOverride: "Discussed with obstetrician; postpartum and not breastfeeding soon",
      overriddenItems: ["pregnancy"],
      acknowledgedReviewItems: ["rosacea"],
    });
    expect(loadCurrentPlan(id)?.needsReview).toBe(false);
    expect(rosterRow(id)?.needsReview).toBe(false);
  });
});

describe("who may weaken safety", () => {
  it("lets admins neither acknowledge nor resolve a high alert, and audits the refusals", () => {
    const id = patientWithPlan();
    log(id, { needleMm: 2.0 });
    const [alert] = listAlerts(rivera(), openOf(id)).items;
    expect(() => resolveAlert(admin(), alert!.id, { note: "Looked fine on the phone", suspendPlan: false })).toThrow(ForbiddenError);
    expect(() => acknowledgeAlert(admin(), alert!.id)).toThrow(ForbiddenError);
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.action, "alert.acknowledge"), eq(auditEvents.outcome, "denied"))).all().some((r) => JSON.parse(r.detail!).alertId === alert!.id)).toBe(true);
    const refusals = db.select().from(auditEvents).where(and(eq(auditEvents.action, "alert.resolve"), eq(auditEvents.outcome, "denied"))).all();
    expect(refusals.some((r) => JSON.parse(r.detail!).alertId === alert!.id)).toBe(true);
    expect(resolveAlert(rivera(), alert!.id, { note: "Called the patient; no harm.", suspendPlan: false }).status).toBe("resolved");
  });

  it("refuses settings that loosen a DOMAIN default, and safety changes by an admin", () => {
    const settings = getClinicSettings(rivera());
    const put = (actor: ReturnType<typeof rivera>, change: Record<string, unknown>) => updateClinicSettings(actor, clinicSettingsSchema.parse({ ...settings, ...change })).settings;
    expect(ruleOf(() => put(rivera(), { screeningClasses: { ...settings.screeningClasses, pregnancy: "review" } }))).toEqual(["screening_always_blocks"]);
    expect(ruleOf(() => put(rivera(), { intervalFloors: [{ upToMm: 1.0, minDays: 20 }] }))).toEqual(["interval_floor_below_minimum"]);
    expect(ruleOf(() => put(rivera(), { alertRules: { ...settings.alertRules, persistentHours: 96 } }))).toEqual(["persistent_alert_weakened"]);
    expect(() => put(admin(), { screeningValidityDays: 60 })).toThrow(ForbiddenError);
    expect(put(admin(), {}).screeningValidityDays).toBe(90);
    expect(put(rivera(), { screeningValidityDays: 60 }).screeningValidityDays).toBe(60);
    put(rivera(), { screeningValidityDays: 90 });
    expect(db.select().from(homeSessions).limit(1).all()).toHaveLength(1);
  });
});
