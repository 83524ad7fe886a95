import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, asc, between, desc, eq, lte, sql } from "drizzle-orm";
import { inJsonList, preparedOnce, type Reader } from "@/db";
import { homeSessions, reactions } from "@/db/schema";
import { hasProlongedRedness, type SymptomGrade } from "@/lib/domain/reactions";
import type { AreaSession, SessionContext } from "@/lib/domain/session-flags";

const DAY_MS = 86_400_000;

/**
 * At most this many sessions on each side of a moment: a guard against runaway data, not a clinical
 * limit. They come nearest first, so a session is missed only behind 50 nearer ones in one window,
 * and spacing is at least a clinic day, so such a run is flagged many times over already.
 */
const WINDOW_LIMIT = 50;

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

// Run by every session report and, for each area of the plan, every portal visit: prepared once per
// connection, each a range search on home_sessions_patient_area_time_idx in the order it serves.
// Written with BETWEEN: without statistics SQLite answers `>= ? and <= ?` ordered by time from the
// patient's index over every area instead (spacing-window.test.ts holds the plan).
const inArea = and(eq(homeSessions.patientId, sql.placeholder("patientId")), eq(homeSessions.area, sql.placeholder("area")));
const beforeInWindowQuery = preparedOnce((db) =>
  db
    .select(areaColumns)
    .from(homeSessions)
    .where(and(inArea, between(homeSessions.performedAt, sql.placeholder("since"), sql.placeholder("at"))))
    .orderBy(desc(homeSessions.performedAt))
    .limit(WINDOW_LIMIT)
    .prepare(),
);
const afterInWindowQuery = preparedOnce((db) =>
  db
    .select(areaColumns)
    .from(homeSessions)
    .where(and(inArea, between(homeSessions.performedAt, sql.placeholder("at"), sql.placeholder("until"))))
    .orderBy(asc(homeSessions.performedAt))
    .limit(WINDOW_LIMIT)
    .prepare(),
);
// The patch test is due before the first session in an area ever, so this looks past the window.
const anyBeforeQuery = preparedOnce((db) =>
  db.select({ id: homeSessions.id }).from(homeSessions).where(and(inArea, lte(homeSessions.performedAt, sql.placeholder("at")))).limit(1).prepare(),
);

/** `days` clinic days either side of a moment, as instants: one more day covers any part-day and zone offset. */
const shifted = (at: string, days: number) => new Date(Date.parse(at) + days * DAY_MS).toISOString();

/**
 * The sessions in the same area within `windowDays` (spacingWindowDays) either side of a moment, as
 * evaluateSession takes them: the earlier ones (at or before it) with their lasting redness, the later
 * ones, and whether any earlier session exists at all. Nearest first on each side.
 */
export function neighboursInArea(db: Reader, patientId: string, area: string, at: string, windowDays: number): Pick<SessionContext, "before" | "after" | "firstInArea"> {
  const reach = windowDays + 1;
  const before = withRedness(db, beforeInWindowQuery(db).all({ patientId, area, since: shifted(at, -reach), at }));
  // A session at the very moment is an earlier one (as the patch test sees it), never a later one too.
  const after = afterInWindowQuery(db).all({ patientId, area, at, until: shifted(at, reach) }).filter((s) => s.performedAt !== at);
  const firstInArea = before.length === 0 && anyBeforeQuery(db).get({ patientId, area, at }) === undefined;
  return { before, after, firstInArea };
}

/** The sessions in an area since a moment (newest first, bounded), with their redness, for the next allowed date. */
export function recentInArea(db: Reader, patientId: string, area: string, since: string): AreaSession[] {
  // A session is never later than the end of the calendar ISO strings can write.
  return withRedness(db, beforeInWindowQuery(db).all({ patientId, area, since, at: "9999-12-31T23:59:59.999Z" }));
}
