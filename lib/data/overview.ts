import "server-only";
import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { alerts, clinicDailySessions, clinicDailySymptoms, homeSessions, patients, reactions } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import type { ClinicOverview } from "@/lib/charts/types";
import { addDays, toIsoDate } from "@/lib/domain/dates";
import { healingDays, isRising } from "@/lib/domain/healing";
import type { SymptomGrade } from "@/lib/domain/reactions";
import { recordListRead } from "./audit-reads";
import { patientNames } from "./internal/patient-names";
import { countPatientsByPlanStatus, listPlansExpiringSoon } from "./patients";

const DAY_MS = 86_400_000;
export const OVERVIEW_WEEKS = 12;
export const OVERVIEW_SYMPTOM_DAYS = 90;
const ATTENTION_LIMIT = 50;
/** Patients with a reaction this recently are checked for a worsening course. */
const RECENT_REACTION_DAYS = 30;
const TREND_WINDOW_DAYS = 120;

/** Monday-start weeks (UTC), oldest first, ending with the current week. */
function recentWeeks(now: Date, weeks: number): string[] {
  const today = toIsoDate(now);
  const monday = addDays(today, -((now.getUTCDay() + 6) % 7));
  return Array.from({ length: weeks }, (_, i) => addDays(monday, -7 * (weeks - 1 - i)));
}

const weekOf = (column: unknown) => sql<string>`date(${column}, 'weekday 0', '-6 days')`;

export function getPlansByStatus(actor: Actor): ClinicOverview["plansByStatus"] {
  return countPatientsByPlanStatus(actor);
}

/** Alerts raised and resolved per week over the last 12 weeks. */
export function getAlertsPerWeek(actor: Actor, now = new Date()): ClinicOverview["alertsPerWeek"] {
  requireRole(actor, STAFF_ROLES);
  const weeks = recentWeeks(now, OVERVIEW_WEEKS);
  const db = getDb();
  const per = (column: typeof alerts.createdAt | typeof alerts.resolvedAt) =>
    new Map(
      db
        .select({ week: weekOf(column), n: sql<number>`count(*)` })
        .from(alerts)
        .where(and(eq(alerts.clinicId, actor.clinicId), gte(column, weeks[0]!)))
        .groupBy(weekOf(column))
        .all()
        .map((r) => [r.week, r.n]),
    );
  const raised = per(alerts.createdAt);
  const resolved = per(alerts.resolvedAt);
  return weeks.map((week) => ({ week, raised: raised.get(week) ?? 0, resolved: resolved.get(week) ?? 0 }));
}

/** How often each symptom was reported at each grade (1–3) over the last 90 days, from the daily rollup. */
export function getReactionsBySymptom(actor: Actor, now = new Date()): ClinicOverview["reactionsBySymptom"] {
  requireRole(actor, STAFF_ROLES);
  const since = toIsoDate(new Date(now.getTime() - OVERVIEW_SYMPTOM_DAYS * DAY_MS));
  const count = sql<number>`sum(${clinicDailySymptoms.reports})`;
  return getDb()
    .select({ symptom: clinicDailySymptoms.symptom, grade: clinicDailySymptoms.grade, count })
    .from(clinicDailySymptoms)
    .where(and(eq(clinicDailySymptoms.clinicId, actor.clinicId), gte(clinicDailySymptoms.day, since)))
    .groupBy(clinicDailySymptoms.symptom, clinicDailySymptoms.grade)
    .orderBy(clinicDailySymptoms.symptom, clinicDailySymptoms.grade)
    .all();
}

/** The share of each week's sessions that were flagged off-plan, over the last 12 weeks, from the daily rollup. */
export function getOffPlanShare(actor: Actor, now = new Date()): ClinicOverview["offPlanShare"] {
  requireRole(actor, STAFF_ROLES);
  const weeks = recentWeeks(now, OVERVIEW_WEEKS);
  const rows = getDb()
    .select({ week: weekOf(clinicDailySessions.day), total: sql<number>`sum(${clinicDailySessions.sessions})`, flagged: sql<number>`sum(${clinicDailySessions.flagged})` })
    .from(clinicDailySessions)
    .where(and(eq(clinicDailySessions.clinicId, actor.clinicId), gte(clinicDailySessions.day, weeks[0]!)))
    .groupBy(weekOf(clinicDailySessions.day))
    .all();
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return weeks.map((week) => {
    const row = byWeek.get(week);
    return { week, share: row && row.total > 0 ? Math.round((row.flagged / row.total) * 1000) / 1000 : 0 };
  });
}

/**
 * The worsening-course scan reads every recent reaction of up to 200 patients (tens of milliseconds at
 * two years of reports), yet its answer changes only when a reaction is reported or as days pass. It is
 * kept per clinic until a new reaction row exists (reactions are never updated or deleted) or the
 * ten-minute bucket turns; names are looked up fresh, so a renamed patient shows at once.
 */
const TREND_MEMO_MS = 10 * 60_000;
const MAX_MEMO_CLINICS = 100;
type Course = { patientId: string; reason: string };
const trendMemo = new Map<string, { key: string; courses: Course[] }>();

function memoizedCourses(actor: Actor, now: Date): ClinicOverview["needsAttention"] {
  const db = getDb();
  const lastReaction = db.select({ n: sql<number | null>`max(rowid)` }).from(reactions).get()?.n ?? 0;
  const key = `${lastReaction}:${Math.floor(now.getTime() / TREND_MEMO_MS)}`;
  let memo = trendMemo.get(actor.clinicId);
  if (memo?.key !== key) {
    memo = { key, courses: risingCourses(actor, now) };
    if (trendMemo.size >= MAX_MEMO_CLINICS) trendMemo.clear();
    trendMemo.set(actor.clinicId, memo);
  }
  if (memo.courses.length === 0) return [];
  const names = patientNames(db, actor.clinicId, memo.courses.map((c) => c.patientId));
  return memo.courses.flatMap((c) => (names.has(c.patientId) ? [{ ...c, name: names.get(c.patientId)! }] : []));
}

type TrendRow = { patientId: string; sessionId: string; performedAt: string; reportedAt: string; symptoms: unknown; maxGrade: number };

/** Patients whose worst grade or healing time got worse over their last sessions with reactions. */
function risingCourses(actor: Actor, now: Date): Course[] {
  const db = getDb();
  const recent = new Date(now.getTime() - RECENT_REACTION_DAYS * DAY_MS).toISOString();
  // The month's reports through reactions_reported_idx, then their patients' clinic. Pinned (INDEXED BY,
  // CROSS JOIN): left to itself SQLite walks every patient's history to get DISTINCT for free.
  const candidates = db
    .selectDistinct({ id: sql<string>`${reactions.patientId}` })
    .from(sql`${reactions} indexed by reactions_reported_idx cross join ${patients}`)
    .where(and(gte(reactions.reportedAt, recent), eq(patients.id, reactions.patientId), eq(patients.clinicId, actor.clinicId)))
    .limit(ATTENTION_LIMIT * 4)
    .all()
    .map((r) => r.id);
  if (candidates.length === 0) return [];
  const trendStart = new Date(now.getTime() - TREND_WINDOW_DAYS * DAY_MS).toISOString();
  const rows: TrendRow[] = db
    .select({ patientId: reactions.patientId, sessionId: homeSessions.id, performedAt: homeSessions.performedAt, reportedAt: reactions.reportedAt, symptoms: reactions.symptoms, maxGrade: reactions.maxGrade })
    .from(reactions)
    .innerJoin(homeSessions, eq(homeSessions.id, reactions.sessionId))
    .where(
      and(
        inArray(reactions.patientId, candidates),
        // A reaction is reported after its session, so the window bounds both: the index range stays short.
        gte(reactions.reportedAt, trendStart),
        gte(homeSessions.performedAt, trendStart),
      ),
    )
    .orderBy(homeSessions.performedAt)
    .all();
  // Rows come oldest session first, so each patient's sessions keep their order in the map.
  const byPatient = new Map<string, Map<string, TrendRow[]>>();
  for (const row of rows) {
    const sessions = byPatient.get(row.patientId) ?? new Map<string, TrendRow[]>();
    const reports = sessions.get(row.sessionId) ?? [];
    reports.push(row);
    sessions.set(row.sessionId, reports);
    byPatient.set(row.patientId, sessions);
  }
  const found: Course[] = [];
  for (const [id, bySession] of byPatient) {
    const sessions = [...bySession.values()];
    if (sessions.length < 2) continue;
    const worst = sessions.map((reports) => Math.max(...reports.map((r) => r.maxGrade)));
    // Still healing counts as its age so far: a lower bound of its healing time.
    const healing = sessions.map((reports) => {
      const performedAt = reports[0]!.performedAt;
      const days = healingDays(performedAt, reports.map((r) => ({ reportedAt: r.reportedAt, symptoms: r.symptoms as SymptomGrade[] })));
      return days ?? Math.round(((now.getTime() - Date.parse(performedAt)) / DAY_MS) * 10) / 10;
    });
    const tail = (values: number[]) => values.slice(-3).join(" → ");
    if (isRising(worst)) found.push({ patientId: id, reason: `Worst grade rising over the last sessions: ${tail(worst)}` });
    else if (isRising(healing)) found.push({ patientId: id, reason: `Healing slower over the last sessions: ${tail(healing)} days` });
  }
  return found;
}

/** Open high alerts, worsening courses and plans expiring within 14 days: one line per patient and reason. */
export function getNeedsAttention(actor: Actor, now = new Date()): ClinicOverview["needsAttention"] {
  requireRole(actor, STAFF_ROLES);
  const high = getDb()
    .select({ patientId: patients.id, name: patients.name, n: sql<number>`count(*)` })
    .from(alerts)
    .innerJoin(patients, eq(patients.id, alerts.patientId))
    .where(and(eq(alerts.clinicId, actor.clinicId), eq(alerts.status, "open"), eq(alerts.severity, "high")))
    .groupBy(patients.id)
    .orderBy(desc(sql`max(${alerts.createdAt})`))
    .limit(ATTENTION_LIMIT)
    .all()
    .map((r) => ({ patientId: r.patientId, name: r.name, reason: r.n === 1 ? "Open high alert" : `${r.n} open high alerts` }));
  const expiring = listPlansExpiringSoon(actor, 14, ATTENTION_LIMIT).map((p) => ({ patientId: p.patientId, name: p.name, reason: `Plan expires on ${p.reviewBy}` }));
  const found = [...high, ...memoizedCourses(actor, now), ...expiring].slice(0, ATTENTION_LIMIT);
  // The only part of the overview that names patients; the counts and charts beside it do not.
  recordListRead(actor, "overview.read", { list: "needs_attention" }, { rows: found.length });
  return found;
}

export function getClinicOverview(actor: Actor, now = new Date()): ClinicOverview {
  return {
    plansByStatus: getPlansByStatus(actor),
    alertsPerWeek: getAlertsPerWeek(actor, now),
    reactionsBySymptom: getReactionsBySymptom(actor, now),
    offPlanShare: getOffPlanShare(actor, now),
    needsAttention: getNeedsAttention(actor, now),
  };
}
