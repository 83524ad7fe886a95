import type { ChartPauseReason, PatientCharts } from "@/lib/charts/types";
import { SYMPTOMS } from "@/lib/domain/reactions";

/** Where session markers sit: a band under the grade axis, so they never hide a reaction at 0. */
export const SESSION_LANE = -0.6;
/** How far apart symptoms of one report that share a grade are drawn, so neither hides the other. */
const OVERLAP_STEP = 0.14;

export type PortalChartRow = {
  t: number;
  kind: "reaction" | "session";
  /** Session rows: what was done, for the tooltip and table. */
  session?: { area: string; needleMm: number };
  /** Reaction rows: the reported grade per symptom (the truth the tooltip and table show). */
  grades?: Record<string, number>;
  /** Plotted y values: `lane` for sessions, the symptom code for reactions (nudged when overlapping). */
  [plotted: string]: unknown;
};

/** A stretch the clinic paused home microneedling: `x1`/`x2` clamped to the axis, `until` null while still paused. */
export type PortalPause = { x1: number; x2: number; since: number; until: number | null; reason: ChartPauseReason };

export type PortalChartData = { from: number; to: number; symptoms: string[]; rows: PortalChartRow[]; sessionCount: number; pauses: PortalPause[] };

/** Why the clinic paused, in the patient's words (who reported it is not implied). */
export const PORTAL_PAUSE_LABELS: Record<ChartPauseReason, string> = {
  warning_sign: "Paused after a warning sign",
  contraindication: "Paused for a health condition on your record",
  health_change: "Paused after a change in your health",
};

/**
 * The portal chart's rows, shaped on the server: one row per session (a marker in its own lane) and
 * one per reaction report (a dot per symptom at its grade), oldest first. Only symptoms that were
 * ever above 0 in the range get a series, in the app's usual order.
 */
export function toPortalChart(charts: Pick<PatientCharts, "from" | "to" | "sessions" | "reactions" | "pauses">): PortalChartData {
  const to = Date.parse(charts.to);
  const from = charts.from ? Date.parse(charts.from) : to;
  const seen = new Set(charts.reactions.flatMap((r) => r.symptoms.filter((s) => s.grade > 0).map((s) => s.symptom)));
  const symptoms = SYMPTOMS.map((s) => s.code).filter((code) => seen.has(code));

  const sessionRows: PortalChartRow[] = charts.sessions.map((s) => ({
    t: Date.parse(s.performedAt),
    kind: "session",
    session: { area: s.area, needleMm: s.needleMm },
    lane: SESSION_LANE,
  }));
  const reactionRows: PortalChartRow[] = charts.reactions.map((r) => {
    const shown = r.symptoms.filter((s) => symptoms.includes(s.symptom));
    const row: PortalChartRow = { t: Date.parse(r.reportedAt), kind: "reaction", grades: Object.fromEntries(shown.map((s) => [s.symptom, s.grade])) };
    for (const s of shown) {
      const sameGrade = shown.filter((o) => o.grade === s.grade);
      const offset = sameGrade.indexOf(s) - (sameGrade.length - 1) / 2;
      row[s.symptom] = s.grade + offset * OVERLAP_STEP;
    }
    return row;
  });
  const rows = [...sessionRows, ...reactionRows].sort((a, b) => a.t - b.t);
  const pauses = charts.pauses
    .map((p) => {
      const since = Date.parse(p.since);
      const until = p.until === null ? null : Date.parse(p.until);
      return { x1: Math.max(since, from), x2: Math.min(until ?? to, to), since, until, reason: p.reason };
    })
    .filter((p) => p.x2 > p.x1);
  return { from, to, symptoms, rows, sessionCount: sessionRows.length, pauses };
}

/** Evenly spaced date ticks across the range (at least two), so a phone-width axis never crowds. */
export function timeTicks(from: number, to: number, count = 4): number[] {
  if (to <= from) return [to];
  const step = (to - from) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(from + i * step));
}
