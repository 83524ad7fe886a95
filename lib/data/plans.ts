import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { planVersions } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import type { PlanDecision, PlanStatus } from "@/lib/domain/clinical";
import type { PlanAreaLimit } from "@/lib/domain/plan-rules";
import { ConflictError } from "@/lib/errors";
import type { PlanDecisionInput } from "@/lib/validation/plans";
import { recordAudit, recordPatientRead } from "./audit";
import { clinicToday } from "./clock";
import { planRefusal, recordPlanDecision, selectVersions, toDto } from "./internal/plans";
import { offsetOf, pageOf, type Page, type Paging } from "./page";


export type PlanVersionDto = {
  version: number;
  decision: PlanDecision;
  status: PlanStatus;
  areas: PlanAreaLimit[];
  minIntervalDays: number | null;
  reviewBy: string | null;
  instructions: string | null;
  reason: string | null;
  contraindicationOverride: string | null;
  intervalOverrideReason: string | null;
  screeningVersion: number | null;
  overriddenItems: string[];
  confirmLongNeedle: boolean;
  acknowledgedReviewItems: string[];
  decidedBy: { id: string; name: string };
  decidedAt: string;
  /** A new blocking contraindication was screened since this decision: paused until a clinician decides again. */
  needsReview: boolean;
};

/** The decisions, newest first, a page at a time: staff of the patient's clinic only. */
export function listPlanVersions(actor: Actor, patientId: string, paging: Paging = { page: 1, pageSize: PLAN_HISTORY_PAGE }): Page<PlanVersionDto> {
  requireRole(actor, STAFF_ROLES);
  const scope = requirePatientAccess(actor, patientId);
  const today = clinicToday();
  const db = getDb();
  const total = db.select({ n: count() }).from(planVersions).where(eq(planVersions.patientId, scope.id)).get()?.n ?? 0;
  const versions = selectVersions(db, scope.id)
    .limit(paging.pageSize)
    .offset(offsetOf(paging))
    .all()
    .map((row) => toDto(row, today));
  recordPatientRead(actor, scope.id, "plan_history");
  return pageOf(versions, total, paging);
}

export const PLAN_HISTORY_PAGE = 50;

/**
 * Records a clinician's decision as a new immutable version. Rejected with 409 when someone else
 * decided since `baseVersion`, and with 400 naming the rule when a clinical rule is not met.
 */
export function decidePlan(actor: Actor, patientId: string, input: PlanDecisionInput): PlanVersionDto {
  requireRole(actor, ["clinician"]);
  const scope = requirePatientAccess(actor, patientId);
  const outcome = auditConflicts(actor, scope.id, input.baseVersion, () => writeTransaction((tx) => recordPlanDecision(tx, actor, scope, input)));
  if (outcome.saved) return outcome.saved;
  throw planRefusal(actor, scope.id, input.decision, outcome.violations);
}

function auditConflicts<T>(actor: Actor, patientId: string, baseVersion: number, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof ConflictError) {
      recordAudit(getDb(), { action: "plan.decide", outcome: "failure", actor, patientId, detail: { reason: "conflict", baseVersion } });
    }
    throw error;
  }
}
