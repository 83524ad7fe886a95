import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, desc, eq, lte, sql } from "drizzle-orm";
import { preparedOnce, type Reader } from "@/db";
import { planVersions } from "@/db/schema";
import type { PlanInForce } from "@/lib/domain/session-flags";

const planColumns = {
  version: planVersions.version,
  decision: planVersions.decision,
  areas: planVersions.areas,
  minIntervalDays: planVersions.minIntervalDays,
  reviewBy: planVersions.reviewBy,
  overriddenItems: planVersions.overriddenItems,
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

function latestDecidedBy(db: Reader, patientId: string, moment: string) {
  return latestDecidedByQuery(db).get({ patientId, moment });
}

type PlanRow = NonNullable<ReturnType<typeof latestDecidedBy>>;

/**
 * The plan versions a session at `at` is judged against: the one decided at or before it (null: none
 * yet) and, when a later one was decided within the same minute (patients report to the minute),
 * that one as well, so a decision seconds after the session cannot excuse it. The last of the list
 * is the version the session is recorded under.
 */
export type PlanJudgedBy = NonNullable<PlanInForce> & { overriddenItems: string[] };

/**
 * A pause (lib/data/internal/holds.ts) is judged apart from the plan: it stops every session whatever
 * the plan says, so a plan version here is only what the clinician decided.
 */
export function loadPlansInForce(db: Reader, patientId: string, at: string): (PlanJudgedBy | null)[] {
  const endOfMinute = new Date(Math.floor(Date.parse(at) / 60_000) * 60_000 + 59_999).toISOString();
  const strict = latestDecidedBy(db, patientId, at) ?? null;
  const grace = latestDecidedBy(db, patientId, endOfMinute) ?? null;
  const inForce = (plan: PlanRow): PlanJudgedBy => ({ ...plan, overriddenItems: plan.overriddenItems ?? [] });
  const plans: (PlanJudgedBy | null)[] = [strict && inForce(strict)];
  if (grace && grace.version !== strict?.version) plans.push(inForce(grace));
  return plans;
}
