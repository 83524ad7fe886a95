import "server-only";
import { getDb, writeTransaction } from "@/db";
import { clinicSettings } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { findLoosening, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { ClinicSettingsInput } from "@/lib/validation/clinic-settings";
import { recordAudit } from "./audit";
import { loadClinicSettings } from "./internal/clinic-settings";


export function getClinicSettings(actor: Actor): ClinicSettings {
  requireRole(actor, STAFF_ROLES);
  return loadClinicSettings(actor.clinicId);
}

/** Every setting today decides what is safe for a patient, so changing one is a clinician's act. */
const SAFETY_SETTINGS = ["screeningClasses", "intervalFloors", "isotretinoinLookbackMonths", "alertRules", "screeningValidityDays", "rednessExtraSpacingDays"] as const;

function changedSettings(before: ClinicSettings, after: ClinicSettings): string[] {
  return SAFETY_SETTINGS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/**
 * Clinicians tighten their clinic's defaults, never loosen them below DOMAIN.md; admins may save the
 * form unchanged but not change a safety setting. The audit keeps who changed what, before and after.
 */
export function updateClinicSettings(actor: Actor, input: ClinicSettingsInput): ClinicSettings {
  requireRole(actor, STAFF_ROLES);
  const refusal = (detail: Record<string, unknown>) => recordAudit(getDb(), { action: "clinic_settings.update", outcome: "denied", actor, detail });
  const before = loadClinicSettings(actor.clinicId);
  const next: ClinicSettings = {
    screeningClasses: input.screeningClasses,
    intervalFloors: [...input.intervalFloors].sort((a, b) => a.upToMm - b.upToMm),
    isotretinoinLookbackMonths: input.isotretinoinLookbackMonths,
    alertRules: input.alertRules ?? before.alertRules,
    screeningValidityDays: input.screeningValidityDays ?? before.screeningValidityDays,
    rednessExtraSpacingDays: input.rednessExtraSpacingDays ?? before.rednessExtraSpacingDays,
  };
  const loosened = findLoosening(next);
  if (loosened.length > 0) {
    refusal({ rules: loosened.map((l) => l.rule) });
    throw new ValidationError(loosened[0]!.message, loosened);
  }
  const changed = changedSettings(before, next);
  if (changed.length > 0 && actor.role !== "clinician") {
    refusal({ reason: "safety settings need a clinician", changed });
    throw new ForbiddenError("Changes to clinical safety settings need a clinician.");
  }
  return writeTransaction((tx) => {
    const values = { ...next, updatedBy: actor.id, updatedAt: new Date().toISOString() };
    tx.insert(clinicSettings)
      .values({ clinicId: actor.clinicId, ...values })
      .onConflictDoUpdate({ target: clinicSettings.clinicId, set: values })
      .run();
    const after = loadClinicSettings(actor.clinicId, tx);
    recordAudit(tx, { action: "clinic_settings.update", outcome: "success", actor, detail: { before, after, changed } });
    return after;
  });
}
