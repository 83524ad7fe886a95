import type { PatientCharts } from "@/lib/charts/types";
import { dateInZone, daysBetween } from "@/lib/domain/dates";
import { SYMPTOMS } from "@/lib/domain/reactions";
import { areaLabel, shortSymptomLabel } from "./labels";
import { describeWarnings, isWarningSign } from "./portal-warnings";

type Course = Pick<PatientCharts, "to" | "sessions" | "reactions" | "healing">;
type Healing = PatientCharts["healing"][number];

/** Past this, "still settling" would guess: we only know the patient has not reported it settled. */
const RECENT_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Plain-words sentences about how the patient's skin recovers after their sessions, e.g.
 * "Redness has settled within 2 days after each of your last 4 sessions." It claims only what the
 * reports show: a symptom left out of a later report is not "settled" (see healingDays). Warning signs
 * are never "settling": they come first, with what to do (portal-warnings.ts). Every report in the
 * range counts, not only the latest session's: each session still healing is named.
 */
export function describeRecovery(course: Course, period = "the last 90 days", timeZone = "UTC"): string {
  const warnings = describeWarnings(course.reactions, timeZone);
  const recovery = describeHealing(course, period, timeZone);
  return [warnings, recovery].filter(Boolean).join(" ");
}

function describeHealing(course: Course, period: string, timeZone: string): string | null {
  const { sessions, reactions, healing } = course;
  if (sessions.length === 0) {
    return reactions.length === 0
      ? `You have not logged any sessions or reactions in ${period}.`
      : `You have not logged any sessions in ${period}; the chart shows the reactions you reported.`;
  }
  const newestFirst = [...healing].sort((a, b) => b.performedAt.localeCompare(a.performedAt));
  const latest = newestFirst[0];
  if (!latest) {
    return reactions.length === 0
      ? `You logged ${count(sessions.length, "session")} in ${period} and reported no reactions after them.`
      : `You logged ${count(sessions.length, "session")} in ${period}; the chart shows the reactions you reported.`;
  }

  const unsettled = latest.days === null ? latest : null;
  const run = takeSettled(newestFirst.slice(unsettled ? 1 : 0));
  // Older sessions still healing, whichever report last named them: none is left out.
  const older = newestFirst.slice(unsettled ? 1 + run.length : run.length).filter((r) => r.days === null);
  const recent = older.filter((r) => reportedRecently(course, r));
  const olderClauses = recent.map((r) => stillHealingClause(course, r, timeZone, true)).filter((c): c is string => c !== null);
  const quiet = older.length - recent.length;
  if (quiet > 0) olderClauses.push(`You have not yet reported that your skin settled after ${count(quiet, "earlier session")}`);
  const also = olderClauses.map((c) => ` ${c}.`).join("");
  const still = unsettled && stillHealingClause(course, unsettled, timeZone, olderClauses.length > 0);
  const settled = run.length > 0 ? settledClause(course, run, unsettled, still !== null) : null;
  if (!unsettled) return `${settled}.${also}`;
  // The latest session shows only warning signs, named above: nothing about it is "settling".
  if (still === null) return settled || also ? `${settled ? `${settled}.` : ""}${also}`.trim() : null;
  return settled
    ? `${still}; before that, ${lowerFirst(settled)}.${also}`
    : `${still}.${also} Keep reporting how it feels, and contact your clinic if it gets worse.`;
}

function takeSettled(rows: Healing[]): Healing[] {
  const end = rows.findIndex((r) => r.days === null);
  return end === -1 ? rows : rows.slice(0, end);
}

function settledClause(course: Course, run: Healing[], stillHealing: Healing | null, stillNamed: boolean): string {
  const { subject, plural } = subjectOf(course, new Set(run.map((r) => r.sessionId)))!;
  const slowest = Math.ceil(Math.max(...run.map((r) => r.days ?? 0)));
  const within = slowest <= 0 ? "on the same day" : slowest === 1 ? "within a day" : `within ${slowest} days`;
  return `${subject} ${plural ? "have" : "has"} settled ${within} after ${whichSessions(course, run, stillHealing, stillNamed)}`;
}

/** "each of your last 4 sessions" only when no session between them went without a report. */
function whichSessions(course: Course, run: Healing[], stillHealing: Healing | null, stillNamed: boolean): string {
  const n = run.length;
  const oldest = run.at(-1)!.performedAt;
  const end = stillHealing?.performedAt ?? null;
  const since = course.sessions.filter((s) => s.performedAt >= oldest && (end === null || s.performedAt < end));
  if (since.length === n) {
    const it = stillNamed ? "it" : "your latest one";
    if (stillHealing) return n === 1 ? `the session before ${it}` : `each of the ${n} sessions before ${it}`;
    return n === 1 ? "your last session" : `each of your last ${n} sessions`;
  }
  return n === 1 ? "the last session you reported a reaction for" : `each of the last ${n} sessions you reported a reaction for`;
}

/**
 * "Today" and "yesterday" are clinic days, so a session at 23:30 is yesterday by 08:00. Null when the
 * session's latest report shows only warning signs (named first, never "settling"). The area is named
 * when more than one session is still healing.
 */
function stillHealingClause(course: Course, row: Healing, timeZone: string, withArea: boolean): string | null {
  const subject = subjectOf(course, new Set([row.sessionId]), true);
  if (subject === null) return null;
  const ago = Math.max(0, daysBetween(dateInZone(row.performedAt, timeZone), dateInZone(course.to, timeZone)));
  const when = ago === 0 ? "today" : ago === 1 ? "yesterday" : `${ago} days ago`;
  const session = withArea ? `${areaLabel(row.area).toLowerCase()} session` : "session";
  if (!reportedRecently(course, row)) return `You have not yet reported that your skin settled after your ${session} ${when}`;
  return `${subject.subject} ${subject.plural ? "are" : "is"} still settling after your ${session} ${when}`;
}

/** Whether the session's latest report is recent enough to say its symptoms are "still" there. */
function reportedRecently(course: Course, row: Healing): boolean {
  const last = course.reactions.filter((r) => r.sessionId === row.sessionId).at(-1)?.reportedAt ?? row.performedAt;
  return (Date.parse(course.to) - Date.parse(last)) / DAY_MS <= RECENT_DAYS;
}

/**
 * The symptoms reported most often after these sessions, named in the patient's words. For a session
 * still healing (`latestOnly`), its latest report without its warning signs; null when warning signs
 * are all that report shows.
 */
function subjectOf(course: Course, sessionIds: Set<string>, latestOnly = false): { subject: string; plural: boolean } | null {
  const linked = course.reactions.filter((r) => r.sessionId !== null && sessionIds.has(r.sessionId));
  const reports = latestOnly ? linked.slice(-1) : linked;
  const counts = new Map<string, number>();
  let warningsOnly = latestOnly && reports.length > 0;
  for (const r of reports) {
    for (const s of r.symptoms) {
      if (s.grade === 0) continue;
      if (latestOnly && isWarningSign(s)) continue;
      warningsOnly = false;
      counts.set(s.symptom, (counts.get(s.symptom) ?? 0) + 1);
    }
  }
  if (warningsOnly && reports.some((r) => r.symptoms.some(isWarningSign))) return null;
  const order = (code: string) => SYMPTOMS.findIndex((s) => s.code === code);
  const top = [...counts].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0])).map(([code]) => shortSymptomLabel(code));
  if (top.length === 0) return { subject: "Your skin", plural: false };
  if (top.length === 1) return { subject: top[0]!, plural: false };
  if (top.length === 2) return { subject: `${top[0]} and ${lowerFirst(top[1]!)}`, plural: true };
  return { subject: "Your reactions", plural: true };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
