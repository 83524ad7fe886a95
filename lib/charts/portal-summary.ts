import type { PatientCharts } from "@/lib/charts/types";
import { dateInZone, daysBetween } from "@/lib/domain/dates";
import { SYMPTOMS } from "@/lib/domain/reactions";
import { shortSymptomLabel } from "./labels";

type Course = Pick<PatientCharts, "to" | "sessions" | "reactions" | "healing">;
type Healing = PatientCharts["healing"][number];

/** Past this, "still settling" would guess: we only know the patient has not reported it settled. */
const RECENT_DAYS = 7;

/**
 * One calm, plain-words sentence about how the patient's skin recovers after their sessions, e.g.
 * "Redness has settled within 2 days after each of your last 4 sessions." It claims only what the
 * reports show: a symptom left out of a later report is not "settled" (see healingDays).
 */
export function describeRecovery(course: Course, period = "the last 90 days", timeZone = "UTC"): string {
  const { sessions, reactions, healing } = course;
  if (sessions.length === 0) {
    return reactions.length === 0
      ? `You have not logged any sessions or reactions in ${period}.`
      : `You have not logged any sessions in ${period}; the chart shows the reactions you reported.`;
  }
  const newestFirst = [...healing].sort((a, b) => b.performedAt.localeCompare(a.performedAt));
  const latest = newestFirst[0];
  if (!latest) return `You logged ${count(sessions.length, "session")} in ${period} and reported no reactions after them.`;

  const unsettled = latest.days === null ? latest : null;
  const run = takeSettled(newestFirst.slice(unsettled ? 1 : 0));
  const settled = run.length > 0 ? settledClause(course, run, unsettled) : null;
  if (!unsettled) return `${settled}.`;

  const still = stillHealingClause(course, unsettled, timeZone);
  return settled ? `${still}; before that, ${lowerFirst(settled)}.` : `${still}. Keep reporting how it feels, and contact your clinic if it gets worse.`;
}

function takeSettled(rows: Healing[]): Healing[] {
  const end = rows.findIndex((r) => r.days === null);
  return end === -1 ? rows : rows.slice(0, end);
}

function settledClause(course: Course, run: Healing[], stillHealing: Healing | null): string {
  const { subject, plural } = subjectOf(course, new Set(run.map((r) => r.sessionId)));
  const slowest = Math.ceil(Math.max(...run.map((r) => r.days ?? 0)));
  const within = slowest <= 0 ? "on the same day" : slowest === 1 ? "within a day" : `within ${slowest} days`;
  return `${subject} ${plural ? "have" : "has"} settled ${within} after ${whichSessions(course, run, stillHealing)}`;
}

/** "each of your last 4 sessions" only when no session between them went without a report. */
function whichSessions(course: Course, run: Healing[], stillHealing: Healing | null): string {
  const n = run.length;
  const oldest = run.at(-1)!.performedAt;
  const end = stillHealing?.performedAt ?? null;
  const since = course.sessions.filter((s) => s.performedAt >= oldest && (end === null || s.performedAt < end));
  if (since.length === n) {
    if (stillHealing) return n === 1 ? "the session before it" : `each of the ${n} sessions before it`;
    return n === 1 ? "your last session" : `each of your last ${n} sessions`;
  }
  return n === 1 ? "the last session you reported a reaction for" : `each of the last ${n} sessions you reported a reaction for`;
}

/** "Today" and "yesterday" are clinic days, so a session at 23:30 is yesterday at 08:00. */
function stillHealingClause(course: Course, row: Healing, timeZone: string): string {
  const ago = Math.max(0, daysBetween(dateInZone(row.performedAt, timeZone), dateInZone(course.to, timeZone)));
  const when = ago === 0 ? "today" : ago === 1 ? "yesterday" : `${ago} days ago`;
  if (ago > RECENT_DAYS) return `You have not yet reported that your skin settled after your session ${when}`;
  const { subject, plural } = subjectOf(course, new Set([row.sessionId]), true);
  return `${subject} ${plural ? "are" : "is"} still settling after your session ${when}`;
}

/** The symptoms reported most often after these sessions, named in the patient's words. */
function subjectOf(course: Course, sessionIds: Set<string>, latestOnly = false): { subject: string; plural: boolean } {
  const linked = course.reactions.filter((r) => r.sessionId !== null && sessionIds.has(r.sessionId));
  const reports = latestOnly ? linked.slice(-1) : linked;
  const counts = new Map<string, number>();
  for (const r of reports) for (const s of r.symptoms) if (s.grade > 0) counts.set(s.symptom, (counts.get(s.symptom) ?? 0) + 1);
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
