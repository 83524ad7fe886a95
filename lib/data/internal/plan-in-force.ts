import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, desc, eq, gt, lte, sql } from "drizzle-orm";
import { preparedOnce, type Reader } from "@/db";
import { alerts, planVersions } from "@/db/schema";
import type { PlanInForce } from "@/lib/domain/session-flags";

const planColumns = {
  version: planVersions.version,
  decision: planVersions.decision,
  areas: planVersions.areas,
  minIntervalDays: planVersions.minIntervalDays,
  reviewBy: planVersions.reviewBy,
  decidedAt: planVersions.decidedAt,
};

// Every session report runs these: prepared once per connection.
const latestDecidedByQuery = preparedOnce((db) =>
  db
    .select(planColumns)
    .from(planVersions)
    .where(and(eq(planVersions.patientId, sql.placeholder("patientId")), lte(planVersions.decidedAt, sql.placeholder("moment"))))
    .orderBy(desc(planVersions.version))
    .limit(1)
    .prepare(),
);

const pausedForReviewQuery = preparedOnce((db) =>
  db
    .select({ id: alerts.id })
    .from(alerts)
    .where(
      and(
        eq(alerts.patientId, sql.placeholder("patientId")),
        eq(alerts.kind, "new_contraindication"),
        gt(alerts.createdAt, sql.placeholder("decidedAt")),
        lte(alerts.createdAt, sql.placeholder("at")),
      ),
    )
    .limit(1)
    .prepare(),
);

function latestDecidedBy(db: Reader, patientId: string, moment: string) {
  return latestDecidedByQuery(db).get({ patientId, moment });
}

/**
 * Whether a blocking contraindication was screened after this decision and before `at`: the patient
 * has been told to pause until a clinician decides again.
 */
export function pausedForReview(db: Reader, patientId: string, decidedAt: string, at: string): boolean {
  return pausedForReviewQuery(db).get({ patientId, decidedAt, at }) !== undefined;
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
