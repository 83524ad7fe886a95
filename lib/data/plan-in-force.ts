import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import type { getDb } from "@/db";
import { planVersions } from "@/db/schema";
import type { PlanInForce } from "@/lib/domain/session-flags";

type Reader = Pick<ReturnType<typeof getDb>, "select">;

/** The plan version that was in force at a moment: the latest decided at or before it. */
export function loadPlanInForce(db: Reader, patientId: string, at: string): PlanInForce {
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
      .where(and(eq(planVersions.patientId, patientId), lte(planVersions.decidedAt, at)))
      .orderBy(desc(planVersions.version))
      .limit(1)
      .get() ?? null
  );
}
