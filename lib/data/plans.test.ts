import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents, patients, planVersions, screenings } from "@/db/schema";
import { SCREENING_ITEMS } from "@/lib/domain/clinical";
import { addDays, todayIso } from "@/lib/domain/dates";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { planDecisionSchema } from "@/lib/validation/plans";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { decidePlan, listPlanVersions } from "./plans";
import { recordScreening } from "./screenings";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const rivera = () => actorFor(db, "rivera@northside.test");
const approval = (overrides: Record<string, unknown> = {}) =>
  planDecisionSchema.parse({
    baseVersion: 0,
    screeningVersion: 1,
    decision: "approved",
    areas: [{ area: "face", maxNeedleMm: 0.5 }],
    minIntervalDays: 7,
    reviewBy: addDays(todayIso(), 90),
    instructions: "Sanitize before and after.",
    ...overrides,
  });

function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues?.[0]?.rule;
    throw error;
  }
  return undefined;
}

/** A Northside patient with neither screening nor plan, screened clean by Dr. Rivera. */
function freshScreenedPatient(): string {
  const unscreened = db
    .select({ id: patients.id })
    .from(patients)
    .leftJoin(screenings, eq(screenings.patientId, patients.id))
    .where(and(isNull(screenings.id), eq(patients.mrn, patients.mrn)))
    .all()
    .map((p) => p.id)
    .find((id) => db.select().from(patients).where(eq(patients.id, id)).get()!.clinicId === rivera().clinicId)!;
  recordScreening(rivera(), unscreened, { answers: SCREENING_ITEMS.map((i) => ({ item: i.code, answer: false, date: null })) });
  return unscreened;
}

describe("decidePlan", () => {
  it("refuses approval over Priya's isotretinoin block without an override, then accepts it with one", () => {
    const priya = patientIdByName(db, "Priya Patel");
    expect(ruleOf(() => decidePlan(rivera(), priya, approval()))).toBe("contraindication_override_required");
    const saved = decidePlan(rivera(), priya, approval({ contraindicationOverride: "Last dose 4 months ago; prescriber agrees.", overriddenItems: ["isotretinoin"] }));
    expect(saved).toMatchObject({ version: 1, decision: "approved", status: "approved", decidedBy: { name: "Dr. Sofia Rivera" } });
  });

  it("accepts exactly 1.0 mm and refuses 1.01 mm", () => {
    const id = freshScreenedPatient();
    expect(ruleOf(() => decidePlan(rivera(), id, approval({ areas: [{ area: "face", maxNeedleMm: 1.01 }], minIntervalDays: 28 })))).toBe("needle_above_home_max");
    expect(ruleOf(() => decidePlan(rivera(), id, approval({ areas: [{ area: "face", maxNeedleMm: 1.0 }], minIntervalDays: 28 })))).toBe("long_needle_confirmation_required");
    const saved = decidePlan(rivera(), id, approval({ areas: [{ area: "face", maxNeedleMm: 1.0 }], minIntervalDays: 28, confirmLongNeedle: true }));
    expect(saved).toMatchObject({ version: 1, confirmLongNeedle: true });
  });

  it("creates immutable versions and answers 409 with the latest when baseVersion is stale", () => {
    const id = freshScreenedPatient();
    decidePlan(rivera(), id, approval());
    decidePlan(rivera(), id, planDecisionSchema.parse({ baseVersion: 1, decision: "suspended", reason: "Infection reported" }));
    try {
      decidePlan(rivera(), id, approval({ baseVersion: 1 }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).extra).toMatchObject({ currentVersion: { version: 2, decision: "suspended" } });
    }
    expect(listPlanVersions(rivera(), id).items.map((v) => [v.version, v.decision])).toEqual([
      [2, "suspended"],
      [1, "approved"],
    ]);
  });

  it("refuses approval without a screening", () => {
    const unscreened = db
      .select({ id: patients.id })
      .from(patients)
      .leftJoin(screenings, eq(screenings.patientId, patients.id))
      .where(and(isNull(screenings.id), eq(patients.clinicId, rivera().clinicId)))
      .get()!.id;
    expect(ruleOf(() => decidePlan(rivera(), unscreened, approval()))).toBe("screening_missing");
  });

  it("requires a reason to deny", () => {
    const id = freshScreenedPatient();
    expect(ruleOf(() => decidePlan(rivera(), id, planDecisionSchema.parse({ baseVersion: 0, decision: "denied" })))).toBe("reason_required");
  });

  it("lets only clinicians of the patient's clinic decide", () => {
    const jordan = patientIdByName(db, "Jordan Lee");
    expect(() => decidePlan(actorFor(db, "admin@northside.test"), jordan, approval({ baseVersion: 1 }))).toThrow(ForbiddenError);
    expect(() => decidePlan(actorFor(db, "lee@patient.test"), jordan, approval({ baseVersion: 1 }))).toThrow(ForbiddenError);
    expect(() => decidePlan(actorFor(db, "chen@southbay.test"), jordan, approval({ baseVersion: 1 }))).toThrow(NotFoundError);
    expect(() => listPlanVersions(actorFor(db, "lee@patient.test"), jordan)).toThrow(ForbiddenError);
  });

  it("audits refusals and decisions with before and after", () => {
    const id = freshScreenedPatient();
    ruleOf(() => decidePlan(rivera(), id, approval({ minIntervalDays: 2 })));
    decidePlan(rivera(), id, approval());
    const rows = db.select().from(auditEvents).where(and(eq(auditEvents.patientId, id), eq(auditEvents.action, "plan.decide"))).all();
    expect(rows.map((r) => r.outcome)).toEqual(["failure", "success"]);
    expect(JSON.parse(rows[0]!.detail!).rules).toEqual(["interval_below_floor"]);
    expect(JSON.parse(rows[1]!.detail!)).toMatchObject({ before: null, after: { version: 1, decision: "approved" } });
  });
});

describe("the database guards plans too", () => {
  it("rejects UPDATE and DELETE of plan versions and screenings", () => {
    expect(() => db.update(planVersions).set({ reason: "x" }).where(eq(planVersions.version, 1)).run()).toThrow(/append-only/);
    expect(() => db.delete(planVersions).where(eq(planVersions.version, 1)).run()).toThrow(/append-only/);
    expect(() => db.delete(screenings).where(eq(screenings.version, 1)).run()).toThrow(/append-only/);
  });

  it("rejects a stored length above 1.0 mm", () => {
    const id = patientIdByName(db, "Jordan Lee");
    expect(() =>
      db.insert(planVersions).values({ patientId: id, version: 99, decision: "approved", areas: [], maxNeedleMm: 1.5, decidedBy: rivera().id }).run(),
    ).toThrow(/CHECK/);
  });
});
