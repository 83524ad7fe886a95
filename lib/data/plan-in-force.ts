import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import type { getDb } from "@/db";
import { planVersions } from "@/db/schema";
import type { PlanInForce } from "@/lib/domain/session-flags";

type Reader = Pick<ReturnType<typeof getDb>, "select">;

/**
 * The plan version that was in force at a moment: the latest decided at or before it. Patients
 * report times to the minute, so a plan decided within the same minute counts as in force.
 */
export function loadPlanInForce(db: Reader, patientId: string, at: string): PlanInForce {
  const endOfMinute = new Date(Math.floor(Date.parse(at) / 60_000) * 60_000 + 59_999).toISOString();
  return (
    db
      .select({
        version: planVersions.version,
        decision: planVersions.decision,
        areas: planVersions.areas,
        minIntervalDays: planVersions.minIntervalDays,
        reviewBy: planVersions.reviewBy,
      })
      .from(planVersions)
      .where(and(eq(planVersions.patientId, patientId), lte(planVersions.decidedAt, endOfMinute)))
      .orderBy(desc(planVersions.version))
      .limit(1)
      .get() ?? null
  );
}
