import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { alerts, auditEvents, patients, reviewQueue } from "@/db/schema";
import { SCREENING_ITEMS } from "@/lib/domain/clinical";
import { addDays, todayIso } from "@/lib/domain/dates";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { planDecisionSchema } from "@/lib/validation/plans";
import { patientCreateSchema, patientListQuerySchema } from "@/lib/validation/patients";
import { alertGroupActionSchema, reactionReportSchema, sessionReportSchema } from "@/lib/validation/reports";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { actOnAlertGroup, listAlertGroups } from "./alert-groups";
import { countOpenAlerts, listAlerts } from "./alerts";
import { countPatientsByPlanStatus, createPatient, listPatients, updatePatient } from "./patients";
import { decidePlan } from "./plans";
import { reportReaction } from "./reactions";
import { countReviewQueue, listReviewQueue, signOffReport } from "./review-queue";
import { recordScreening } from "./screenings";
import { logSession } from "./sessions";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const rivera = () => actorFor(db, "rivera@northside.test");
const okafor = () => actorFor(db, "okafor@northside.test");
const admin = () => actorFor(db, "admin@northside.test");
let counter = 0;

function patientWithPlan(decision: "approved" | "none" = "approved", reviewInDays = 60): string {
  counter += 1;
  const patient = createPatient(
    rivera(),
    patientCreateSchema.parse({ name: `Inbox ${counter}`, dateOfBirth: "1990-01-01", mrn: `INBOX-${counter}`, skinType: 2, responsibleClinicianId: rivera().id }),
  );
  if (decision === "none") return patient.id;
  recordScreening(rivera(), patient.id, { answers: SCREENING_ITEMS.map((i) => ({ item: i.code, answer: false, date: null })) });
  decidePlan(
    rivera(),
    patient.id,
    planDecisionSchema.parse({ baseVersion: 0, screeningVersion: 1, decision: "approved", areas: [{ area: "face", maxNeedleMm: 0.5 }], minIntervalDays: 7, reviewBy: addDays(todayIso(), reviewInDays), instructions: "Sanitize before and after." }),
  );
  return patient.id;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const session = (performedAt: string, o: Record<string, unknown> = {}) =>
  sessionReportSchema.parse({ performedAt, area: "face", needleMm: 0.5, device: "pen", sanitized: true, patchTestDone: true, ...o });

describe("review queue kept by triggers", () => {
  it("holds each unreviewed report once, newest first across kinds, until it is signed off", () => {
    const id = patientWithPlan();
    const before = countReviewQueue(rivera());
    const s = logSession(rivera(), id, session(minutesAgo(30)));
    const r = reportReaction(rivera(), id, reactionReportSchema.parse({ reportedAt: minutesAgo(10), sessionId: s.id, symptoms: [{ symptom: "erythema", grade: 1 }] }));
    expect(countReviewQueue(rivera())).toBe(before + 2);
    const page = listReviewQueue(rivera(), { page: 1, pageSize: 2 });
    expect(page.items.map((i) => i.id)).toEqual([r.id, s.id]);
    expect(page).toMatchObject({ total: before + 2, page: 1, pageSize: 2 });
    signOffReport(rivera(), "session", s.id);
    expect(countReviewQueue(rivera())).toBe(before + 1);
    expect(db.select().from(reviewQueue).where(eq(reviewQueue.reportId, s.id)).all()).toEqual([]);
  });

  it("moves a patient's unreviewed reports to the new responsible clinician", () => {
    const id = patientWithPlan();
    logSession(rivera(), id, session(minutesAgo(5)));
    const [riveraBefore, okaforBefore] = [countReviewQueue(rivera()), countReviewQueue(okafor())];
    updatePatient(rivera(), id, { responsibleClinicianId: okafor().id });
    expect(countReviewQueue(rivera())).toBe(riveraBefore - 1);
    expect(countReviewQueue(okafor())).toBe(okaforBefore + 1);
    expect(listReviewQueue(okafor(), { page: 1, pageSize: 100 }).items.some((i) => i.patientId === id)).toBe(true);
  });

  it("pages the admin's whole-clinic queue without gaps or repeats", () => {
    const total = countReviewQueue(admin());
    const seen = [1, 2, 3].flatMap((page) => listReviewQueue(admin(), { page, pageSize: 2 }).items.map((i) => i.id));
    expect(new Set(seen).size).toBe(Math.min(6, total));
  });
});

describe("roster on the current-plan pointer", () => {
  it("follows each new plan version and counts every patient once", () => {
    const id = patientWithPlan("approved");
    const current = () => db.select({ v: patients.currentPlanVersion, d: patients.currentDecision }).from(patients).where(eq(patients.id, id)).get();
    expect(current()).toEqual({ v: 1, d: "approved" });
    decidePlan(rivera(), id, planDecisionSchema.parse({ baseVersion: 1, decision: "suspended", reason: "Infection reported." }));
    expect(current()).toEqual({ v: 2, d: "suspended" });
    const counts = countPatientsByPlanStatus(rivera());
    for (const status of ["approved", "denied", "suspended", "expired", "pending"] as const) {
      expect(listPatients(rivera(), patientListQuerySchema.parse({ status })).total).toBe(counts[status]);
    }
  });

  it("sorts by review date with undated patients last, across the page where the two meet", () => {
    patientWithPlan("none");
    patientWithPlan("approved", 3);
    const all = listPatients(rivera(), patientListQuerySchema.parse({ sort: "reviewBy", pageSize: "100" })).items;
    const dated = all.filter((p) => p.reviewBy);
    expect(all.slice(0, dated.length)).toEqual(dated);
    expect(dated.map((p) => p.reviewBy)).toEqual([...dated.map((p) => p.reviewBy)].sort());
    const paged = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((page) => listPatients(rivera(), patientListQuerySchema.parse({ sort: "reviewBy", page: String(page), pageSize: "3" })).items);
    expect(paged.map((p) => p.id)).toEqual(all.slice(0, 30).map((p) => p.id));
  });
});

describe("grouped alert inbox", () => {
  const floodPatient = () => {
    const id = patientWithPlan();
    // Five sessions ten minutes apart: the first predates the approval, each later one is too close to the one before.
    for (let m = 50; m >= 10; m -= 10) logSession(rivera(), id, session(minutesAgo(m)));
    return id;
  };

  it("groups a flood by patient and kind and puts a group with a high alert first", () => {
    const flooded = floodPatient();
    const high = patientWithPlan();
    logSession(rivera(), high, session(minutesAgo(1), { needleMm: 1.5 }));
    const groups = listAlertGroups(rivera(), { page: 1, pageSize: 100 }).items;
    expect(groups[0]).toMatchObject({ patientId: high, severity: "high" });
    expect(groups.find((g) => g.patientId === flooded)).toMatchObject({ kind: "off_plan_session", count: 5, highCount: 0, severity: "normal" });
    expect(groups.every((g, i) => i === 0 || g.severity !== "high" || groups[i - 1]!.severity === "high")).toBe(true);
  });

  it("acknowledges a group in one audited action, leaving an alert raised after the one shown", () => {
    const id = floodPatient();
    const group = listAlertGroups(rivera(), { page: 1, pageSize: 100 }).items.find((g) => g.patientId === id)!;
    logSession(rivera(), id, session(minutesAgo(0)));
    const before = countOpenAlerts(rivera()).open;
    const input = alertGroupActionSchema.parse({ patientId: id, kind: group.kind, upTo: group.lastAt, action: "acknowledge" });
    expect(actOnAlertGroup(rivera(), input)).toEqual({ updated: 5, leftForClinician: 0, awaitingCall: 0 });
    expect(countOpenAlerts(rivera()).open).toBe(before - 5);
    expect(listAlerts(rivera(), { status: "open", patientId: id, page: 1, pageSize: 50 }).total).toBe(1);
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, "alert.group_acknowledge"), eq(auditEvents.patientId, id))).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ count: 5, kind: "off_plan_session" });
    expect(() => actOnAlertGroup(rivera(), { ...input, upTo: group.lastAt })).toThrow(ConflictError);
  });

  it("lets only a clinician resolve a group holding a high alert, and audits the refusal", () => {
    const id = patientWithPlan();
    logSession(rivera(), id, session(minutesAgo(20), { needleMm: 1.5 }));
    logSession(rivera(), id, session(minutesAgo(5), { needleMm: 1.5 }));
    const group = listAlertGroups(admin(), { page: 1, pageSize: 100 }).items.find((g) => g.patientId === id)!;
    const input = alertGroupActionSchema.parse({ patientId: id, kind: group.kind, upTo: group.lastAt, action: "resolve", note: "Called the patient; stopped the 1.5 mm device." });
    expect(() => actOnAlertGroup(admin(), input)).toThrow(ForbiddenError);
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.action, "alert.group_resolve"), eq(auditEvents.outcome, "denied"))).all()).toHaveLength(1);
    expect(actOnAlertGroup(rivera(), input).updated).toBe(group.count);
    const resolved = db.select().from(alerts).where(and(eq(alerts.patientId, id), eq(alerts.status, "resolved"))).all();
    expect(resolved.every((a) => a.resolvedBy === rivera().id && a.acknowledgedBy === rivera().id && a.resolutionNote === input.note)).toBe(true);
  });

  it("leads a group row with its most severe item, even when a normal alert is newer", () => {
    const id = patientWithPlan();
    logSession(rivera(), id, session(minutesAgo(30), { needleMm: 1.5 }));
    logSession(rivera(), id, session(minutesAgo(5), { sanitized: false }));
    const group = listAlertGroups(rivera(), { page: 1, pageSize: 100 }).items.find((g) => g.patientId === id)!;
    expect(group).toMatchObject({ count: 2, highCount: 1, severity: "high" });
    expect(group.lead).toMatchObject({ severity: "high", summary: expect.stringMatching(/home maximum|clinic/i) });
    expect(group.latestSummary).toMatch(/not sanitized/i);
    expect(group.lead.id).not.toBe(group.latestId);
  });

  it("lets an admin acknowledge only a group's normal alerts, leaving the high ones open for a clinician", () => {
    const id = patientWithPlan();
    logSession(rivera(), id, session(minutesAgo(40), { needleMm: 1.5 }));
    logSession(rivera(), id, session(minutesAgo(20), { sanitized: false }));
    const group = listAlertGroups(admin(), { page: 1, pageSize: 100 }).items.find((g) => g.patientId === id)!;
    const highBefore = countOpenAlerts(admin()).high;
    const input = alertGroupActionSchema.parse({ patientId: id, kind: group.kind, upTo: group.lastAt, action: "acknowledge" });
    expect(actOnAlertGroup(admin(), input)).toEqual({ updated: 1, leftForClinician: 1, awaitingCall: 0 });
    expect(listAlerts(rivera(), { status: "open", patientId: id, page: 1, pageSize: 50 }).items.map((a) => a.severity)).toEqual(["high"]);
    expect(countOpenAlerts(admin()).high).toBe(highBefore);
    // What is left is high only: the admin is refused (audited), a clinician is not.
    expect(() => actOnAlertGroup(admin(), input)).toThrow(ForbiddenError);
    const refusals = db.select().from(auditEvents).where(and(eq(auditEvents.action, "alert.group_acknowledge"), eq(auditEvents.outcome, "denied"), eq(auditEvents.patientId, id))).all();
    expect(refusals).toHaveLength(1);
    expect(actOnAlertGroup(rivera(), input)).toEqual({ updated: 1, leftForClinician: 0, awaitingCall: 0 });
    expect(countOpenAlerts(admin()).high).toBe(highBefore - 1);
  });

  it("refuses a resolution without a note", () => {
    expect(alertGroupActionSchema.safeParse({ patientId: crypto.randomUUID(), kind: "off_plan_session", upTo: new Date().toISOString(), action: "resolve" }).success).toBe(false);
  });
});
