import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, asc, desc, eq, gt, gte, lte, sql } from "drizzle-orm";
import { inJsonList, preparedOnce, type Reader } from "@/db";
import { homeSessions, reactions } from "@/db/schema";
import { hasProlongedRedness, type SymptomGrade } from "@/lib/domain/reactions";
import type { AreaSession } from "@/lib/domain/session-flags";

const areaColumns = { id: homeSessions.id, performedAt: homeSessions.performedAt, needleMm: homeSessions.needleMm };

// Every session report and portal visit runs this; the ids are bound as one JSON list so it prepares once.
const reportsForSessionsQuery = preparedOnce((db) =>
  db
    .select({ sessionId: reactions.sessionId, reportedAt: reactions.reportedAt, symptoms: reactions.symptoms })
    .from(reactions)
    .where(inJsonList(reactions.sessionId, "sessionIds"))
    .prepare(),
);

/** Marks the sessions after which redness was still reported more than 48 hours later. */
function withRedness(db: Reader, sessions: AreaSession[]): AreaSession[] {
  const ids = sessions.map((s) => s.id!).filter(Boolean);
  if (ids.length === 0) return sessions;
  const reports = reportsForSessionsQuery(db).all({ sessionIds: JSON.stringify(ids) });
  return sessions.map((s) => ({
    ...s,
    prolongedRedness: reports.some((r) => r.sessionId === s.id && hasProlongedRedness({ reportedAt: r.reportedAt, symptoms: r.symptoms as SymptomGrade[] }, s.performedAt)),
  }));
}

/** The nearest sessions in the same area before (or at) and after a moment, as the spacing rules see them. */
export function neighboursInArea(db: Reader, patientId: string, area: string, at: string): { previous: AreaSession | null; next: AreaSession | null } {
  const previous = previousInAreaQuery(db).get({ patientId, area, at });
  const next = nextInAreaQuery(db).get({ patientId, area, at });
  return { previous: previous ? withRedness(db, [previous])[0]! : null, next: next ?? null };
}

// Run by every session report: prepared once per connection.
const inArea = and(eq(homeSessions.patientId, sql.placeholder("patientId")), eq(homeSessions.area, sql.placeholder("area")));
const previousInAreaQuery = preparedOnce((db) =>
  db.select(areaColumns).from(homeSessions).where(and(inArea, lte(homeSessions.performedAt, sql.placeholder("at")))).orderBy(desc(homeSessions.performedAt)).limit(1).prepare(),
);
const nextInAreaQuery = preparedOnce((db) =>
  db.select(areaColumns).from(homeSessions).where(and(inArea, gt(homeSessions.performedAt, sql.placeholder("at")))).orderBy(asc(homeSessions.performedAt)).limit(1).prepare(),
);

/** Spacing never reaches back further than this many sessions in one area. */
const RECENT_LIMIT = 20;

/** The sessions in an area since a moment (newest first, bounded), for the next allowed date. */
export function recentInArea(db: Reader, patientId: string, area: string, since: string): AreaSession[] {
  return withRedness(db, recentInAreaQuery(db).all({ patientId, area, since }));
}

// The portal runs this for each area of the plan: prepared once per connection.
const recentInAreaQuery = preparedOnce((db) =>
  db.select(areaColumns).from(homeSessions).where(and(inArea, gte(homeSessions.performedAt, sql.placeholder("since")))).orderBy(desc(homeSessions.performedAt)).limit(RECENT_LIMIT).prepare(),
);
