import "server-only";
import { eq } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { clinicSettings } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { defaultClinicSettings, type ClinicSettings } from "@/lib/domain/clinic-settings";
import type { ClinicSettingsInput } from "@/lib/validation/clinic-settings";
import { recordAudit } from "./audit";

type Reader = Pick<ReturnType<typeof getDb>, "select">;

/** The clinic's clinical defaults, or DOMAIN.md's when the clinic has not edited them. */
export function loadClinicSettings(clinicId: string, db: Reader = getDb()): ClinicSettings {
  const row = db.select().from(clinicSettings).where(eq(clinicSettings.clinicId, clinicId)).get();
  const defaults = defaultClinicSettings();
  if (!row) return defaults;
  return {
    screeningClasses: { ...defaults.screeningClasses, ...row.screeningClasses },
    intervalFloors: row.intervalFloors,
    isotretinoinLookbackMonths: row.isotretinoinLookbackMonths,
    alertRules: { ...defaults.alertRules, ...(row.alertRules ?? {}) },
  };
}

export function getClinicSettings(actor: Actor): ClinicSettings {
  requireRole(actor, STAFF_ROLES);
  return loadClinicSettings(actor.clinicId);
}

/** Admins edit their clinic's defaults; the audit keeps who changed what, before and after. */
export function updateClinicSettings(actor: Actor, input: ClinicSettingsInput): ClinicSettings {
  requireRole(actor, ["admin"]);
  const floors = [...input.intervalFloors].sort((a, b) => a.upToMm - b.upToMm);
  return writeTransaction((tx) => {
    const before = loadClinicSettings(actor.clinicId, tx);
    const values = {
      ...input,
      alertRules: input.alertRules ?? before.alertRules,
      intervalFloors: floors,
      updatedBy: actor.id,
      updatedAt: new Date().toISOString(),
    };
    tx.insert(clinicSettings)
      .values({ clinicId: actor.clinicId, ...values })
      .onConflictDoUpdate({ target: clinicSettings.clinicId, set: values })
      .run();
    const after = loadClinicSettings(actor.clinicId, tx);
    recordAudit(tx, { action: "clinic_settings.update", outcome: "success", actor, detail: { before, after } });
    return after;
  });
}
