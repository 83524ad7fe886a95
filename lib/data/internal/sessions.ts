import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, desc, eq, sql } from "drizzle-orm";
import { preparedOnce, type Reader } from "@/db";
import { homeSessions } from "@/db/schema";
import { AREAS } from "@/lib/domain/clinical";
import type { AreaSession } from "@/lib/domain/session-flags";

// Every portal visit runs this once per area: prepared once per connection.
const lastInAreaQuery = preparedOnce((db) =>
  db
    .select({ id: homeSessions.id, area: homeSessions.area, performedAt: homeSessions.performedAt, needleMm: homeSessions.needleMm })
    .from(homeSessions)
    .where(and(eq(homeSessions.patientId, sql.placeholder("patientId")), eq(homeSessions.area, sql.placeholder("area"))))
    .orderBy(desc(homeSessions.performedAt))
    .limit(1)
    .prepare(),
);

/** The latest session in each area, for the portal's next allowed dates and the form's warnings. */
export function lastSessionByArea(db: Reader, patientId: string): Record<string, AreaSession> {
  const latest = AREAS.map((area) => lastInAreaQuery(db).get({ patientId, area }));
  return Object.fromEntries(latest.filter((row) => row !== undefined).map(({ area, ...session }) => [area, session]));
}
