import { sortAreas } from "./labels";
import { pauseSpans, subtractSpans } from "./pauses";
import type { ChartSession } from "./timeline";
import type { ChartPause, PatientCharts } from "./types";

export type LimitPeriod = PatientCharts["limits"][number];

/** The approved maximum for an area at an instant; 0 when no period covers it (no plan, or not that area). */
export function limitAt(limits: readonly LimitPeriod[], area: string, t: number): number {
  const period = limits.find((l) => l.area === area && Date.parse(l.from) <= t && (l.to === null || t < Date.parse(l.to)));
  return period?.maxNeedleMm ?? 0;
}

/** The areas on the needle chart: every area with a session or a limit in the range. */
export function needleAreas(charts: Pick<PatientCharts, "sessions" | "limits">): string[] {
  return sortAreas([...charts.sessions.map((s) => s.area), ...charts.limits.map((l) => l.area)]);
}

/**
 * Rows for the needle chart. Each limit period adds a row where it starts (clamped to the axis), marked
 * with the areas whose step begins there; sessions add rows with their length. Every row carries every
 * area's limit, so the step lines are exact wherever the keyboard or pointer lands.
 */
export type NeedleRow = { t: number; session?: ChartSession; stepStarts: string[]; limits: Record<string, number> };

export function needleRows(charts: Pick<PatientCharts, "sessions" | "limits">, [start, end]: [number, number]): NeedleRow[] {
  const areas = needleAreas(charts);
  const steps = new Map<number, string[]>();
  for (const period of charts.limits) {
    const t = Math.max(Date.parse(period.from), start);
    steps.set(t, [...(steps.get(t) ?? []), period.area]);
  }
  const limitsAt = (t: number) => Object.fromEntries(areas.map((a) => [a, limitAt(charts.limits, a, t)]));
  const rows: NeedleRow[] = [
    ...[...steps].map(([t, stepStarts]) => ({ t, stepStarts, limits: limitsAt(t) })),
    ...charts.sessions.map((session) => ({ t: Date.parse(session.performedAt), session, stepStarts: [], limits: limitsAt(Date.parse(session.performedAt)) })),
  ];
  // A closing row carries each line to the right edge of the axis.
  if (!rows.some((r) => r.t >= end)) rows.push({ t: end, stepStarts: [], limits: limitsAt(end) });
  return rows.sort((a, b) => a.t - b.t);
}

/**
 * Spans with no approved length (denied, suspended, expired, no plan), clamped to the axis, for shading.
 * Paused stretches are left out: the chart shades and labels them as pauses.
 */
export type ZeroSpan = { x1: number; x2: number; areas: string[] };

export function zeroSpans(limits: readonly LimitPeriod[], domain: [number, number], pauses: readonly ChartPause[] = []): ZeroSpan[] {
  const [start, end] = domain;
  const paused = pauseSpans(pauses, domain);
  const spans = new Map<string, ZeroSpan>();
  for (const period of limits.filter((l) => l.maxNeedleMm === 0)) {
    const from = Math.max(Date.parse(period.from), start);
    const to = Math.min(period.to === null ? end : Date.parse(period.to), end);
    for (const [x1, x2] of to > from ? subtractSpans(from, to, paused) : []) {
      const key = `${x1}-${x2}`;
      spans.set(key, { x1, x2, areas: sortAreas([...(spans.get(key)?.areas ?? []), period.area]) });
    }
  }
  return [...spans.values()].sort((a, b) => a.x1 - b.x1);
}

/** Sessions longer than the limit in force at the time, for the summary and the table's status column. */
export function sessionsOverLimit(charts: Pick<PatientCharts, "sessions" | "limits">): ChartSession[] {
  return charts.sessions.filter((s) => s.needleMm > limitAt(charts.limits, s.area, Date.parse(s.performedAt)));
}
