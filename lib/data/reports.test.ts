import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { alerts, auditEvents, homeSessions, reactions } from "@/db/schema";
import { SCREENING_ITEMS } from "@/lib/domain/clinical";
import { addDays, todayIso } from "@/lib/domain/dates";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { planDecisionSchema } from "@/lib/validation/plans";
import { reactionReportSchema, sessionReportSchema } from "@/lib/validation/reports";
import { patientCreateSchema } from "@/lib/validation/patients";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { acknowledgeAlert, countOpenAlerts, listAlerts, resolveAlert } from "./alerts";
import { getClinicSettings, updateClinicSettings } from "./clinic-settings";
import { getHomeCare } from "./home-care";
import { createPatient } from "./patients";
import { loadCurrentPlan } from "./internal/plans";
import { decidePlan } from "./plans";
import { listReactions, reportReaction } from "./reactions";
import { countReviewQueue, listReviewQueue, signOffReport } from "./review-queue";
import { recordScreening } from "./screenings";
import { listSessions, logSession } from "./sessions";

const openOf = (patientId: string) => ({ status: "open" as const, patientId, page: 1, pageSize: 100 });
const firstPage = { page: 1, pageSize: 100 };

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const rivera = () => actorFor(db, "rivera@northside.test");
const now = () => new Date().toISOString();
let counter = 0;

function approvedPatient(): string {
  const patient = createPatient(
    rivera(),
    patientCreateSchema.parse({ name: `Unit ${(counter += 1)}`, dateOfBirth: "1990-01-01", mrn: `UNIT-${counter}`, skinType: 2, responsibleClinicianId: rivera().id }),
  );
  recordScreening(rivera(), patient.id, { answers: SCREENING_ITEMS.map((i) => ({ item: i.code, answer: false, date: null })) });
  decidePlan(
    rivera(),
    patient.id,
    planDecisionSchema.parse({ baseVersion: 0, screeningVersion: 1, decision: "approved", areas: [{ area: "face", maxNeedleMm: 0.5 }], minIntervalDays: 7, reviewBy: addDays(todayIso(), 60), instructions: "Sanitize before and after." }),
  );
  return patient.id;
}

const session = (o: Record<string, unknown> = {}) => sessionReportSchema.parse({ performedAt: now(), area: "face", needleMm: 0.5, device: "pen", sanitized: true, patchTestDone: true, ...o });

describe("logSession", () => {
  it("keeps an off-plan session and raises one normal alert with it", () => {
    const id = approvedPatient();
    expect(logSession(rivera(), id, session()).flags).toEqual([]);
    const second = logSession(rivera(), id, session({ needleMm: 1.0 }));
    expect(second.flags).toEqual(["needle_exceeds_plan", "interval_too_short"]);
    expect(second.reportedBy).toMatchObject({ onBehalf: true, name: "Dr. Sofia Rivera" });
    const raised = db.select().from(alerts).where(eq(alerts.patientId, id)).all();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ severity: "normal", status: "open", sessionId: second.id });
    expect(listSessions(rivera(), id, { page: 1, pageSize: 10 }).total).toBe(2);
  });

  it("lets a patient report only for themself", () => {
    const lee = actorFor(db, "lee@patient.test");
    expect(logSession(lee, lee.patientId!, session({ area: "neck", needleMm: 0.25 })).reportedBy.onBehalf).toBe(false);
    expect(() => logSession(lee, patientIdByName(db, "Priya Patel"), session())).toThrow(NotFoundError);
    expect(() => logSession(actorFor(db, "chen@southbay.test"), lee.patientId!, session())).toThrow(NotFoundError);
  });

  it("moves the next allowed date by the plan's interval", () => {
    const id = approvedPatient();
    const done = logSession(rivera(), id, session());
    const face = getHomeCare(rivera(), id).areas.find((a) => a.area === "face")!;
    // Seven clinic days after the session's day (UTC in tests), from that day's start.
    expect(face.nextAllowedAt).toBe(`${addDays(done.performedAt.slice(0, 10), 7)}T00:00:00.000Z`);
  });
});

describe("reportReaction", () => {
  it("links to the latest session in the named area and raises a high alert for a grade 3", () => {
    const id = approvedPatient();
    const s = logSession(rivera(), id, session());
    const r = reportReaction(rivera(), id, reactionReportSchema.parse({ reportedAt: now(), area: "face", symptoms: [{ symptom: "pain", grade: 3 }] }));
    expect(r).toMatchObject({ sessionId: s.id, area: "face", maxGrade: 3, alert: { severity: "high" } });
    expect(listReactions(rivera(), id, { page: 1, pageSize: 10 }).items).toHaveLength(1);
  });

  it("keeps a reaction in an area with no session before it, unlinked and without a lasting-reaction alert", () => {
    const id = approvedPatient();
    logSession(rivera(), id, session({ performedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() }));
    const r = reportReaction(rivera(), id, reactionReportSchema.parse({ reportedAt: now(), area: "neck", symptoms: [{ symptom: "erythema", grade: 1 }] }));
    expect(r).toMatchObject({ sessionId: null, area: "neck", alert: null });
    const linked = reportReaction(rivera(), id, reactionReportSchema.parse({ reportedAt: now(), area: "face", symptoms: [{ symptom: "erythema", grade: 1 }] }));
    expect(linked.alert).toMatchObject({ severity: "high" });
  });

  it("follows the clinic's tightened alert rules", () => {
    const id = approvedPatient();
    logSession(rivera(), id, session());
    const moderate = () => reportReaction(rivera(), id, reactionReportSchema.parse({ reportedAt: now(), area: "face", symptoms: [{ symptom: "pain", grade: 2 }] }));
    expect(moderate().alert).toBeNull();
    const settings = getClinicSettings(rivera());
    updateClinicSettings(rivera(), clinicSettingsSchema.parse({ ...settings, alertRules: { ...settings.alertRules, severeGrade: 2 } }));
    try {
      expect(moderate().alert).toMatchObject({ severity: "high" });
    } finally {
      updateClinicSettings(rivera(), clinicSettingsSchema.parse(settings));
    }
  });

  it("refuses another patient's session and stores nothing", () => {
    const id = approvedPatient();
    const other = approvedPatient();
    const theirs = logSession(rivera(), other, session());
    expect(() =>
      reportReaction(rivera(), id, reactionReportSchema.parse({ reportedAt: now(), sessionId: theirs.id, area: "face", symptoms: [{ symptom: "pain", grade: 3 }] })),
    ).toThrow(/not one of this patient's sessions/);
    expect(db.select().from(reactions).where(eq(reactions.patientId, id)).all()).toEqual([]);
  });
});

describe("alerts", () => {
  it("acknowledges once, then resolves with a suspension through the plan rules", () => {
    const id = approvedPatient();
    logSession(rivera(), id, session());
    logSession(rivera(), id, session({ area: "hands" }));
    const [alert] = listAlerts(rivera(), openOf(id)).items;
    const before = countOpenAlerts(rivera()).open;
    acknowledgeAlert(rivera(), alert!.id);
    expect(() => acknowledgeAlert(rivera(), alert!.id)).toThrow(ConflictError);
    expect(countOpenAlerts(rivera()).open).toBe(before - 1);

    expect(() => resolveAlert(actorFor(db, "admin@northside.test"), alert!.id, { note: "x", suspendPlan: true })).toThrow(ForbiddenError);
    const resolved = resolveAlert(rivera(), alert!.id, { note: "Hands are not in the plan; suspended pending a visit.", suspendPlan: true });
    expect(resolved).toMatchObject({ status: "resolved", suspendedPlanVersion: 2, resolvedBy: "Dr. Sofia Rivera" });
    expect(loadCurrentPlan(id)).toMatchObject({ version: 2, decision: "suspended", reason: "Hands are not in the plan; suspended pending a visit." });
    expect(() => resolveAlert(rivera(), alert!.id, { note: "again", suspendPlan: false })).toThrow(ConflictError);
  });

  it("refuses to suspend when there is no approved plan, leaving the alert open", () => {
    const lee = actorFor(db, "lee@patient.test");
    const priyaId = patientIdByName(db, "Priya Patel");
    const patel = actorFor(db, "patel@patient.test");
    logSession(patel, priyaId, session());
    const [alert] = listAlerts(rivera(), openOf(priyaId)).items;
    expect(() => resolveAlert(rivera(), alert!.id, { note: "x", suspendPlan: true })).toThrow(/no approved plan/);
    expect(listAlerts(rivera(), openOf(priyaId)).items).toHaveLength(1);
    expect(() => listAlerts(lee, { status: "open", page: 1, pageSize: 50 })).toThrow(ForbiddenError);
    expect(() => acknowledgeAlert(actorFor(db, "chen@southbay.test"), alert!.id)).toThrow(NotFoundError);
  });

  it("are never deleted, nor are reports", () => {
    expect(() => db.delete(alerts).where(eq(alerts.status, "open")).run()).toThrow(/never deleted/);
    expect(() => db.delete(homeSessions).where(eq(homeSessions.area, "face")).run()).toThrow(/never deleted/);
  });
});

describe("the review queue", () => {
  it("lists a clinician's unreviewed reports until signed off", () => {
    const id = approvedPatient();
    const s = logSession(rivera(), id, session());
    const before = countReviewQueue(rivera());
    expect(listReviewQueue(rivera(), firstPage).items.some((i) => i.id === s.id)).toBe(true);
    expect(listReviewQueue(actorFor(db, "okafor@northside.test"), firstPage).items.some((i) => i.id === s.id)).toBe(false);
    signOffReport(rivera(), "session", s.id);
    expect(countReviewQueue(rivera())).toBe(before - 1);
    expect(() => signOffReport(rivera(), "session", s.id)).toThrow(ConflictError);
    expect(() => signOffReport(actorFor(db, "chen@southbay.test"), "session", s.id)).toThrow(NotFoundError);
  });

  it("lets a covering clinician see the clinic's reports and sign off exactly what that list shows", () => {
    const okafor = actorFor(db, "okafor@northside.test");
    const s = logSession(rivera(), approvedPatient(), session());
    const listed = (scope: "mine" | "clinic") => listReviewQueue(okafor, { ...firstPage, scope }).items.some((i) => i.id === s.id);
    expect(listReviewQueue(okafor, firstPage).scope).toBe("mine");
    expect(listed("mine")).toBe(false);
    expect(listed("clinic")).toBe(true);
    signOffReport(okafor, "session", s.id);
    expect(listReviewQueue(rivera(), { ...firstPage, scope: "clinic" }).items.some((i) => i.id === s.id)).toBe(false);
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, "session.review"), eq(auditEvents.actorId, okafor.id))).all();
    expect(audit.some((row) => (JSON.parse(row.detail ?? "{}") as { id?: string }).id === s.id)).toBe(true);
  });
});
