import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { eq, sql } from "drizzle-orm";
import { getDb, preparedOnce, type Reader, type Tx } from "@/db";
import { clinicSettings } from "@/db/schema";
import { defaultClinicSettings, type ClinicSettings } from "@/lib/domain/clinic-settings";

// Read by every report and plan decision: prepared once per connection.
const clinicSettingsQuery = preparedOnce((db) => db.select().from(clinicSettings).where(eq(clinicSettings.clinicId, sql.placeholder("clinicId"))).prepare());

/** The clinic's clinical defaults, or DOMAIN.md's when the clinic has not edited them. */
export function loadClinicSettings(clinicId: string, db: Reader = getDb()): ClinicSettings {
  const row = clinicSettingsQuery(db).get({ clinicId });
  const defaults = defaultClinicSettings();
  if (!row) return defaults;
  return {
    screeningClasses: { ...defaults.screeningClasses, ...row.screeningClasses },
    intervalFloors: row.intervalFloors,
    isotretinoinLookbackMonths: row.isotretinoinLookbackMonths,
    alertRules: { ...defaults.alertRules, ...(row.alertRules ?? {}) },
    screeningValidityDays: row.screeningValidityDays,
    rednessExtraSpacingDays: row.rednessExtraSpacingDays,
  };
}

/** Stores the clinic's whole settings (insert or replace); the caller audits it in the same transaction. */
export function writeClinicSettings(tx: Tx, clinicId: string, settings: ClinicSettings, updatedBy: string, now: Date): void {
  const values = { ...settings, updatedBy, updatedAt: now.toISOString() };
  tx.insert(clinicSettings).values({ clinicId, ...values }).onConflictDoUpdate({ target: clinicSettings.clinicId, set: values }).run();
}
