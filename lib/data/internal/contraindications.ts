import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, desc, eq, gt, lte, sql } from "drizzle-orm";
import { preparedOnce, type Reader } from "@/db";
import { healthChanges, patients, screenings, users } from "@/db/schema";
import type { ScreeningItemCode } from "@/lib/domain/clinical";
import type { ClinicSettings } from "@/lib/domain/clinic-settings";
import { dateInZone } from "@/lib/domain/dates";
import type { PatientReach } from "@/lib/domain/holds";
import { answerIsCurrent, evaluateScreening, type ScreeningAnswer } from "@/lib/domain/screening";

// Every session report runs these: prepared once per connection.
const screeningAtQuery = preparedOnce((db) =>
  db
    .select({ answers: screenings.answers, recordedAt: screenings.recordedAt })
    .from(screenings)
    .where(and(eq(screenings.patientId, sql.placeholder("patientId")), lte(screenings.recordedAt, sql.placeholder("at"))))
    .orderBy(desc(screenings.version))
    .limit(1)
    .prepare(),
);
const healthChangesSinceQuery = preparedOnce((db) =>
  db
    .select({ item: healthChanges.item, date: healthChanges.date })
    .from(healthChanges)
    .where(
      and(eq(healthChanges.patientId, sql.placeholder("patientId")), gt(healthChanges.createdAt, sql.placeholder("since")), lte(healthChanges.createdAt, sql.placeholder("at"))),
    )
    .orderBy(desc(healthChanges.createdAt))
    .limit(100)
    .prepare(),
);
const reachQuery = preparedOnce((db) =>
  db
    .select({ phone: patients.phone, active: users.active, passwordHash: users.passwordHash })
    .from(patients)
    .leftJoin(users, eq(users.id, patients.userId))
    .where(eq(patients.id, sql.placeholder("patientId")))
    .prepare(),
);

/**
 * The blocking screening items in force for a patient at a moment: the clinician's latest screening
 * recorded by then, and what the patient has told the clinic since (their statement stands until a
 * clinician screens again). Judged on the clinic's calendar day of that moment.
 */
export function blockingItemsAt(db: Reader, patientId: string, settings: ClinicSettings, at: string, timeZone: string): ScreeningItemCode[] {
  const screening = screeningAtQuery(db).get({ patientId, at });
  const day = dateInZone(at, timeZone);
  const found = new Set<ScreeningItemCode>();
  if (screening) for (const block of evaluateScreening(screening.answers as ScreeningAnswer[], settings, day).blocks) found.add(block.item);
  for (const told of healthChangesSinceQuery(db).all({ patientId, since: screening?.recordedAt ?? "", at })) {
    const item = told.item as ScreeningItemCode;
    if (settings.screeningClasses[item] !== "block") continue;
    if (answerIsCurrent({ item, answer: true, date: told.date }, settings, day)) found.add(item);
  }
  return [...found];
}

/** Whether the patient can see a notice in the portal, and how else to reach them. */
export function patientReach(db: Reader, patientId: string): PatientReach {
  const row = reachQuery(db).get({ patientId });
  return { portalActive: Boolean(row?.active && row.passwordHash), phone: row?.phone ?? null };
}
