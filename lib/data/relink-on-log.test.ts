import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { alerts, auditEvents, reactions } from "@/db/schema";
import { reactionReportSchema, sessionReportSchema } from "@/lib/validation/reports";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { createPatientWithBackdatedPlan } from "@/test/factories";
import { reportReaction } from "./reactions";
import { logSession } from "./sessions";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const DAY = 86_400_000;
const HOUR = 3_600_000;
const rivera = () => actorFor(db, "rivera@northside.test");
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const patientWithPlan = () => createPatientWithBackdatedPlan(db, { prefix: "Relink", areas: [{ area: "face", maxNeedleMm: 0.5 }], decidedDaysAgo: 40 });
const log = (id: string, performedAt: string) => logSession(rivera(), id, sessionReportSchema.parse({ performedAt, area: "face", needleMm: 0.5, device: "roller", sanitized: true, patchTestDone: true }));

describe("a session logged after the reaction that followed it", () => {
  it("takes over a reaction linked by its area to an older session, audits the move and notes the false alert", () => {
    const id = patientWithPlan();
    const old = log(id, ago(10 * DAY));
    const reaction = reportReaction(rivera(), id, reactionReportSchema.parse({ reportedAt: ago(HOUR), area: "face", symptoms: [{ symptom: "erythema", grade: 1 }] }));
    expect(reaction.sessionId).toBe(old.id);
    expect(reaction.alert?.summary).toMatch(/hours after the session/);

    const real = log(id, ago(20 * HOUR));
    expect(db.select({ sessionId: reactions.sessionId }).from(reactions).where(eq(reactions.id, reaction.id)).get()?.sessionId).toBe(real.id);
    const moves = db.select().from(auditEvents).where(eq(auditEvents.action, "reaction.relink")).all().filter((r) => r.patientId === id);
    expect(moves).toHaveLength(1);
    expect(db.select().from(alerts).where(eq(alerts.reactionId, reaction.id)).all()).toHaveLength(1);
  });

  it("never moves a reaction whose session the reporter named", () => {
    const id = patientWithPlan();
    const old = log(id, ago(10 * DAY));
    const reaction = reportReaction(rivera(), id, reactionReportSchema.parse({ reportedAt: ago(HOUR), sessionId: old.id, symptoms: [{ symptom: "erythema", grade: 1 }] }));
    log(id, ago(20 * HOUR));
    expect(db.select({ sessionId: reactions.sessionId }).from(reactions).where(eq(reactions.id, reaction.id)).get()?.sessionId).toBe(old.id);
  });
});
