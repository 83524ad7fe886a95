import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTransaction } from "@/db";
import type { Db } from "@/db/connection";
import { alertNotes, alerts, auditEvents, homeSessions, reactions } from "@/db/schema";
import { reactionAlert } from "@/lib/domain/alert-rules";
import type { SymptomGrade } from "@/lib/domain/reactions";
import { patientCreateSchema } from "@/lib/validation/patients";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { createPatient } from "../patients";
import { relinkReactions } from "./relink";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const rivera = () => actorFor(db, "rivera@northside.test");
const HOUR = 3_600_000;
const NOW = Date.now();
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR).toISOString();
let counter = 0;

function patient(): { id: string; clinicId: string } {
  counter += 1;
  const p = createPatient(
    rivera(),
    patientCreateSchema.parse({ name: `Relink ${counter}`, dateOfBirth: "1990-01-01", mrn: `RELINK-${counter}`, skinType: 2, responsibleClinicianId: rivera().id }),
  );
  return { id: p.id, clinicId: rivera().clinicId };
}

/** A session row as stored (its flags do not matter here); inserted directly so no relinking runs yet. */
function session(patientId: string, hoursAgo: number, area = "face") {
  const performedAt = at(hoursAgo);
  const { id } = db
    .insert(homeSessions)
    .values({ patientId, performedAt, area, needleMm: 0.25, device: "roller", sanitized: true, flags: [], reportedBy: rivera().id })
    .returning({ id: homeSessions.id })
    .get();
  return { id, area, performedAt };
}

/** A reaction as reportReaction stores it, with the alert its link gave at the time. */
function reaction(patientId: string, o: { hoursAgo: number; symptoms: SymptomGrade[]; session: { id: string; performedAt: string } | null; inferred?: boolean; area?: string }) {
  const reportedAt = at(o.hoursAgo);
  const { id } = db
    .insert(reactions)
    .values({
      patientId,
      sessionId: o.session?.id ?? null,
      area: o.area ?? "face",
      reportedAt,
      symptoms: o.symptoms,
      maxGrade: Math.max(...o.symptoms.map((s) => s.grade)),
      linkInferred: o.inferred ?? true,
      reportedBy: rivera().id,
    })
    .returning({ id: reactions.id })
    .get();
  const draft = reactionAlert({ reaction: { reportedAt, symptoms: o.symptoms }, session: o.session });
  if (draft) db.insert(alerts).values({ ...draft, clinicId: rivera().clinicId, patientId, reactionId: id, sessionId: o.session?.id ?? null }).run();
  return id;
}

const relink = (scope: { id: string; clinicId: string }, s: { id: string; area: string; performedAt: string }) => writeTransaction((tx) => relinkReactions(tx, rivera(), scope, s));
const linkOf = (reactionId: string) => db.select({ sessionId: reactions.sessionId }).from(reactions).where(eq(reactions.id, reactionId)).get()?.sessionId;
const alertsOf = (reactionId: string) => db.select().from(alerts).where(eq(alerts.reactionId, reactionId)).all();
const notesOf = (alertId: string) => db.select().from(alertNotes).where(eq(alertNotes.alertId, alertId)).all();

describe("relinkReactions", () => {
  it("moves an inferred link to the session logged later that fits better, audits it and explains the false alert", () => {
    const p = patient();
    const old = session(p.id, 250);
    const redness = reaction(p.id, { hoursAgo: 11, symptoms: [{ symptom: "erythema", grade: 1 }], session: old });
    const [falseAlert] = alertsOf(redness);
    expect(falseAlert).toMatchObject({ kind: "persistent_reaction", summary: expect.stringContaining("239 hours after the session") });
    const real = session(p.id, 30);
    expect(relink(p, real)).toBe(1);
    expect(linkOf(redness)).toBe(real.id);
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, "reaction.relink"), eq(auditEvents.patientId, p.id))).all();
    expect(audit.map((a) => JSON.parse(a.detail!))).toEqual([{ reactionId: redness, before: { sessionId: old.id }, after: { sessionId: real.id } }]);
    const [note] = notesOf(falseAlert!.id);
    expect(note).toMatchObject({ kind: "note", authorId: rivera().id });
    expect(note!.note).toMatch(/reported 19 hours after the face session of .*no longer holds/);
    // Redness 19 hours after a session raises nothing: no new alert.
    expect(alertsOf(redness)).toHaveLength(1);
  });

  it("never moves a reaction whose reporter named the session", () => {
    const p = patient();
    const old = session(p.id, 250);
    const named = reaction(p.id, { hoursAgo: 11, symptoms: [{ symptom: "erythema", grade: 1 }], session: old, inferred: false });
    expect(relink(p, session(p.id, 30))).toBe(0);
    expect(linkOf(named)).toBe(old.id);
  });

  it("moves only reactions of the same area, reported at or after the new session, linked to an earlier session", () => {
    const p = patient();
    const first = session(p.id, 300);
    const later = session(p.id, 20);
    const before = reaction(p.id, { hoursAgo: 100, symptoms: [{ symptom: "erythema", grade: 1 }], session: first });
    const neck = reaction(p.id, { hoursAgo: 10, symptoms: [{ symptom: "erythema", grade: 1 }], session: null, area: "neck" });
    const closer = reaction(p.id, { hoursAgo: 10, symptoms: [{ symptom: "erythema", grade: 1 }], session: later });
    expect(relink(p, session(p.id, 50))).toBe(0);
    expect([linkOf(before), linkOf(neck), linkOf(closer)]).toEqual([first.id, null, later.id]);
  });

  it("raises the alert the re-run gives when the old link gave none", () => {
    const p = patient();
    const unlinked = reaction(p.id, { hoursAgo: 2, symptoms: [{ symptom: "swelling", grade: 1 }], session: null });
    expect(alertsOf(unlinked)).toEqual([]);
    const real = session(p.id, 80);
    expect(relink(p, real)).toBe(1);
    expect(alertsOf(unlinked)).toMatchObject([{ kind: "persistent_reaction", severity: "high", sessionId: real.id, summary: expect.stringContaining("78 hours after the session") }]);
  });

  it("re-judges a later report against the earlier one moved with it, and notes a changed alert of the same kind without a second alert", () => {
    const p = patient();
    const old = session(p.id, 400);
    const first = reaction(p.id, { hoursAgo: 90, symptoms: [{ symptom: "swelling", grade: 1 }], session: old });
    const second = reaction(p.id, { hoursAgo: 20, symptoms: [{ symptom: "swelling", grade: 1 }], session: old });
    const real = session(p.id, 100);
    expect(relink(p, real)).toBe(2);
    expect([linkOf(first), linkOf(second)]).toEqual([real.id, real.id]);
    // Both were lasting swelling against the old session and still are against the new one (10 and 80 hours): the first no longer holds.
    expect(notesOf(alertsOf(first)[0]!.id)[0]!.note).toMatch(/no longer holds/);
    const secondAlerts = alertsOf(second);
    expect(secondAlerts).toHaveLength(1);
    expect(notesOf(secondAlerts[0]!.id)[0]!.note).toMatch(/they now give: Swelling still present 80 hours after the session\./);
  });
});
