import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { alerts, auditEvents, careHolds, healthChanges, screenings } from "@/db/schema";
import { addDays, todayIso } from "@/lib/domain/dates";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { healthChangeReportSchema, pauseClearSchema } from "@/lib/validation/health-changes";
import { planDecisionSchema } from "@/lib/validation/plans";
import { patientListQuerySchema } from "@/lib/validation/patients";
import { reactionReportSchema, sessionReportSchema } from "@/lib/validation/reports";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { createPatientWithBackdatedPlan, createTestPatient, screenTestPatient } from "@/test/factories";
import { acknowledgeAlert } from "./alerts";
import { reportHealthChange } from "./health-changes";
import { getHomeCare } from "./home-care";
import { clearPause } from "./holds";
import { getPatient, listPatients } from "./patients";
import { decidePlan } from "./plans";
import { reportReaction } from "./reactions";
import { logSession } from "./sessions";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const DAY = 86_400_000;
const rivera = () => actorFor(db, "rivera@northside.test");
const okafor = () => actorFor(db, "okafor@northside.test");
const admin = () => actorFor(db, "admin@northside.test");
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const screen = (id: string, yes: string[] = [], date: string | null = null) => screenTestPatient(db, id, yes, date);
const newPatient = (phone?: string) => createTestPatient(db, { prefix: "Pause", phone });
/** A clean-screened patient with an approved face and neck plan decided a month ago. */
const patientWithPlan = (phone?: string) => createPatientWithBackdatedPlan(db, { prefix: "Pause", phone });

const log = (id: string, o: Record<string, unknown> = {}) =>
  logSession(rivera(), id, sessionReportSchema.parse({ performedAt: ago(0), area: "neck", needleMm: 0.25, device: "roller", sanitized: true, patchTestDone: true, ...o }));
const react = (id: string, symptoms: { symptom: string; grade: number }[], actor = rivera()) =>
  reportReaction(actor, id, reactionReportSchema.parse({ reportedAt: ago(0), area: "neck", symptoms }));
const tell = (id: string, items: Record<string, unknown>[], actor = rivera()) => reportHealthChange(actor, id, healthChangeReportSchema.parse({ items }));
const clear = (id: string, note = "Called her: the infection has settled and there is no fever", actor = rivera()) =>
  clearPause(actor, id, pauseClearSchema.parse({ note }));
const alertsOf = (id: string) => db.select().from(alerts).where(eq(alerts.patientId, id)).all();
const rosterRow = (id: string) => listPatients(rivera(), patientListQuerySchema.parse({ pageSize: 100 })).items.find((p) => p.id === id);
const WARNING = [
  { symptom: "infection", grade: 3 },
  { symptom: "fever", grade: 2 },
  { symptom: "blistering", grade: 2 },
];

describe("a warning sign stops the patient", () => {
  it("pauses every area at once, flags a session logged meanwhile while_paused with a high alert, and shows it on the roster", () => {
    const id = patientWithPlan("+1 555 0100");
    log(id, { performedAt: ago(2 * DAY) });
    expect(getHomeCare(rivera(), id).areas.find((a) => a.area === "face")).toMatchObject({ allowed: true, nextAllowedAt: null });

    const reported = react(id, WARNING);
    expect(reported.paused).toBe(true);
    const care = getHomeCare(rivera(), id);
    expect(care.pause).toMatchObject({ reason: "warning_sign", alertId: expect.any(String) });
    expect(care.areas).toHaveLength(2);
    for (const area of care.areas) expect(area).toMatchObject({ allowed: false, nextAllowedAt: null, nextAllowedReasons: ["paused_warning_sign"] });
    expect(rosterRow(id)).toMatchObject({ paused: true, needsReview: true, planStatus: "approved" });
    expect(getPatient(rivera(), id).pause?.reason).toBe("warning_sign");

    const session = log(id, { area: "face", needleMm: 0.5, performedAt: ago(0) });
    expect(session.flags).toContain("while_paused");
    const sessionAlert = alertsOf(id).find((a) => a.sessionId === session.id);
    expect(sessionAlert).toMatchObject({ severity: "high", kind: "off_plan_session" });
  });

  it("says what happened: no portal account means somebody must call, with the phone number", () => {
    const id = patientWithPlan("+1 555 0101");
    react(id, WARNING);
    const raised = alertsOf(id).find((a) => a.reactionId !== null)!;
    expect(raised).toMatchObject({ severity: "high", contactRequired: true });
    expect(raised.summary).toContain("no portal access: call them on +1 555 0101");
    expect(raised.summary).not.toMatch(/has been told|shown a stop notice/);
  });

  it("tells a patient with an active portal account in the portal, and needs no call", () => {
    const lee = actorFor(db, "lee@patient.test");
    react(lee.patientId!, [{ symptom: "infection", grade: 1 }], lee);
    const raised = alertsOf(lee.patientId!).filter((a) => a.kind === "infection").at(-1)!;
    expect(raised.contactRequired).toBe(false);
    expect(raised.summary).toContain("shown a stop notice in the portal");
    expect(getHomeCare(lee, lee.patientId!).pause?.reason).toBe("warning_sign");
  });

  it("does not pause for expected reactions", () => {
    const id = patientWithPlan();
    log(id, { performedAt: ago(DAY) });
    expect(react(id, [{ symptom: "erythema", grade: 2 }]).paused).toBe(false);
    expect(getHomeCare(rivera(), id).pause).toBeNull();
  });

  it("is cleared only by a clinician with a real note, audited, and the portal then says so", () => {
    const id = patientWithPlan();
    react(id, WARNING);
    expect(() => clear(id, undefined, admin())).toThrow(ForbiddenError);
    expect(() => pauseClearSchema.parse({ note: "aaaaaaaaaaaaa" })).toThrow();
    const cleared = clear(id, undefined, okafor());
    expect(cleared.cleared).toBe(1);
    const care = getHomeCare(rivera(), id);
    expect(care.pause).toBeNull();
    expect(care.lastClearedAt).toBe(cleared.clearedAt);
    expect(care.areas.every((a) => a.allowed)).toBe(true);
    expect(rosterRow(id)).toMatchObject({ paused: false, needsReview: false });
    expect(log(id, { area: "face", needleMm: 0.5 }).flags).not.toContain("while_paused");
    expect(() => clear(id)).toThrow(ConflictError);
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, "pause.clear"), eq(auditEvents.patientId, id))).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!).note).toContain("no fever");
    expect(() => db.delete(careHolds).where(eq(careHolds.patientId, id)).run()).toThrow(/never deleted/);
  });

  it("judges a late-reported session by the pause in force when it was performed", () => {
    const id = patientWithPlan();
    const before = ago(3 * DAY);
    react(id, WARNING);
    expect(log(id, { performedAt: before }).flags).not.toContain("while_paused");
  });
});

describe("every health change reaches the clinic", () => {
  it("pauses on a new blocking screening answer, refuses to clear it by note, and ends it with an approval that overrides it", () => {
    const id = patientWithPlan();
    screen(id, ["pregnancy"]);
    expect(alertsOf(id)).toMatchObject([{ kind: "new_contraindication", severity: "high" }]);
    expect(getHomeCare(rivera(), id).pause).toMatchObject({ reason: "contraindication", items: ["pregnancy"] });
    expect(() => clear(id)).toThrow(/blocking contraindication is on record/);
    decidePlan(
      rivera(),
      id,
      planDecisionSchema.parse({
        baseVersion: 1,
        screeningVersion: 2,
        decision: "approved",
        areas: [{ area: "face", maxNeedleMm: 0.25 }],
        minIntervalDays: 7,
        reviewBy: addDays(todayIso(), 30),
        instructions: "Sanitize before and after every session.",
        contraindicationOverride: "Discussed with her obstetrician; postpartum and not breastfeeding",
        overriddenItems: ["pregnancy"],
      }),
    );
    expect(getHomeCare(rivera(), id).pause).toBeNull();
    expect(log(id, { area: "face" }).flags).not.toContain("contraindicated");
  });

  it("raises a normal alert and marks the plan needs review for a new review-class answer, without pausing", () => {
    const id = patientWithPlan();
    screen(id, ["anticoagulants"]);
    expect(alertsOf(id)).toMatchObject([{ kind: "new_review_item", severity: "normal" }]);
    expect(getPatient(rivera(), id).currentPlan).toMatchObject({ status: "approved", needsReview: true });
    const care = getHomeCare(rivera(), id);
    expect(care.pause).toBeNull();
    expect(care.areas.every((a) => a.allowed)).toBe(true);
    expect(rosterRow(id)).toMatchObject({ needsReview: true, paused: false });
    // An admin acknowledging it does not review it; a clinician does.
    const [raised] = alertsOf(id);
    acknowledgeAlert(admin(), raised!.id);
    expect(getPatient(rivera(), id).currentPlan?.needsReview).toBe(true);
  });

  it("ends the review hold when a clinician acknowledges its alert", () => {
    const id = patientWithPlan();
    screen(id, ["metal_allergy"]);
    const [raised] = alertsOf(id);
    acknowledgeAlert(okafor(), raised!.id);
    expect(getPatient(rivera(), id).currentPlan?.needsReview).toBe(false);
    expect(rosterRow(id)?.needsReview).toBe(false);
  });

  it("makes a session high when a live blocking answer is on record, whatever the plan", () => {
    const id = newPatient();
    screen(id, ["isotretinoin"], addDays(todayIso(), -20));
    const session = log(id, { area: "face", needleMm: 0.5 });
    expect(session.flags).toEqual(expect.arrayContaining(["no_active_plan", "contraindicated"]));
    expect(alertsOf(id).find((a) => a.sessionId === session.id)?.severity).toBe("high");
  });

  it("stores the patient's own statement beside the screening, pauses on a blocking one with a high alert", () => {
    const id = patientWithPlan();
    const screeningsBefore = db.select().from(screenings).where(eq(screenings.patientId, id)).all().length;
    const receipt = tell(id, [{ item: "pregnancy" }], admin());
    expect(receipt).toMatchObject({ paused: true, alertSeverity: "high" });
    expect(receipt.items).toMatchObject([{ item: "pregnancy", source: "staff", reportedBy: { id: admin().id } }]);
    expect(db.select().from(screenings).where(eq(screenings.patientId, id)).all()).toHaveLength(screeningsBefore);
    expect(getHomeCare(rivera(), id).pause).toMatchObject({ reason: "health_change", items: ["pregnancy"] });
    expect(alertsOf(id)).toMatchObject([{ kind: "health_change", severity: "high" }]);
    expect(log(id, { area: "face" }).flags).toEqual(expect.arrayContaining(["while_paused", "contraindicated"]));
    expect(() => db.update(healthChanges).set({ note: "edited" }).where(eq(healthChanges.patientId, id)).run()).toThrow(/never rewritten/);
  });

  it("raises a normal alert for a review item and for another medicine, named", () => {
    const id = patientWithPlan();
    const receipt = tell(id, [{ item: "cardiac" }, { item: "other_medicine", note: "Metformin" }]);
    expect(receipt).toMatchObject({ paused: false, alertSeverity: "normal" });
    expect(alertsOf(id)[0]!.summary).toContain("Metformin");
    expect(getHomeCare(rivera(), id).pause).toBeNull();
    expect(getPatient(rivera(), id).currentPlan?.needsReview).toBe(true);
    expect(() => healthChangeReportSchema.parse({ items: [{ item: "other_medicine" }] })).toThrow(/Name the medicine/);
  });

  it("lets the patient report for herself", () => {
    const patel = actorFor(db, "patel@patient.test");
    const receipt = tell(patel.patientId!, [{ item: "active_acne" }], patel);
    expect(receipt.items[0]).toMatchObject({ source: "patient", reportedBy: { id: patel.id } });
    expect(receipt.paused).toBe(true);
  });
});
