import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { desc, eq, sql } from "drizzle-orm";
import { getDb, preparedOnce, type Reader } from "@/db";
import { screenings, users } from "@/db/schema";
import { screeningItemLabel, SCREENING_ITEMS, type ScreeningItemCode } from "@/lib/domain/clinical";
import { evaluateScreening, type ScreeningAnswer } from "@/lib/domain/screening";
import { clinicToday } from "../clock";
import type { ScreeningDto } from "../screenings";
import { loadClinicSettings } from "./clinic-settings";

// Every patient view and plan decision reads this: prepared once per connection.
const latestScreeningQuery = preparedOnce((db) =>
  db
    .select({
      version: screenings.version,
      answers: screenings.answers,
      recordedAt: screenings.recordedAt,
      recordedById: users.id,
      recordedByName: users.name,
    })
    .from(screenings)
    .innerJoin(users, eq(users.id, screenings.recordedBy))
    .where(eq(screenings.patientId, sql.placeholder("patientId")))
    .orderBy(desc(screenings.version))
    .limit(1)
    .prepare(),
);

/** The latest screening of a patient, evaluated with the clinic's current settings. */
export function loadLatestScreening(patientId: string, clinicId: string, db: Reader = getDb()): ScreeningDto | null {
  const row = latestScreeningQuery(db).get({ patientId });
  if (!row) return null;
  const settings = loadClinicSettings(clinicId, db);
  const answers = row.answers as ScreeningAnswer[];
  return {
    version: row.version,
    answers: SCREENING_ITEMS.map((item) => {
      const answer = answers.find((a) => a.item === item.code);
      return {
        item: item.code as ScreeningItemCode,
        answer: answer?.answer ?? false,
        date: answer?.date ?? null,
        label: screeningItemLabel(item.code),
        class: settings.screeningClasses[item.code],
      };
    }),
    recordedBy: { id: row.recordedById, name: row.recordedByName },
    recordedAt: row.recordedAt,
    evaluation: evaluateScreening(answers, settings, clinicToday()),
  };
}
