import type { Db } from "@/db/connection";
import { planVersions } from "@/db/schema";
import { createPatient } from "@/lib/data/patients";
import { recordScreening } from "@/lib/data/screenings";
import { SCREENING_ITEMS } from "@/lib/domain/clinical";
import { addDays, todayIso } from "@/lib/domain/dates";
import { patientCreateSchema } from "@/lib/validation/patients";
import { actorFor } from "./actors";

const DAY = 86_400_000;
let counter = 0;

export type PlanArea = { area: string; maxNeedleMm: number };

/** A new patient of Dr. Rivera (Northside), named and numbered so every test owns its rows. */
export function createTestPatient(db: Db, o: { prefix?: string; skinType?: number; phone?: string } = {}): string {
  counter += 1;
  const prefix = o.prefix ?? "Test";
  const rivera = actorFor(db, "rivera@northside.test");
  const mrn = `${prefix.toUpperCase().replace(/[^A-Z0-9]/g, "")}-${process.pid}-${counter}`;
  return createPatient(
    rivera,
    patientCreateSchema.parse({ name: `${prefix} ${counter}`, dateOfBirth: "1990-01-01", mrn, skinType: o.skinType ?? 2, responsibleClinicianId: rivera.id, phone: o.phone }),
  ).id;
}

/** Records a screening by Dr. Rivera; `yes` lists the items answered yes (with `date`, when given). */
export function screenTestPatient(db: Db, patientId: string, yes: string[] = [], date: string | null = null) {
  return recordScreening(actorFor(db, "rivera@northside.test"), patientId, {
    answers: SCREENING_ITEMS.map((i) => ({ item: i.code, answer: yes.includes(i.code), date: yes.includes(i.code) ? date : null })),
  });
}

/**
 * A clean-screened patient whose approved plan (version 1) was decided `decidedDaysAgo` days ago, written
 * directly so sessions can be backdated under it (the plan API decides "now").
 */
export function createPatientWithBackdatedPlan(
  db: Db,
  o: { prefix?: string; areas?: PlanArea[]; minIntervalDays?: number; decidedDaysAgo?: number; phone?: string; skinType?: number } = {},
): string {
  const id = createTestPatient(db, o);
  screenTestPatient(db, id);
  const areas = o.areas ?? [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }];
  db.insert(planVersions)
    .values({
      patientId: id,
      version: 1,
      decision: "approved",
      areas,
      maxNeedleMm: Math.max(...areas.map((a) => a.maxNeedleMm)),
      minIntervalDays: o.minIntervalDays ?? 7,
      reviewBy: addDays(todayIso(), 60),
      instructions: "Sanitize before and after every session.",
      screeningVersion: 1,
      decidedBy: actorFor(db, "rivera@northside.test").id,
      decidedAt: new Date(Date.now() - (o.decidedDaysAgo ?? 30) * DAY).toISOString(),
    })
    .run();
  return id;
}
