import "server-only";
import { and, asc, eq, gte, lte, min } from "drizzle-orm";
import { getDb, type Reader } from "@/db";
import { homeSessions, planVersions, reactions } from "@/db/schema";
import { requirePatientAccess } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import type { ChartRange, PatientCharts } from "@/lib/charts/types";
import { healingDays } from "@/lib/domain/healing";
import { limitPeriods } from "@/lib/domain/plan-periods";
import type { SymptomGrade } from "@/lib/domain/reactions";
import type { SessionFlag } from "@/lib/domain/session-flags";
import { recordPatientRead } from "./audit";
import { clinicTimeZone } from "./clock";

const RANGE_DAYS: Record<Exclude<ChartRange, "all">, number> = { "30d": 30, "90d": 90, "365d": 365 };
const DAY_MS = 86_400_000;

/** Where "all" starts: the patient's first session or reaction (null: nothing reported yet). */
function firstReport(db: Reader, patientId: string): string | null {
  const session = db.select({ at: min(homeSessions.performedAt) }).from(homeSessions).where(eq(homeSessions.patientId, patientId)).get()?.at ?? null;
  const reaction = db.select({ at: min(reactions.reportedAt) }).from(reactions).where(eq(reactions.patientId, patientId)).get()?.at ?? null;
  return [session, reaction].filter((v): v is string => v !== null).sort()[0] ?? null;
}

function healingRows(db: Reader, patientId: string, sessions: PatientCharts["sessions"]): PatientCharts["healing"] {
  if (sessions.length === 0) return [];
  // Every report about the range's sessions, including reports made after the range ended.
  const reports = db
    .select({ sessionId: reactions.sessionId, reportedAt: reactions.reportedAt, symptoms: reactions.symptoms })
    .from(reactions)
    .innerJoin(homeSessions, eq(homeSessions.id, reactions.sessionId))
    .where(and(eq(reactions.patientId, patientId), gte(homeSessions.performedAt, sessions[0]!.performedAt), lte(homeSessions.performedAt, sessions.at(-1)!.performedAt)))
    .all();
  const bySession = new Map<string, typeof reports>();
  for (const report of reports) {
    const list = bySession.get(report.sessionId!) ?? [];
    list.push(report);
    bySession.set(report.sessionId!, list);
  }
  return sessions
    .filter((s) => bySession.has(s.id))
    .map((s) => ({
      sessionId: s.id,
      performedAt: s.performedAt,
      area: s.area,
      days: healingDays(
        s.performedAt,
        bySession.get(s.id)!.map((r) => ({ reportedAt: r.reportedAt, symptoms: r.symptoms as SymptomGrade[] })),
      ),
    }));
}

/**
 * A patient's course of treatment over a range, as chart-ready rows: the sessions and reactions in
 * it, the approved limit per area as steps, and the healing time after each session. The patient
 * themself or staff of their clinic; anyone else gets 404.
 */
export function getPatientCharts(actor: Actor, patientId: string, range: ChartRange, now = new Date()): PatientCharts {
  const scope = requirePatientAccess(actor, patientId);
  const db = getDb();
  const to = now.toISOString();
  const from = range === "all" ? firstReport(db, scope.id) : new Date(now.getTime() - RANGE_DAYS[range] * DAY_MS).toISOString();
  const since = from ?? to;
  const sessions = db
    .select({ id: homeSessions.id, performedAt: homeSessions.performedAt, area: homeSessions.area, needleMm: homeSessions.needleMm, flags: homeSessions.flags })
    .from(homeSessions)
    .where(and(eq(homeSessions.patientId, scope.id), gte(homeSessions.performedAt, since), lte(homeSessions.performedAt, to)))
    .orderBy(asc(homeSessions.performedAt))
    .all()
    .map((s) => ({ ...s, flags: s.flags as SessionFlag[] }));
  const reactionRows = db
    .select({ id: reactions.id, reportedAt: reactions.reportedAt, sessionId: reactions.sessionId, symptoms: reactions.symptoms })
    .from(reactions)
    .where(and(eq(reactions.patientId, scope.id), gte(reactions.reportedAt, since), lte(reactions.reportedAt, to)))
    .orderBy(asc(reactions.reportedAt))
    .all()
    .map((r) => ({ ...r, symptoms: r.symptoms as SymptomGrade[] }));
  const versions = db
    .select({ decision: planVersions.decision, areas: planVersions.areas, reviewBy: planVersions.reviewBy, decidedAt: planVersions.decidedAt })
    .from(planVersions)
    .where(eq(planVersions.patientId, scope.id))
    .orderBy(asc(planVersions.version))
    .all();
  recordPatientRead(actor, scope.id, "charts");
  return {
    range,
    from,
    to,
    sessions,
    reactions: reactionRows,
    limits: limitPeriods(versions, { from, to }, [...new Set(sessions.map((s) => s.area))], clinicTimeZone()),
    healing: healingRows(db, scope.id, sessions),
  };
}
