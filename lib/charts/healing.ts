import { DAY_MS } from "./timeline";
import type { PatientCharts } from "./types";

export type HealingEntry = PatientCharts["healing"][number];

/**
 * One row per session with reactions, oldest first. A healed session has `days`; a still-healing one
 * has `soFar`, the whole days since the session (at least 1), which is context, not a healing time.
 * `trend` is the fitted line over healed sessions.
 */
export type HealingRow = HealingEntry & { index: number; soFar: number | null; trend: number | null };

export type HealingTrend = { first: number; last: number; direction: "slower" | "faster" | "steady" };

/** A change of a day or more across the range is a trend worth naming; less is noise in day-grained reports. */
const TREND_DAYS = 1;

/** Least-squares fit of healing days against session order, over healed sessions only. */
export function healingTrend(entries: readonly HealingEntry[]): (HealingTrend & { at: (index: number) => number }) | null {
  const points = entries.flatMap((e, index) => (e.days === null ? [] : [{ x: index, y: e.days }]));
  if (points.length < 2) return null;
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  const slope = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0) / sxx;
  const at = (index: number) => Math.max(0, meanY + slope * (index - meanX));
  const first = at(points[0]!.x);
  const last = at(points[n - 1]!.x);
  const direction = last - first >= TREND_DAYS ? "slower" : first - last >= TREND_DAYS ? "faster" : "steady";
  return { first, last, direction, at };
}

export function healingRows(entries: readonly HealingEntry[], now: string): HealingRow[] {
  const sorted = [...entries].sort((a, b) => a.performedAt.localeCompare(b.performedAt));
  const trend = healingTrend(sorted);
  return sorted.map((entry, index) => ({
    ...entry,
    index,
    soFar: entry.days === null ? Math.max(1, Math.floor((Date.parse(now) - Date.parse(entry.performedAt)) / DAY_MS)) : null,
    trend: trend ? Math.round(trend.at(index) * 10) / 10 : null,
  }));
}
