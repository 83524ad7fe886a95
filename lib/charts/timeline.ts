import { SYMPTOM_CODES } from "@/lib/domain/reactions";
import type { PatientCharts } from "./types";

export const DAY_MS = 86_400_000;

export type ChartSession = PatientCharts["sessions"][number];
export type ChartReaction = PatientCharts["reactions"][number];

/** Any flag means the session broke the plan in some way (the session list shows which). */
export const isOffPlan = (session: { flags: readonly string[] }) => session.flags.length > 0;

/**
 * The time axis in epoch ms: the range's own bounds, so an empty stretch shows as empty rather than
 * the axis shrinking to the data. "all" starts at the first record; a lone record gets a day either side.
 */
export function timeDomain(charts: Pick<PatientCharts, "from" | "to" | "sessions" | "reactions">): [number, number] {
  const to = Date.parse(charts.to);
  const firstRecord = Math.min(
    ...charts.sessions.map((s) => Date.parse(s.performedAt)),
    ...charts.reactions.map((r) => Date.parse(r.reportedAt)),
  );
  const from = charts.from ? Date.parse(charts.from) : Number.isFinite(firstRecord) ? firstRecord : to - DAY_MS;
  return from < to ? [from, to] : [to - DAY_MS, to + DAY_MS];
}

/** Where session markers sit on the grade axis: a lane below "none", so they never hide a grade point. */
export const SESSION_LANE = -0.6;

/**
 * One row per moment on the shared time axis. Recharts' keyboard layer steps through rows, so sessions
 * and reactions share one array: a session row carries the marker, a reaction row the grades it reported.
 */
export type TimelineRow = {
  t: number;
  session?: ChartSession;
  marker?: number;
  reaction?: ChartReaction;
  grades: Partial<Record<string, number>>;
};

export function timelineRows(charts: Pick<PatientCharts, "sessions" | "reactions">): TimelineRow[] {
  const rows: TimelineRow[] = [
    ...charts.sessions.map((session) => ({ t: Date.parse(session.performedAt), session, marker: SESSION_LANE, grades: {} })),
    ...charts.reactions.map((reaction) => ({
      t: Date.parse(reaction.reportedAt),
      reaction,
      grades: Object.fromEntries(reaction.symptoms.map((s) => [s.symptom, s.grade])),
    })),
  ];
  // Stable on ties: a reaction reported in the same instant as a session follows it.
  return rows.sort((a, b) => a.t - b.t);
}

/**
 * The symptoms that occurred (graded 1 or more at least once), in the app's symptom order so a legend
 * reads the same on every patient. A symptom only ever reported as "none" has no series.
 */
export function occurredSymptoms(reactions: readonly ChartReaction[]): string[] {
  const seen = new Set(reactions.flatMap((r) => r.symptoms.filter((s) => s.grade > 0).map((s) => s.symptom as string)));
  return SYMPTOM_CODES.filter((code) => seen.has(code));
}

/**
 * A symptom's grade on a row, or null where the row says nothing about it. Lines break at nulls, so one
 * follow-up episode is one segment and a gap between reports is never drawn as a lasting grade.
 */
export function gradeOn(row: TimelineRow, symptom: string): number | null {
  return row.grades[symptom] ?? null;
}

/** How far apart symptoms of one report that share a grade are drawn (in grades): visibly apart, never a whole grade. */
const NUDGE = 0.12;

/**
 * The y value a symptom's point is drawn at: its grade, nudged when other symptoms of the same report
 * share that grade so no dot hides another. Tooltips and tables always give the exact grade.
 */
export function plottedGrade(row: TimelineRow, symptom: string): number | null {
  const grade = gradeOn(row, symptom);
  if (grade === null) return null;
  const order = (code: string) => SYMPTOM_CODES.indexOf(code as (typeof SYMPTOM_CODES)[number]);
  const same = Object.keys(row.grades)
    .filter((code) => row.grades[code] === grade)
    .sort((a, b) => order(a) - order(b));
  if (same.length < 2) return grade;
  return grade + (same.indexOf(symptom) - (same.length - 1) / 2) * NUDGE;
}

/** The worst grade of one reaction (0 when it reported none). */
export function worstGrade(reaction: ChartReaction): number {
  return Math.max(0, ...reaction.symptoms.map((s) => s.grade));
}

/** Evenly spaced ticks across the axis, ends included: recharts' own numeric ticks ignore the calendar. */
export function timeTicks([from, to]: [number, number], count = 5): number[] {
  if (count < 2) return [from];
  const step = (to - from) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(from + i * step));
}

/** Horizontal room (px) one "off plan" label needs before the next may sit on the same line. */
const LABEL_ROOM_PX = 46;

/**
 * 0 or 1: which line an off-plan marker's label sits on. When the previous off-plan marker is closer
 * than a label's width, this label moves to the other line, so close labels alternate, never overlap.
 */
export function labelLevel(points: ReadonlyArray<{ x: number | null; payload?: unknown }>, index: number, isOff: (payload: unknown) => boolean): number {
  const x = points[index]?.x;
  if (x == null) return 0;
  for (let j = index - 1; j >= 0; j -= 1) {
    const previous = points[j]!;
    if (previous.x == null || x - previous.x > LABEL_ROOM_PX) return 0;
    if (isOff(previous.payload)) return 1 - labelLevel(points, j, isOff);
  }
  return 0;
}
