import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { writeTransaction } from "@/db";
import { auditEvents } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { requirePatientAccess, requireRole } from "./guards";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const lastId = () => db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()?.id ?? 0;
function rowsAfter(id: number) {
  return db
    .select()
    .from(auditEvents)
    .all()
    .filter((r) => r.id > id)
    .map((r) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : null }));
}
const refusal = (work: () => unknown) => {
  const before = lastId();
  let thrown: unknown;
  try {
    work();
  } catch (error) {
    thrown = error;
  }
  return { thrown, rows: rowsAfter(before) };
};

describe("requirePatientAccess audits every 404 in the caller's clinic", () => {
  it("another clinic's patient: 404, one row naming the requested id, never the patient column", () => {
    const chen = actorFor(db, "chen@southbay.test");
    const jordan = patientIdByName(db, "Jordan Lee");
    const { thrown, rows } = refusal(() => requirePatientAccess(chen, jordan));
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(rows).toEqual([
      expect.objectContaining({
        action: "patient.access_denied",
        outcome: "denied",
        actorId: chen.id,
        actorRole: "clinician",
        clinicId: chen.clinicId,
        patientId: null,
        detail: { resource: "patient", requestedId: jordan, reason: "not_in_scope" },
      }),
    ]);
  });

  it("an unknown id reads exactly like another clinic's (not_in_scope); a malformed one says so, cut to 100 characters", () => {
    const rivera = actorFor(db, "rivera@northside.test");
    expect(refusal(() => requirePatientAccess(rivera, "00000000-0000-4000-8000-000000000000")).rows[0]!.detail.reason).toBe("not_in_scope");
    const { rows } = refusal(() => requirePatientAccess(rivera, `../${"x".repeat(200)}`));
    expect(rows[0]!.detail).toEqual({ resource: "patient", requestedId: `../${"x".repeat(97)}`, reason: "malformed_id" });
  });

  it("a patient reaching for another patient of the same clinic is refused and audited too", () => {
    const lee = actorFor(db, "lee@patient.test");
    const { thrown, rows } = refusal(() => requirePatientAccess(lee, patientIdByName(db, "Priya Patel")));
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(rows).toEqual([expect.objectContaining({ action: "patient.access_denied", actorRole: "patient", clinicId: lee.clinicId })]);
  });

  it("every refused request is its own row: no dedupe", () => {
    const chen = actorFor(db, "chen@southbay.test");
    const jordan = patientIdByName(db, "Jordan Lee");
    expect(refusal(() => [0, 1, 2].forEach(() => { try { requirePatientAccess(chen, jordan); } catch { /* counted below */ } })).rows).toHaveLength(3);
  });

  it("no row when access is allowed", () => {
    const rivera = actorFor(db, "rivera@northside.test");
    expect(refusal(() => requirePatientAccess(rivera, patientIdByName(db, "Jordan Lee"))).rows).toEqual([]);
  });

  it("the row survives a transaction that the refusal rolls back", async () => {
    const chen = actorFor(db, "chen@southbay.test");
    const jordan = patientIdByName(db, "Jordan Lee");
    const before = lastId();
    expect(() =>
      writeTransaction((tx) => {
        tx.insert(auditEvents).values({ action: "test.rolled_back", outcome: "success" }).run();
        requirePatientAccess(chen, jordan);
      }),
    ).toThrow(NotFoundError);
    await Promise.resolve();
    expect(rowsAfter(before).map((r) => r.action)).toEqual(["patient.access_denied"]);
  });
});

describe("requireRole audits every 403", () => {
  it("names who tried, as what, what was needed and the operation", () => {
    const lee = actorFor(db, "lee@patient.test");
    const { thrown, rows } = refusal(() => requireRole(lee, ["admin", "clinician"], "listPatients"));
    expect(thrown).toBeInstanceOf(ForbiddenError);
    expect(rows).toEqual([
      expect.objectContaining({
        action: "access.forbidden",
        outcome: "denied",
        actorId: lee.id,
        actorRole: "patient",
        clinicId: lee.clinicId,
        detail: { reason: "role_not_permitted", role: "patient", allowed: ["admin", "clinician"], operation: "listPatients" },
      }),
    ]);
  });

  it("without an operation, the row still names the roles; an allowed role writes nothing", () => {
    const rivera = actorFor(db, "rivera@northside.test");
    expect(refusal(() => requireRole(rivera, ["admin"])).rows[0]!.detail).toEqual({ reason: "role_not_permitted", role: "clinician", allowed: ["admin"] });
    expect(refusal(() => requireRole(rivera, ["clinician"])).rows).toEqual([]);
  });
});
