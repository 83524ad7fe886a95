import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { alertNotes, alerts, auditEvents } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { patientCreateSchema } from "@/lib/validation/patients";
import { alertGroupActionSchema } from "@/lib/validation/reports";
import { alertNoteSchema } from "@/lib/validation/alerts";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { actOnAlertGroup, listAlertGroups } from "./alert-groups";
import { addAlertNote } from "./alert-notes";
import { acknowledgeAlert, countOpenAlerts, listAlerts, resolveAlert } from "./alerts";
import { createPatient } from "./patients";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const rivera = () => actorFor(db, "rivera@northside.test");
const admin = () => actorFor(db, "admin@northside.test");
let counter = 0;

function patient(): string {
  counter += 1;
  return createPatient(
    rivera(),
    patientCreateSchema.parse({ name: `Notes ${counter}`, dateOfBirth: "1990-01-01", mrn: `NOTES-${counter}`, skinType: 2, responsibleClinicianId: rivera().id }),
  ).id;
}

/** An alert as the rules would raise it; `contactRequired` as the lead's pause code sets it for a patient without portal access. */
function raise(patientId: string, o: { severity?: "high" | "normal"; contactRequired?: boolean; kind?: string } = {}): string {
  return db
    .insert(alerts)
    .values({ clinicId: rivera().clinicId, patientId, kind: o.kind ?? "warning_sign", severity: o.severity ?? "high", summary: "Warning sign: fever.", contactRequired: o.contactRequired ?? false })
    .returning({ id: alerts.id })
    .get().id;
}

const note = (kind: "note" | "call", text: string) => alertNoteSchema.parse({ kind, note: text });
const openOf = (patientId: string) => listAlerts(rivera(), { status: "open", patientId, page: 1, pageSize: 50 }).items;
const denied = (action: string, alertId: string) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.outcome, "denied"))).all().filter((r) => JSON.parse(r.detail!).alertId === alertId);

describe("high alerts need a clinician", () => {
  it("refuses an admin's acknowledgement (audited, pointing to a note) and keeps the alert open and counted", () => {
    const id = patient();
    const alertId = raise(id);
    const before = countOpenAlerts(admin());
    expect(() => acknowledgeAlert(admin(), alertId)).toThrow(new ForbiddenError("Only a clinician can acknowledge a high-severity alert. Add a note to it instead."));
    expect(denied("alert.acknowledge", alertId)).toHaveLength(1);
    expect(openOf(id)).toMatchObject([{ id: alertId, status: "open" }]);
    expect(countOpenAlerts(admin())).toEqual(before);
    expect(acknowledgeAlert(rivera(), alertId)).toMatchObject({ status: "acknowledged", acknowledgedBy: rivera().name });
    expect(countOpenAlerts(admin()).high).toBe(before.high - 1);
  });

  it("lets an admin acknowledge a normal alert", () => {
    const alertId = raise(patient(), { severity: "normal" });
    expect(acknowledgeAlert(admin(), alertId).status).toBe("acknowledged");
  });

  it("counts a high alert an admin acknowledged in older data as still waiting, until a clinician resolves it", () => {
    const alertId = raise(patient());
    const before = countOpenAlerts(rivera());
    db.update(alerts).set({ status: "acknowledged", acknowledgedBy: admin().id, acknowledgedAt: new Date().toISOString() }).where(eq(alerts.id, alertId)).run();
    expect(countOpenAlerts(rivera())).toEqual(before);
    resolveAlert(rivera(), alertId, { note: "Called the patient; fever gone, seen in clinic.", suspendPlan: false });
    expect(countOpenAlerts(rivera())).toEqual({ open: before.open - 1, high: before.high - 1 });
  });
});

describe("alert notes", () => {
  it("lets any staff member of the clinic annotate an alert, audited and shown with the alert", () => {
    const id = patient();
    const alertId = raise(id);
    const added = addAlertNote(admin(), alertId, note("note", "Patient phoned; told to stop and book a visit."));
    expect(added).toMatchObject({ kind: "note", note: "Patient phoned; told to stop and book a visit.", authorName: admin().name, authorRole: "admin" });
    addAlertNote(rivera(), alertId, note("note", "Reviewed photos."));
    expect(openOf(id)[0]!.notes.map((n) => [n.kind, n.authorName, n.note])).toEqual([
      ["note", admin().name, "Patient phoned; told to stop and book a visit."],
      ["note", rivera().name, "Reviewed photos."],
    ]);
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, "alert.note"), eq(auditEvents.patientId, id))).all();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ alertId, note: "Patient phoned; told to stop and book a visit." });
    expect(listAlertGroups(rivera(), { page: 1, pageSize: 100 }).items.find((g) => g.patientId === id)?.lead.notes).toHaveLength(2);
  });

  it("answers 404 to another clinic's staff and 403 to a patient", () => {
    const alertId = raise(patient());
    expect(() => addAlertNote(actorFor(db, "chen@southbay.test"), alertId, note("note", "Not mine."))).toThrow(NotFoundError);
    expect(() => addAlertNote(actorFor(db, "lee@patient.test"), alertId, note("note", "Me."))).toThrow(ForbiddenError);
    expect(db.select().from(alertNotes).where(eq(alertNotes.alertId, alertId)).all()).toEqual([]);
  });

  it("is never rewritten or deleted", () => {
    const alertId = raise(patient());
    const { id } = addAlertNote(rivera(), alertId, note("note", "First thought."));
    expect(() => db.update(alertNotes).set({ note: "Second thought." }).where(eq(alertNotes.id, id)).run()).toThrow(/never rewritten/);
    expect(() => db.delete(alertNotes).where(eq(alertNotes.id, id)).run()).toThrow(/never deleted/);
  });

  it("needs a note", () => {
    expect(alertNoteSchema.safeParse({ kind: "call", note: "  " }).success).toBe(false);
    expect(alertNoteSchema.safeParse({ kind: "email", note: "Sent" }).success).toBe(false);
  });
});

describe("a patient without portal access must be called", () => {
  it("keeps the alert open until a call is recorded; a note is not a call", () => {
    const id = patient();
    const alertId = raise(id, { contactRequired: true });
    expect(openOf(id)[0]).toMatchObject({ contactRequired: true, callRecorded: false });
    expect(() => acknowledgeAlert(rivera(), alertId)).toThrow(ConflictError);
    expect(() => acknowledgeAlert(rivera(), alertId)).toThrow(/Record the call to the patient first/);
    expect(() => resolveAlert(rivera(), alertId, { note: "Seen in clinic.", suspendPlan: false })).toThrow(/Record the call to the patient first/);
    addAlertNote(admin(), alertId, note("note", "Tried to call; no answer."));
    expect(() => acknowledgeAlert(rivera(), alertId)).toThrow(/Record the call/);
    addAlertNote(admin(), alertId, note("call", "Called on the mobile: told to stop microneedling and come in."));
    expect(openOf(id)[0]).toMatchObject({ callRecorded: true });
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.action, "alert.call"), eq(auditEvents.patientId, id))).all()).toHaveLength(1);
    expect(acknowledgeAlert(rivera(), alertId).status).toBe("acknowledged");
  });

  it("leaves such alerts open in a group action and says how many", () => {
    const id = patient();
    raise(id, { severity: "normal", kind: "off_plan_session" });
    const waiting = raise(id, { severity: "normal", kind: "off_plan_session", contactRequired: true });
    const group = listAlertGroups(rivera(), { page: 1, pageSize: 100 }).items.find((g) => g.patientId === id)!;
    const input = alertGroupActionSchema.parse({ patientId: id, kind: group.kind, upTo: group.lastAt, action: "acknowledge" });
    expect(actOnAlertGroup(admin(), input)).toEqual({ updated: 1, leftForClinician: 0, awaitingCall: 1 });
    expect(openOf(id).map((a) => a.id)).toEqual([waiting]);
    expect(() => actOnAlertGroup(rivera(), input)).toThrow(/Record the call/);
  });
});
