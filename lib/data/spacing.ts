import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lte } from "drizzle-orm";
import type { getDb } from "@/db";
import { homeSessions, reactions } from "@/db/schema";
import { hasProlongedRedness, type SymptomGrade } from "@/lib/domain/reactions";
import type { AreaSession } from "@/lib/domain/session-flags";

type Reader = Pick<ReturnType<typeof getDb>, "select">;

const areaColumns = { id: homeSessions.id, performedAt: homeSessions.performedAt, needleMm: homeSessions.needleMm };

/** Marks the sessions after which redness was still reported more than 48 hours later. */
function withRedness(db: Reader, sessions: AreaSession[]): AreaSession[] {
  const ids = sessions.map((s) => s.id!).filter(Boolean);
  if (ids.length === 0) return sessions;
  const reports = db
    .select({ sessionId: reactions.sessionId, reportedAt: reactions.reportedAt, symptoms: reactions.symptoms })
    .from(reactions)
    .where(inArray(reactions.sessionId, ids))
    .all();
  return sessions.map((s) => ({
    ...s,
    prolongedRedness: reports.some((r) => r.sessionId === s.id && hasProlongedRedness({ reportedAt: r.reportedAt, symptoms: r.symptoms as SymptomGrade[] }, s.performedAt)),
  }));
}

/** The nearest sessions in the same area before (or at) and after a moment, as the spacing rules see them. */
export function neighboursInArea(db: Reader, patientId: string, area: string, at: string): { previous: AreaSession | null; next: AreaSession | null } {
  const inArea = and(eq(homeSessions.patientId, patientId), eq(homeSessions.area, area));
  const previous = db.select(areaColumns).from(homeSessions).where(and(inArea, lte(homeSessions.performedAt, at))).orderBy(desc(homeSessions.performedAt)).limit(1).get();
  const next = db.select(areaColumns).from(homeSessions).where(and(inArea, gt(homeSessions.performedAt, at))).orderBy(asc(homeSessions.performedAt)).limit(1).get();
  return { previous: previous ? withRedness(db, [previous])[0]! : null, next: next ?? null };
}

/** Spacing never reaches back further than this many sessions in one area. */
const RECENT_LIMIT = 20;

/** The sessions in an area since a moment (newest first, bounded), for the next allowed date. */
export function recentInArea(db: Reader, patientId: string, area: string, since: string): AreaSession[] {
  const rows = db
    .select(areaColumns)
    .from(homeSessions)
    .where(and(eq(homeSessions.patientId, patientId), eq(homeSessions.area, area), gte(homeSessions.performedAt, since)))
    .orderBy(desc(homeSessions.performedAt))
    .limit(RECENT_LIMIT)
    .all();
  return withRedness(db, rows);
}
