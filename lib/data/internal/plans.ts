import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, desc, eq, lt, sql, type Placeholder } from "drizzle-orm";
import { getDb, preparedOnce, type Reader, type Tx } from "@/db";
import { planVersions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { longestNeedleMm, validatePlanDecision, type PlanViolation } from "@/lib/domain/plan-rules";
import { derivePlanStatus } from "@/lib/domain/plan-status";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { PlanDecisionInput } from "@/lib/validation/plans";
import { recordAudit } from "../audit";
import { clinicToday } from "../clock";
import type { PlanVersionDto } from "../plans";
import { loadClinicSettings } from "./clinic-settings";
import { holdsEndedByDecision } from "@/lib/domain/holds";
import { clearHolds, openHolds } from "./holds";
import { loadLatestScreening } from "./screenings";

const columns = {
  version: planVersions.version,
  decision: planVersions.decision,
  areas: planVersions.areas,
  minIntervalDays: planVersions.minIntervalDays,
  reviewBy: planVersions.reviewBy,
  instructions: planVersions.instructions,
  reason: planVersions.reason,
  contraindicationOverride: planVersions.contraindicationOverride,
  intervalOverrideReason: planVersions.intervalOverrideReason,
  screeningVersion: planVersions.screeningVersion,
  overriddenItems: planVersions.overriddenItems,
  confirmLongNeedle: planVersions.confirmLongNeedle,
  acknowledgedReviewItems: planVersions.acknowledgedReviewItems,
  decidedAt: planVersions.decidedAt,
  decidedById: users.id,
  decidedByName: users.name,
};

/** Every version of a patient's plan with who decided it, newest first. */
export function selectVersions(db: Reader, patientId: string | Placeholder) {
  return db
    .select(columns)
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.decidedBy))
    .where(eq(planVersions.patientId, patientId))
    .orderBy(desc(planVersions.version));
}

export function toDto(row: Awaited<ReturnType<ReturnType<typeof selectVersions>["all"]>>[number], today: string, needsReview = false): PlanVersionDto {
  const { decidedById, decidedByName, overriddenItems, confirmLongNeedle, acknowledgedReviewItems, ...plan } = row;
  return {
    ...plan,
    overriddenItems: overriddenItems ?? [],
    confirmLongNeedle: confirmLongNeedle ?? false,
    acknowledgedReviewItems: acknowledgedReviewItems ?? [],
    status: derivePlanStatus(plan, today),
    decidedBy: { id: decidedById, name: decidedByName },
    needsReview,
  };
}

// Every portal visit, patient view and plan decision reads these: prepared once per connection.
const currentPlanQuery = preparedOnce((db) => selectVersions(db, sql.placeholder("patientId")).limit(1).prepare());
const previousApprovalQuery = preparedOnce((db) =>
  db
    .select({ decidedAt: planVersions.decidedAt })
    .from(planVersions)
    .where(and(eq(planVersions.patientId, sql.placeholder("patientId")), eq(planVersions.decision, "approved"), lt(planVersions.version, sql.placeholder("beforeVersion"))))
    .orderBy(desc(planVersions.version))
    .limit(1)
    .prepare(),
);

/** The latest plan version of a patient, or null. */
export function loadCurrentPlan(patientId: string, db: Reader = getDb()): PlanVersionDto | null {
  const row = currentPlanQuery(db).get({ patientId });
  if (!row) return null;
  // Something waits for a clinician: a pause or a review hold raised since (lib/data/internal/holds.ts).
  return toDto(row, clinicToday(), openHolds(db, patientId).length > 0);
}

/** When the latest approval before this decision was made, for the screening freshness rule. */
export function previousApprovalAt(db: Reader, patientId: string, beforeVersion: number): string | null {
  return previousApprovalQuery(db).get({ patientId, beforeVersion })?.decidedAt ?? null;
}

function summary(plan: PlanVersionDto | null) {
  if (!plan) return null;
  const { version, decision, areas, minIntervalDays, reviewBy, reason, screeningVersion, overriddenItems, confirmLongNeedle, acknowledgedReviewItems } = plan;
  return { version, decision, areas, minIntervalDays, reviewBy, reason, screeningVersion, overriddenItems, confirmLongNeedle, acknowledgedReviewItems };
}

type Scope = { id: string; clinicId: string };

/**
 * Checks the rules and writes the next version inside the caller's transaction (so an alert's
 * "suspend plan" goes through exactly the same rules). Returns the violations instead of writing.
 * The caller has checked that the actor is a clinician with access to `scope`.
 */
export function recordPlanDecision(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  input: PlanDecisionInput,
): { saved: PlanVersionDto; violations?: undefined } | { saved?: undefined; violations: PlanViolation[] } {
  const current = loadCurrentPlan(scope.id, tx);
  const currentVersion = current?.version ?? 0;
  if (input.baseVersion !== currentVersion) {
    throw new ConflictError(
      `This plan changed while you were editing: version ${currentVersion} is now the latest, you were looking at version ${input.baseVersion}.`,
      { currentVersion: current },
    );
  }
  const screening = loadLatestScreening(scope.id, scope.clinicId, tx);
  const approved = input.decision === "approved";
  // Like baseVersion: an approval made on a screening someone has since re-recorded is a conflict.
  if (approved && screening && input.screeningVersion != null && input.screeningVersion !== screening.version) {
    throw new ConflictError(
      `The screening changed while you were deciding: version ${screening.version} is now the latest, you decided on version ${input.screeningVersion}.`,
      { currentScreeningVersion: screening.version, screening },
    );
  }
  const settings = loadClinicSettings(scope.clinicId, tx);
  const violations = validatePlanDecision(input, {
    today: clinicToday(),
    screening,
    intervalFloors: settings.intervalFloors,
    screeningValidityDays: settings.screeningValidityDays,
    previousApprovalAt: previousApprovalAt(tx, scope.id, currentVersion + 1),
  });
  if (violations.length > 0) return { violations };
  const areas = approved ? input.areas : [];
  tx.insert(planVersions)
    .values({
      patientId: scope.id,
      version: currentVersion + 1,
      decision: input.decision,
      areas,
      maxNeedleMm: longestNeedleMm(areas),
      minIntervalDays: approved ? (input.minIntervalDays ?? null) : null,
      reviewBy: approved ? (input.reviewBy ?? null) : null,
      instructions: input.instructions,
      reason: input.reason,
      contraindicationOverride: approved ? input.contraindicationOverride : null,
      intervalOverrideReason: approved ? input.intervalOverrideReason : null,
      screeningVersion: screening?.version ?? null,
      overriddenItems: approved ? input.overriddenItems : null,
      confirmLongNeedle: approved ? input.confirmLongNeedle : null,
      acknowledgedReviewItems: approved ? input.acknowledgedReviewItems : null,
      decidedBy: actor.id,
    })
    .run();
  const ended = holdsEndedByDecision(openHolds(tx, scope.id), {
    decision: input.decision,
    screeningRecordedAt: screening?.recordedAt ?? null,
    acknowledgedReviewItems: approved ? (input.acknowledgedReviewItems ?? []) : [],
  });
  clearHolds(tx, ended, { by: actor.id, note: `Ended by plan version ${currentVersion + 1} (${input.decision}).`, planVersion: currentVersion + 1 });
  const saved = loadCurrentPlan(scope.id, tx)!;
  recordAudit(tx, {
    action: "plan.decide",
    outcome: "success",
    actor,
    patientId: scope.id,
    detail: { before: summary(current), after: summary(saved), ...(ended.length ? { endedHolds: ended } : {}) },
  });
  return { saved };
}

/** The 400 for a decision the rules refused, with its audit row. */
export function planRefusal(actor: Actor, patientId: string, decision: string, violations: PlanViolation[]): ValidationError {
  // Refusals are audited outside the refused transaction, so nothing else of the attempt is written.
  recordAudit(getDb(), { action: "plan.decide", outcome: "failure", actor, patientId, detail: { decision, rules: violations.map((v) => v.rule) } });
  return new ValidationError(violations[0]!.message, violations.map(({ path, message, rule }) => ({ path, message, rule })));
}
