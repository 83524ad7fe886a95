import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { alerts, auditEvents, homeSessions, patients } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { acknowledgeAlert, resolveAlert } from "./alerts";
import { signOffReport } from "./review-queue";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const lastId = () => db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()?.id ?? 0;
const refusalsAfter = (id: number) =>
  db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, "patient.access_denied"))
    .all()
    .filter((r) => r.id > id)
    .map((r) => ({ ...r, detail: JSON.parse(r.detail!) }));
/** A refusal thrown inside a transaction is written once the rollback is done: a microtask later. */
const afterRollback = () => Promise.resolve();

describe("404s on patient data loaded inside a transaction are audited, and survive its rollback", () => {
  it("another clinic's alert, acknowledged or resolved", async () => {
    const chen = actorFor(db, "chen@southbay.test");
    const northsideAlert = db
      .select({ id: alerts.id })
      .from(alerts)
      .innerJoin(patients, eq(patients.id, alerts.patientId))
      .where(eq(patients.clinicId, actorFor(db, "rivera@northside.test").clinicId))
      .get()!.id;
    const before = lastId();
    expect(() => acknowledgeAlert(chen, northsideAlert)).toThrow(new NotFoundError("Alert not found."));
    expect(() => resolveAlert(chen, northsideAlert, { note: "probe", suspendPlan: false })).toThrow(NotFoundError);
    await afterRollback();
    expect(refusalsAfter(before)).toEqual([
      expect.objectContaining({ actorId: chen.id, clinicId: chen.clinicId, patientId: null, outcome: "denied", detail: { resource: "alert", requestedId: northsideAlert, reason: "not_in_scope" } }),
      expect.objectContaining({ detail: { resource: "alert", requestedId: northsideAlert, reason: "not_in_scope" } }),
    ]);
  });

  it("another clinic's report, signed off", async () => {
    const chen = actorFor(db, "chen@southbay.test");
    const session = db.select({ id: homeSessions.id }).from(homeSessions).where(and(eq(homeSessions.patientId, patientIdByName(db, "Jordan Lee")))).get()!.id;
    const before = lastId();
    expect(() => signOffReport(chen, "session", session)).toThrow(new NotFoundError("Report not found."));
    await afterRollback();
    expect(refusalsAfter(before)).toEqual([expect.objectContaining({ actorId: chen.id, detail: { resource: "report", requestedId: session, reason: "not_in_scope" } })]);
  });
});
