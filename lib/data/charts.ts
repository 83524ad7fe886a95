import "server-only";
import { and, asc, eq, gte, lte, min, sql } from "drizzle-orm";
import { getDb, preparedOnce, type Reader } from "@/db";
import { homeSessions, planVersions, reactions } from "@/db/schema";
import { requirePatientAccess } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import type { ChartRange, PatientCharts } from "@/lib/charts/types";
import { splitAtPauses } from "@/lib/charts/pauses";
import { healingDays } from "@/lib/domain/healing";
import { limitPeriods } from "@/lib/domain/plan-periods";
import type { SymptomGrade } from "@/lib/domain/reactions";
import type { SessionFlag } from "@/lib/domain/session-flags";
import { recordPatientRead } from "./audit";
import { clinicTimeZone } from "./clock";
import { pausePeriods } from "./internal/holds";

const RANGE_DAYS: Record<Exclude<ChartRange, "all">, number> = { "30d": 30, "90d": 90, "365d": 365 };
const DAY_MS = 86_400_000;

// Every chart view runs these: each is built and prepared once per connection, with the patient and
// the range's bounds bound per call.
const patientIdValue = sql.placeholder("patientId");
const fromValue = sql.placeholder("from");
const toValue = sql.placeholder("to");

const firstSessionQuery = preparedOnce((db) =>
  db.select({ at: min(homeSessions.performedAt) }).from(homeSessions).where(eq(homeSessions.patientId, patientIdValue)).prepare(),
);
const firstReactionQuery = preparedOnce((db) =>
  db.select({ at: min(reactions.reportedAt) }).from(reactions).where(eq(reactions.patientId, patientIdValue)).prepare(),
);

/** Where "all" starts: the patient's first session or reaction (null: nothing reported yet). */
function firstReport(db: Reader, patientId: string): string | null {
  const session = firstSessionQuery(db).get({ patientId })?.at ?? null;
  const reaction = firstReactionQuery(db).get({ patientId })?.at ?? null;
  return [session, reaction].filter((v): v is string => v !== null).sort()[0] ?? null;
}

// Every report about the range's sessions, including reports made after the range ended.
const sessionReportsQuery = preparedOnce((db) =>
  db
    .select({ sessionId: reactions.sessionId, reportedAt: reactions.reportedAt, symptoms: reactions.symptoms })
    .from(reactions)
    .innerJoin(homeSessions, eq(homeSessions.id, reactions.sessionId))
    .where(and(eq(reactions.patientId, patientIdValue), gte(homeSessions.performedAt, fromValue), lte(homeSessions.performedAt, toValue)))
    .prepare(),
);

const sessionsQuery = preparedOnce((db) =>
  db
    .select({ id: homeSessions.id, performedAt: homeSessions.performedAt, area: homeSessions.area, needleMm: homeSessions.needleMm, flags: homeSessions.flags })
    .from(homeSessions)
    .where(and(eq(homeSessions.patientId, patientIdValue), gte(homeSessions.performedAt, fromValue), lte(homeSessions.performedAt, toValue)))
    .orderBy(asc(homeSessions.performedAt))
    .prepare(),
);

const reactionsQuery = preparedOnce((db) =>
  db
    .select({ id: reactions.id, reportedAt: reactions.reportedAt, sessionId: reactions.sessionId, symptoms: reactions.symptoms })
    .from(reactions)
    .where(and(eq(reactions.patientId, patientIdValue), gte(reactions.reportedAt, fromValue), lte(reactions.reportedAt, toValue)))
    .orderBy(asc(reactions.reportedAt))
    .prepare(),
);

const planVersionsQuery = preparedOnce((db) =>
  db
    .select({ decision: planVersions.decision, areas: planVersions.areas, reviewBy: planVersions.reviewBy, decidedAt: planVersions.decidedAt })
    .from(planVersions)
    .where(eq(planVersions.patientId, patientIdValue))
    .orderBy(asc(planVersions.version))
    .prepare(),
);

function healingRows(db: Reader, patientId: string, sessions: PatientCharts["sessions"]): PatientCharts["healing"] {
  if (sessions.length === 0) return [];
  const reports = sessionReportsQuery(db).all({ patientId, from: sessions[0]!.performedAt, to: sessions.at(-1)!.performedAt });
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
 * it, the approved limit per area as steps (none while paused), the pauses, and the healing time
 * after each session. The patient themself or staff of their clinic; anyone else gets 404.
 */
export function getPatientCharts(actor: Actor, patientId: string, range: ChartRange, now = new Date()): PatientCharts {
  const scope = requirePatientAccess(actor, patientId);
  const db = getDb();
  const to = now.toISOString();
  const from = range === "all" ? firstReport(db, scope.id) : new Date(now.getTime() - RANGE_DAYS[range] * DAY_MS).toISOString();
  const since = from ?? to;
  const bounds = { patientId: scope.id, from: since, to };
  const sessions = sessionsQuery(db).all(bounds).map((s) => ({ ...s, flags: s.flags as SessionFlag[] }));
  const reactionRows = reactionsQuery(db).all(bounds).map((r) => ({ ...r, symptoms: r.symptoms as SymptomGrade[] }));
  const versions = planVersionsQuery(db).all({ patientId: scope.id });
  // With nothing reported yet ("all"), the steps start at the first decision: so do the pauses.
  const pauses = pausePeriods(db, scope.id, from ?? versions[0]?.decidedAt ?? to, to);
  const planLimits = limitPeriods(versions, { from, to }, [...new Set(sessions.map((s) => s.area))], clinicTimeZone());
  recordPatientRead(actor, scope.id, "charts");
  return {
    range,
    from,
    to,
    sessions,
    reactions: reactionRows,
    limits: splitAtPauses(planLimits, pauses, to),
    healing: healingRows(db, scope.id, sessions),
    pauses,
  };
}
