import "server-only";
import { and, desc, eq, gt, lte } from "drizzle-orm";
import type { getDb } from "@/db";
import { alerts, planVersions } from "@/db/schema";
import type { PlanInForce } from "@/lib/domain/session-flags";

type Reader = Pick<ReturnType<typeof getDb>, "select">;

const planColumns = {
  version: planVersions.version,
  decision: planVersions.decision,
  areas: planVersions.areas,
  minIntervalDays: planVersions.minIntervalDays,
  reviewBy: planVersions.reviewBy,
  decidedAt: planVersions.decidedAt,
};

function latestDecidedBy(db: Reader, patientId: string, moment: string) {
  return db
    .select(planColumns)
    .from(planVersions)
    .where(and(eq(planVersions.patientId, patientId), lte(planVersions.decidedAt, moment)))
    .orderBy(desc(planVersions.version))
    .limit(1)
    .get();
}

/**
 * Whether a blocking contraindication was screened after this decision and before `at`: the patient
 * has been told to pause until a clinician decides again.
 */
export function pausedForReview(db: Reader, patientId: string, decidedAt: string, at: string): boolean {
  return (
    db
      .select({ id: alerts.id })
      .from(alerts)
      .where(and(eq(alerts.patientId, patientId), eq(alerts.kind, "new_contraindication"), gt(alerts.createdAt, decidedAt), lte(alerts.createdAt, at)))
      .limit(1)
      .get() !== undefined
  );
}

type PlanRow = NonNullable<ReturnType<typeof latestDecidedBy>>;

/**
 * The plan versions a session at `at` is judged against: the one decided at or before it (null: none
 * yet) and, when a later one was decided within the same minute (patients report to the minute),
 * that one as well, so a decision seconds after the session cannot excuse it. The last of the list
 * is the version the session is recorded under.
 */
export function loadPlansInForce(db: Reader, patientId: string, at: string): PlanInForce[] {
  const endOfMinute = new Date(Math.floor(Date.parse(at) / 60_000) * 60_000 + 59_999).toISOString();
  const strict = latestDecidedBy(db, patientId, at) ?? null;
  const grace = latestDecidedBy(db, patientId, endOfMinute) ?? null;
  const inForce = ({ decidedAt, ...plan }: PlanRow) => ({ ...plan, underReview: plan.decision === "approved" && pausedForReview(db, patientId, decidedAt, at) });
  const plans: PlanInForce[] = [strict && inForce(strict)];
  if (grace && grace.version !== strict?.version) plans.push(inForce(grace));
  return plans;
}
