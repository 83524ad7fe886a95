import { addDays, dateInZone, startOfDayInZone } from "@/lib/domain/dates";
import { sortAreas } from "./labels";
import type { LimitPeriod } from "./limits";
import type { ChartSession } from "./timeline";

/**
 * The most sessions one area can have in a calendar week when sessions must be `minIntervalDays`
 * apart: days 0, d, 2d … up to day 6, which is ceil(7 / d). Null when the plan sets no interval.
 */
export function allowedPerWeek(minIntervalDays: number | null | undefined): number | null {
  if (!minIntervalDays || minIntervalDays <= 0) return null;
  return Math.ceil(7 / minIntervalDays);
}

/** The Monday starting the clinic week of an instant, as YYYY-MM-DD. */
export function weekStart(t: number, timeZone = "UTC"): string {
  const day = dateInZone(new Date(t), timeZone);
  const sinceMonday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -sinceMonday);
}

export type AdherenceWeek = {
  week: string;
  counts: Record<string, number>;
  /** The allowed count this week: 0 when no area was approved at any point of it, null when unknown. */
  allowed: number | null;
  /** Areas with more sessions than allowed this week. */
  over: string[];
};

/**
 * Sessions per calendar week per area, every week of the axis included (a week without sessions is a
 * fact too). The allowed count comes from the plan's interval; a week with no approved length allows none.
 */
export function adherenceWeeks(
  sessions: readonly ChartSession[],
  limits: readonly LimitPeriod[],
  [start, end]: [number, number],
  minIntervalDays: number | null,
  timeZone = "UTC",
): { areas: string[]; weeks: AdherenceWeek[] } {
  const areas = sortAreas(sessions.map((s) => s.area));
  const perWeek = allowedPerWeek(minIntervalDays);
  const weeks: AdherenceWeek[] = [];
  // Clinic weeks, Monday to Sunday on the clinic's calendar: a week with a clock change is 167 or 169 hours.
  for (let week = weekStart(start, timeZone); Date.parse(startOfDayInZone(week, timeZone)) <= end; week = addDays(week, 7)) {
    const [from, to] = [Date.parse(startOfDayInZone(week, timeZone)), Date.parse(startOfDayInZone(addDays(week, 7), timeZone))];
    const inWeek = sessions.filter((s) => weekStart(Date.parse(s.performedAt), timeZone) === week);
    const counts = Object.fromEntries(areas.map((a) => [a, inWeek.filter((s) => s.area === a).length]));
    const approved = (area: string) => approvedDuring(limits, area, from, to);
    const allowed = limits.some((l) => approved(l.area)) ? perWeek : 0;
    const over = areas.filter((a) => {
      const areaAllowed = approved(a) ? perWeek : 0;
      return areaAllowed !== null && (counts[a] ?? 0) > areaAllowed;
    });
    weeks.push({ week, counts, allowed, over });
  }
  return { areas, weeks };
}

/** Whether the area had an approved length at any moment of [from, to). */
function approvedDuring(limits: readonly LimitPeriod[], area: string, from: number, to: number): boolean {
  return limits.some((l) => l.area === area && l.maxNeedleMm > 0 && Date.parse(l.from) < to && (l.to === null || Date.parse(l.to) > from));
}
