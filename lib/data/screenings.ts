import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction, type Tx } from "@/db";
import { alerts, patients, screenings, users } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import type { ScreeningClass, ScreeningItemCode } from "@/lib/domain/clinical";
import type { ScreeningEvaluation } from "@/lib/domain/screening";
import type { ScreeningInput } from "@/lib/validation/screening";
import type { AlertDraft } from "@/lib/domain/alert-rules";
import { newContraindicationAlert, newReviewItemAlert } from "@/lib/domain/holds";
import { recordAudit, recordPatientRead } from "./audit";
import { patientReach } from "./internal/contraindications";
import { openHold } from "./internal/holds";
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
 * What a new screening changes for an approved plan. A newly answered blocking item pauses home
 * microneedling with a high alert until a clinician decides again or clears it; a newly answered
 * review item the plan did not acknowledge raises a normal alert and marks the plan "needs review"
 * (the plan stays usable). Returns the items, for the audit row.
 */
function holdForNewAnswers(tx: Tx, scope: { id: string; clinicId: string }, previous: ScreeningDto | null, saved: ScreeningDto): { blocks: string[]; reviews: string[] } {
  const plan = loadCurrentPlan(scope.id, tx);
  if (plan?.status !== "approved") return { blocks: [], reviews: [] };
  const newlyYes = (found: ScreeningDto["evaluation"]["blocks"], before: ScreeningDto["evaluation"]["blocks"] = []) =>
    found.filter((f) => !before.some((b) => b.item === f.item));
  const blocks = newlyYes(saved.evaluation.blocks, previous?.evaluation.blocks);
  const reviews = newlyYes(saved.evaluation.reviews, previous?.evaluation.reviews).filter((r) => !plan.acknowledgedReviewItems.includes(r.item));
  const hold = (kind: "pause" | "review", draft: AlertDraft, items: string[], contactRequired: boolean) => {
    const { id: alertId } = tx.insert(alerts).values({ ...draft, clinicId: scope.clinicId, patientId: scope.id, contactRequired }).returning({ id: alerts.id }).get();
    openHold(tx, { clinicId: scope.clinicId, patientId: scope.id, kind, reason: kind === "pause" ? "contraindication" : "review_item", items, alertId, since: saved.recordedAt });
  };
  if (blocks.length) {
    const clinician = tx.select({ name: users.name }).from(patients).innerJoin(users, eq(users.id, patients.responsibleClinicianId)).where(eq(patients.id, scope.id)).get();
    const reach = patientReach(tx, scope.id);
    hold("pause", newContraindicationAlert(blocks.map((b) => b.label), clinician?.name ?? "the responsible clinician", reach), blocks.map((b) => b.item), !reach.portalActive);
  }
  if (reviews.length) hold("review", newReviewItemAlert(reviews.map((r) => r.label)), reviews.map((r) => r.item), false);
  return { blocks: blocks.map((b) => b.item), reviews: reviews.map((r) => r.item) };
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
    const held = holdForNewAnswers(tx, scope, previous, saved);
    recordAudit(tx, {
      action: "screening.record",
      outcome: "success",
      actor,
      patientId: scope.id,
      detail: {
        before: previous && { version: previous.version, yes: previous.answers.filter((a) => a.answer).map((a) => a.item) },
        after: { version, yes: saved.answers.filter((a) => a.answer).map((a) => a.item) },
        ...(held.blocks.length ? { newContraindicationOnActivePlan: held.blocks } : {}),
        ...(held.reviews.length ? { newReviewItemOnActivePlan: held.reviews } : {}),
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
