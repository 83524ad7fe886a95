import { and, count, eq } from "drizzle-orm";
import { SCREENING_ITEMS } from "@/lib/domain/clinical";
import { addDays } from "@/lib/domain/dates";
import type { Tx } from "@/db/connection";
import { patients, planTemplates, planVersions, screenings } from "@/db/schema";
import { DEMO_TEMPLATES, STANDARD_INSTRUCTIONS, type DemoHistory } from "./clinical-data";

const atNoon = (date: string) => `${date}T12:00:00.000Z`;

/** Writes one patient's screening and plan versions, unless the patient already has any. */
export function seedHistory(tx: Tx, patientId: string, clinicianId: string, history: DemoHistory, today: string): boolean {
  const hasAny = (tx.select({ n: count() }).from(screenings).where(eq(screenings.patientId, patientId)).get()?.n ?? 0) > 0;
  if (hasAny) return false;
  const yes = new Map((history.screeningYes ?? []).map((y) => [y.item, y.daysAgo]));
  tx.insert(screenings)
    .values({
      patientId,
      version: 1,
      answers: SCREENING_ITEMS.map((item) => {
        const daysAgo = yes.get(item.code);
        return { item: item.code, answer: yes.has(item.code), date: daysAgo === undefined ? null : addDays(today, -daysAgo) };
      }),
      recordedBy: clinicianId,
      recordedAt: atNoon(addDays(today, -history.screenedDaysAgo)),
    })
    .run();
  history.plans.forEach((plan, index) => {
    const areas = plan.areas ?? [];
    tx.insert(planVersions)
      .values({
        patientId,
        version: index + 1,
        decision: plan.decision,
        areas,
        maxNeedleMm: areas.length ? Math.max(...areas.map((a) => a.maxNeedleMm)) : null,
        minIntervalDays: plan.minIntervalDays ?? null,
        reviewBy: plan.reviewInDays === undefined ? null : addDays(today, plan.reviewInDays),
        instructions: plan.decision === "approved" ? STANDARD_INSTRUCTIONS : null,
        reason: plan.reason ?? null,
        contraindicationOverride: plan.contraindicationOverride ?? null,
        screeningVersion: 1,
        decidedBy: clinicianId,
        decidedAt: atNoon(addDays(today, -plan.decidedDaysAgo)),
      })
      .run();
  });
  return true;
}

export function seedTemplates(tx: Tx, clinicId: string): void {
  tx.insert(planTemplates)
    .values(DEMO_TEMPLATES.map((t) => ({ ...t, clinicId, instructions: STANDARD_INSTRUCTIONS })))
    .onConflictDoNothing()
    .run();
}

export function patientIdByMrn(tx: Tx, clinicId: string, mrn: string): string | undefined {
  return tx.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, clinicId), eq(patients.mrn, mrn))).get()?.id;
}
