import "server-only";
import { getDb, writeTransaction } from "@/db";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { findLoosening, keepBlocking, loosenedBlockClasses, sameSettings, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { isJustification, JUSTIFICATION_RULE } from "@/lib/domain/text";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { ClinicSettingsInput } from "@/lib/validation/clinic-settings";
import { recordAudit } from "./audit";
import { loadClinicSettings, writeClinicSettings } from "./internal/clinic-settings";
import { getSettingsProposal, insertProposal, type SettingsProposalDto } from "./settings-proposals";

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
 * A save either takes effect (`saved`), or, when it turns a DOMAIN.md block class into review, waits
 * for a second clinician or an admin (`proposed`): everything else in that save is in force at once
 * (`appliedNow` says whether there was anything else), the loosening only once confirmed.
 */
export type SettingsSaveResult =
  | { kind: "saved"; settings: ClinicSettings }
  | { kind: "proposed"; settings: ClinicSettings; proposal: SettingsProposalDto; appliedNow: boolean };

function nextSettings(before: ClinicSettings, input: ClinicSettingsInput): ClinicSettings {
  return {
    screeningClasses: input.screeningClasses,
    intervalFloors: [...input.intervalFloors].sort((a, b) => a.upToMm - b.upToMm),
    isotretinoinLookbackMonths: input.isotretinoinLookbackMonths,
    alertRules: input.alertRules ?? before.alertRules,
    screeningValidityDays: input.screeningValidityDays ?? before.screeningValidityDays,
    rednessExtraSpacingDays: input.rednessExtraSpacingDays ?? before.rednessExtraSpacingDays,
  };
}

/**
 * Clinicians tighten their clinic's defaults at once, never loosen them below DOMAIN.md, except a
 * block class other than pregnancy, active infection and isotretinoin, which they may propose to turn
 * into review with a reason (lib/data/settings-proposals.ts confirms it). Admins may save the form
 * unchanged but not change a safety setting. The audit keeps who changed what, before and after.
 */
export function updateClinicSettings(actor: Actor, input: ClinicSettingsInput, now = new Date()): SettingsSaveResult {
  requireRole(actor, STAFF_ROLES);
  const refusal = (detail: Record<string, unknown>, action = "clinic_settings.update") => recordAudit(getDb(), { action, outcome: "denied", actor, detail });
  const before = loadClinicSettings(actor.clinicId);
  const next = nextSettings(before, input);
  const refused = findLoosening(next);
  if (refused.length > 0) {
    refusal({ rules: refused.map((l) => l.rule) });
    throw new ValidationError(refused[0]!.message, refused);
  }
  const changed = changedSettings(before, next);
  if (changed.length > 0 && actor.role !== "clinician") {
    refusal({ reason: "safety settings need a clinician", changed });
    throw new ForbiddenError("Changes to clinical safety settings need a clinician.");
  }
  const loosened = loosenedBlockClasses(before, next);
  if (loosened.length > 0 && !isJustification(input.reason)) {
    refusal({ reason: "no justification", loosened }, "clinic_settings.propose");
    const message = `Turning a blocking item into a review item needs a reason: ${JUSTIFICATION_RULE}.`;
    throw new ValidationError(message, [{ path: "reason", rule: "loosening_reason_required", message }]);
  }
  const immediate = keepBlocking(next, loosened);
  const result = writeTransaction((tx) => {
    // A plain save is written and audited even unchanged (an admin re-saving the form is on record);
    // a proposal's save only when it carries something besides the loosening.
    const appliedNow = !sameSettings(before, immediate);
    if (loosened.length === 0 || appliedNow) {
      writeClinicSettings(tx, actor.clinicId, immediate, actor.id, now);
      const after = loadClinicSettings(actor.clinicId, tx);
      recordAudit(tx, { action: "clinic_settings.update", outcome: "success", actor, detail: { before, after, changed: changedSettings(before, after) } });
    }
    if (loosened.length === 0) return { appliedNow, proposalId: null };
    const proposalId = insertProposal(tx, actor, { settings: next, loosened, reason: input.reason! }, now);
    recordAudit(tx, { action: "clinic_settings.propose", outcome: "success", actor, detail: { proposalId, loosened, reason: input.reason } });
    return { appliedNow, proposalId };
  });
  const settings = loadClinicSettings(actor.clinicId);
  if (!result.proposalId) return { kind: "saved", settings };
  return { kind: "proposed", settings, proposal: getSettingsProposal(actor, result.proposalId, now), appliedNow: result.appliedNow };
}
