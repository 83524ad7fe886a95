import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { getDb, preparedOnce, writeTransaction } from "@/db";
import { careHolds, clinics, patients, users } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { screeningItemLabel, type ScreeningItemCode } from "@/lib/domain/clinical";
import { ConflictError } from "@/lib/errors";
import type { PauseClearInput } from "@/lib/validation/health-changes";
import { recordAudit } from "./audit";
import { clinicTimeZone } from "./clock";
import { loadClinicSettings } from "./internal/clinic-settings";
import { blockingItemsAt } from "./internal/contraindications";
import { clearHolds, currentPause, lastClearedPauseAt, openHolds } from "./internal/holds";
import { loadCurrentPlan } from "./internal/plans";
import type { PauseDto } from "./home-care";

export type HoldDto = {
  id: string;
  kind: "pause" | "review";
  reason: string;
  items: string[];
  alertId: string | null;
  since: string;
  clearedAt: string | null;
  clearedBy: { id: string; name: string } | null;
  clearNote: string | null;
  clearedByPlanVersion: number | null;
};

/** The holds of one patient, newest first: what paused or questioned the plan, and who cleared it. */
export function listHolds(actor: Actor, patientId: string, limit = 20): HoldDto[] {
  requireRole(actor, STAFF_ROLES);
  const scope = requirePatientAccess(actor, patientId);
  return getDb()
    .select({
      id: careHolds.id,
      kind: careHolds.kind,
      reason: careHolds.reason,
      items: careHolds.items,
      alertId: careHolds.alertId,
      since: careHolds.since,
      clearedAt: careHolds.clearedAt,
      clearedById: careHolds.clearedBy,
      clearedByName: users.name,
      clearNote: careHolds.clearNote,
      clearedByPlanVersion: careHolds.clearedByPlanVersion,
    })
    .from(careHolds)
    .leftJoin(users, eq(users.id, careHolds.clearedBy))
    .where(eq(careHolds.patientId, scope.id))
    .orderBy(desc(careHolds.since))
    .limit(Math.min(limit, 100))
    .all()
    .map(({ clearedById, clearedByName, ...hold }) => ({ ...hold, clearedBy: clearedById ? { id: clearedById, name: clearedByName ?? "" } : null }));
}

export type PauseCleared = { clearedAt: string; cleared: number };

/**
 * A clinician lets the patient continue: every open pause ends with their note, in one audited write.
 * Refused while a blocking contraindication is on record that the plan in force did not override:
 * that needs a plan decision (an override, or a suspension), not a note.
 */
export function clearPause(actor: Actor, patientId: string, input: PauseClearInput): PauseCleared {
  requireRole(actor, ["clinician"], "pause.clear");
  const scope = requirePatientAccess(actor, patientId);
  return writeTransaction((tx) => {
    const pauses = openHolds(tx, scope.id).filter((h) => h.kind === "pause");
    if (pauses.length === 0) throw new ConflictError("Home microneedling is not paused for this patient: there is nothing to clear.");
    const now = new Date().toISOString();
    const plan = loadCurrentPlan(scope.id, tx);
    const overridden = plan?.decision === "approved" ? plan.overriddenItems : [];
    const blocking = blockingItemsAt(tx, scope.id, loadClinicSettings(scope.clinicId, tx), now, clinicTimeZone()).filter((item) => !overridden.includes(item));
    if (blocking.length > 0) {
      const names = blocking.map((item) => screeningItemLabel(item as ScreeningItemCode).toLowerCase()).join("; ");
      throw new ConflictError(
        `A blocking contraindication is on record (${names}): decide the plan again (an override with its justification, or a suspension), or record a screening that no longer answers it yes, before clearing the pause.`,
      );
    }
    clearHolds(tx, pauses.map((p) => p.id), { by: actor.id, note: input.note, at: now });
    recordAudit(tx, {
      action: "pause.clear",
      outcome: "success",
      actor,
      patientId: scope.id,
      detail: { note: input.note, cleared: pauses.map((p) => ({ id: p.id, reason: p.reason, since: p.since, alertId: p.alertId })) },
    });
    return { clearedAt: now, cleared: pauses.length };
  });
}

export type PauseNotice = { pause: PauseDto | null; lastClearedAt: string | null; clinicName: string; clinicPhone: string | null };

// Every portal page shows this in its layout: prepared once per connection.
const clinicOfPatientQuery = preparedOnce((db) =>
  db.select({ name: clinics.name, phone: clinics.phone }).from(patients).innerJoin(clinics, eq(clinics.id, patients.clinicId)).where(eq(patients.id, sql.placeholder("patientId"))).prepare(),
);

/** What every portal page tells a patient before anything else: stop (and whom to call), or that they were cleared. */
export function getPauseNotice(actor: Actor, patientId: string): PauseNotice {
  const scope = requirePatientAccess(actor, patientId);
  const db = getDb();
  const pause = currentPause(openHolds(db, scope.id));
  const clinic = clinicOfPatientQuery(db).get({ patientId: scope.id })!;
  return { pause, lastClearedAt: pause ? null : lastClearedPauseAt(db, scope.id), clinicName: clinic.name, clinicPhone: clinic.phone };
}
