import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPatientCharts } from "@/lib/data/charts";
import { listPatients } from "@/lib/data/patients";
import { patientListQuerySchema } from "@/lib/validation/patients";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import type { Db } from "@/db/connection";
import { alerts, homeSessions, reactions, users } from "@/db/schema";
import { seedDemo } from ".";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

describe("the demo clinic", () => {
  it("has the pinned accounts", () => {
    const emails = db.select({ email: users.email, role: users.role }).from(users).all();
    for (const [email, role] of [
      ["admin@northside.test", "admin"],
      ["rivera@northside.test", "clinician"],
      ["okafor@northside.test", "clinician"],
      ["chen@southbay.test", "clinician"],
      ["lee@patient.test", "patient"],
      ["patel@patient.test", "patient"],
      ["garcia@patient.test", "patient"],
    ]) {
      expect(emails).toContainEqual({ email, role });
    }
  });

  it("gives Jordan Lee about 90 days of on-plan sessions with mild, fading reactions", () => {
    const id = patientIdByName(db, "Jordan Lee");
    const sessions = db.select().from(homeSessions).where(eq(homeSessions.patientId, id)).all();
    const days = (Date.now() - Math.min(...sessions.map((s) => Date.parse(s.performedAt)))) / 86_400_000;
    expect(days).toBeGreaterThan(85);
    expect(sessions.every((s) => s.flags.length === 0)).toBe(true);
    const grades = db.select({ max: reactions.maxGrade }).from(reactions).where(eq(reactions.patientId, id)).all().map((r) => r.max);
    expect(grades.filter((g) => g === 2)).toHaveLength(1);
    expect(Math.max(...grades)).toBe(2);
    expect(db.select().from(alerts).where(eq(alerts.patientId, id)).all()).toEqual([]);
    // Every episode but the latest has an all-clear, so her charts show healing times.
    const healing = getPatientCharts(actorFor(db, "rivera@northside.test"), id, "90d").healing;
    expect(healing.filter((h) => h.days !== null).map((h) => h.days)).toEqual([2.1, 2.3, 1.8, 4.1, 1.9]);
    expect(healing.at(-1)?.days).toBeNull();
  });

  it("spreads plan statuses and leaves open alerts in the inbox", () => {
    const rivera = actorFor(db, "rivera@northside.test");
    for (const status of ["pending", "approved", "denied", "suspended", "expired"] as const) {
      expect(listPatients(rivera, patientListQuerySchema.parse({ status })).total, status).toBeGreaterThan(0);
    }
    const open = db.select().from(alerts).where(eq(alerts.status, "open")).all();
    expect(open.some((a) => a.severity === "high")).toBe(true);
    expect(open.some((a) => a.kind === "off_plan_session")).toBe(true);
    expect(db.select().from(alerts).where(eq(alerts.kind, "infection")).get()).toMatchObject({ status: "resolved", suspendedPlanVersion: 2 });
  });

  it("is idempotent", async () => {
    const count = () => db.select().from(homeSessions).all().length + db.select().from(users).all().length;
    const before = count();
    expect(await seedDemo(db)).toEqual({ users: 0, patients: 0 });
    expect(count()).toBe(before);
  });
});
