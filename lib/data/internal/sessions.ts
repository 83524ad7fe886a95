import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, desc, eq } from "drizzle-orm";
import type { Reader } from "@/db";
import { homeSessions } from "@/db/schema";
import { AREAS } from "@/lib/domain/clinical";
import type { AreaSession } from "@/lib/domain/session-flags";

/** The latest session in each area, for the portal's next allowed dates and the form's warnings. */
export function lastSessionByArea(db: Reader, patientId: string): Record<string, AreaSession> {
  const latest = AREAS.map((area) =>
    db
      .select({ id: homeSessions.id, area: homeSessions.area, performedAt: homeSessions.performedAt, needleMm: homeSessions.needleMm })
      .from(homeSessions)
      .where(and(eq(homeSessions.patientId, patientId), eq(homeSessions.area, area)))
      .orderBy(desc(homeSessions.performedAt))
      .limit(1)
      .get(),
  );
  return Object.fromEntries(latest.filter((row) => row !== undefined).map(({ area, ...session }) => [area, session]));
}
