import "server-only";
import { eq, sql } from "drizzle-orm";
import { preparedOnce, writeTransaction } from "@/db";
import { clinicSettings } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { defaultClinicSettings } from "@/lib/domain/clinic-settings";
import { recordAudit } from "./audit";

export type ClinicSecurity = { requireStaffMfa: boolean };

const requireMfaQuery = preparedOnce((db) =>
  db.select({ requireStaffMfa: clinicSettings.requireStaffMfa }).from(clinicSettings).where(eq(clinicSettings.clinicId, sql.placeholder("clinicId"))).prepare(),
);

/** Whether the clinic makes two-factor sign-in mandatory for its staff; read on staff requests. */
export function clinicRequiresStaffMfa(clinicId: string): boolean {
  return requireMfaQuery().get({ clinicId })?.requireStaffMfa ?? false;
}

export function getClinicSecurity(actor: Actor): ClinicSecurity {
  requireRole(actor, STAFF_ROLES);
  return { requireStaffMfa: clinicRequiresStaffMfa(actor.clinicId) };
}

/** Admins decide whether staff must use two-factor sign-in; those without it enrol at their next request. */
export function updateClinicSecurity(actor: Actor, input: ClinicSecurity): ClinicSecurity {
  requireRole(actor, ["admin"]);
  const now = new Date().toISOString();
  return writeTransaction((tx) => {
    const before = { requireStaffMfa: clinicRequiresStaffMfa(actor.clinicId) };
    const existing = tx.select({ clinicId: clinicSettings.clinicId }).from(clinicSettings).where(eq(clinicSettings.clinicId, actor.clinicId)).get();
    if (existing) {
      tx.update(clinicSettings).set({ requireStaffMfa: input.requireStaffMfa, updatedBy: actor.id, updatedAt: now }).where(eq(clinicSettings.clinicId, actor.clinicId)).run();
    } else {
      const d = defaultClinicSettings();
      tx.insert(clinicSettings)
        .values({
          clinicId: actor.clinicId,
          screeningClasses: d.screeningClasses,
          intervalFloors: d.intervalFloors,
          isotretinoinLookbackMonths: d.isotretinoinLookbackMonths,
          screeningValidityDays: d.screeningValidityDays,
          rednessExtraSpacingDays: d.rednessExtraSpacingDays,
          requireStaffMfa: input.requireStaffMfa,
          updatedBy: actor.id,
          updatedAt: now,
        })
        .run();
    }
    recordAudit(tx, { action: "clinic_security.update", outcome: "success", actor, detail: { before, after: input } });
    return input;
  });
}
