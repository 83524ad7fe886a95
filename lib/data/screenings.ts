import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction, type Tx } from "@/db";
import { alerts, patients, screenings, users } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import type { ScreeningClass, ScreeningItemCode } from "@/lib/domain/clinical";
import type { ScreeningEvaluation } from "@/lib/domain/screening";
import type { ScreeningInput } from "@/lib/validation/screening";
import { newContraindicationAlert } from "@/lib/domain/alert-rules";
import { recordAudit, recordPatientRead } from "./audit";
import { loadCurrentPlan } from "./internal/plans";
import { loadLatestScreening } from "./internal/screenings";

export type ScreeningDto = {
  version: number;
  answers: { item: ScreeningItemCode; answer: boolean; date: string | null; label: string; class: ScreeningClass }[];
  recordedBy: { id: string; name: string };
  recordedAt: string;
  evaluation: ScreeningEvaluation;
};

/**
 * A screening that newly answers a blocking item yes while the plan is approved raises a high alert;
 * until a clinician decides again the plan shows "needs review" and the portal asks the patient to pause.
 */
function alertNewContraindication(tx: Tx, scope: { id: string; clinicId: string }, previous: ScreeningDto | null, saved: ScreeningDto): string[] {
  const before = new Set(previous?.evaluation.blocks.map((b) => b.item) ?? []);
  const added = saved.evaluation.blocks.filter((b) => !before.has(b.item));
  const plan = loadCurrentPlan(scope.id, tx);
  if (added.length === 0 || plan?.status !== "approved") return [];
  const clinician = tx
    .select({ name: users.name })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.responsibleClinicianId))
    .where(eq(patients.id, scope.id))
    .get();
  const draft = newContraindicationAlert(
    added.map((b) => b.label),
    clinician?.name ?? "the responsible clinician",
  );
  tx.insert(alerts).values({ ...draft, clinicId: scope.clinicId, patientId: scope.id }).run();
  return added.map((b) => b.item);
}

/** Clinicians record a new screening version; the previous ones stay as they were. */
export function recordScreening(actor: Actor, patientId: string, input: ScreeningInput): ScreeningDto {
  requireRole(actor, ["clinician"]);
  const scope = requirePatientAccess(actor, patientId);
  return writeTransaction((tx) => {
    const previous = loadLatestScreening(scope.id, scope.clinicId, tx);
    const version = (previous?.version ?? 0) + 1;
    tx.insert(screenings).values({ patientId: scope.id, version, answers: input.answers, recordedBy: actor.id }).run();
    const saved = loadLatestScreening(scope.id, scope.clinicId, tx)!;
    const newBlocks = alertNewContraindication(tx, scope, previous, saved);
    recordAudit(tx, {
      action: "screening.record",
      outcome: "success",
      actor,
      patientId: scope.id,
      detail: {
        before: previous && { version: previous.version, yes: previous.answers.filter((a) => a.answer).map((a) => a.item) },
        after: { version, yes: saved.answers.filter((a) => a.answer).map((a) => a.item) },
        ...(newBlocks.length ? { newContraindicationOnActivePlan: newBlocks } : {}),
      },
    });
    return saved;
  });
}

export function getScreening(actor: Actor, patientId: string): ScreeningDto | null {
  requireRole(actor, STAFF_ROLES);
  const scope = requirePatientAccess(actor, patientId);
  recordPatientRead(actor, scope.id, "screening");
  return loadLatestScreening(scope.id, scope.clinicId);
}
