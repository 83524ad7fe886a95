import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb, writeTransaction, type Reader } from "@/db";
import { alerts, healthChanges, users } from "@/db/schema";
import { requirePatientAccess } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import type { ScreeningItemCode } from "@/lib/domain/clinical";
import { healthChangeLabel, OTHER_MEDICINE } from "@/lib/domain/health-changes";
import { healthChangeAlert, type HealthChangeFinding } from "@/lib/domain/holds";
import { answerIsCurrent } from "@/lib/domain/screening";
import type { HealthChangeReportInput } from "@/lib/validation/health-changes";
import { recordAudit, recordPatientRead } from "./audit";
import { clinicToday } from "./clock";
import { loadClinicSettings } from "./internal/clinic-settings";
import { patientReach } from "./internal/contraindications";
import { openHold } from "./internal/holds";
import { loadCurrentPlan } from "./internal/plans";

export type HealthChangeDto = {
  id: string;
  item: string;
  label: string;
  date: string | null;
  note: string | null;
  source: "patient" | "staff";
  reportedBy: { id: string; name: string };
  createdAt: string;
  alertId: string | null;
};

/** What happened when the clinic was told: the patient is shown exactly this, and no more. */
export type HealthChangeReceipt = { items: HealthChangeDto[]; paused: boolean; alertSeverity: "high" | "normal" };

/**
 * The patient (or staff taking their call) tells the clinic of a change in health. Each item is stored as
 * the patient's own statement beside the clinician's screening, never overwriting it; the clinic's class
 * for the item decides what follows, in the same transaction: a blocking one pauses home microneedling at
 * once with a high alert, a review one raises a normal alert (and marks an approved plan "needs review").
 */
export function reportHealthChange(actor: Actor, patientId: string, input: HealthChangeReportInput): HealthChangeReceipt {
  const scope = requirePatientAccess(actor, patientId);
  const source = actor.role === "patient" ? "patient" : "staff";
  return writeTransaction((tx) => {
    const settings = loadClinicSettings(scope.clinicId, tx);
    const today = clinicToday();
    const findings: HealthChangeFinding[] = input.items.map((change) => {
      // A last dose of isotretinoin beyond the clinic's lookback no longer blocks: a clinician still reads it.
      const blocks =
        change.item !== OTHER_MEDICINE &&
        settings.screeningClasses[change.item as ScreeningItemCode] === "block" &&
        answerIsCurrent({ item: change.item as ScreeningItemCode, answer: true, date: change.date }, settings, today);
      return { item: change.item, label: healthChangeLabel(change.item), class: blocks ? "block" : "review", note: change.note };
    });
    const reach = patientReach(tx, scope.id);
    const draft = healthChangeAlert(findings, source, reach);
    const paused = draft.severity === "high";
    const { id: alertId } = tx
      .insert(alerts)
      .values({ ...draft, clinicId: scope.clinicId, patientId: scope.id, contactRequired: paused && !reach.portalActive })
      .returning({ id: alerts.id })
      .get();
    const blocking = findings.filter((f) => f.class === "block").map((f) => f.item);
    const reviewing = findings.filter((f) => f.class === "review").map((f) => f.item);
    if (paused) openHold(tx, { clinicId: scope.clinicId, patientId: scope.id, kind: "pause", reason: "health_change", items: blocking, alertId });
    else if (loadCurrentPlan(scope.id, tx)?.status === "approved") {
      openHold(tx, { clinicId: scope.clinicId, patientId: scope.id, kind: "review", reason: "review_item", items: reviewing, alertId });
    }
    const ids = input.items.map(
      (change) =>
        tx
          .insert(healthChanges)
          .values({ clinicId: scope.clinicId, patientId: scope.id, item: change.item, date: change.date, note: change.note, source, reportedBy: actor.id, alertId })
          .returning({ id: healthChanges.id })
          .get().id,
    );
    recordAudit(tx, {
      action: "health_change.report",
      outcome: "success",
      actor,
      patientId: scope.id,
      detail: { after: { ids, items: input.items.map((c) => c.item), source, blocking, paused, alertId } },
    });
    const items = selectChanges(tx, scope.id, ids.length);
    return { items, paused, alertSeverity: draft.severity };
  });
}

function selectChanges(db: Reader, patientId: string, limit: number): HealthChangeDto[] {
  return db
    .select({
      id: healthChanges.id,
      item: healthChanges.item,
      date: healthChanges.date,
      note: healthChanges.note,
      source: healthChanges.source,
      reporterId: users.id,
      reporterName: users.name,
      createdAt: healthChanges.createdAt,
      alertId: healthChanges.alertId,
    })
    .from(healthChanges)
    .innerJoin(users, eq(users.id, healthChanges.reportedBy))
    .where(eq(healthChanges.patientId, patientId))
    .orderBy(desc(healthChanges.createdAt), desc(healthChanges.id))
    .limit(limit)
    .all()
    .map(({ reporterId, reporterName, ...row }) => ({ ...row, label: healthChangeLabel(row.item), reportedBy: { id: reporterId, name: reporterName } }));
}

/** The changes a patient told the clinic of, newest first, with who wrote each down. */
export function listHealthChanges(actor: Actor, patientId: string, limit = 20): HealthChangeDto[] {
  const scope = requirePatientAccess(actor, patientId);
  const items = selectChanges(getDb(), scope.id, Math.min(Math.max(limit, 1), 100));
  recordPatientRead(actor, scope.id, "health_changes");
  return items;
}
