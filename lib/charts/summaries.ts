import { formatMm } from "@/lib/domain/clinical";
import { gradeLabel } from "@/lib/domain/reactions";
import { formatCalendarDate, formatClinicDay } from "@/lib/domain/dates";
import { allowedPerWeek, type AdherenceWeek } from "./adherence";
import type { HealingEntry } from "./healing";
import { healingTrend } from "./healing";
import { areaLabel, plural, shortSymptomLabel } from "./labels";
import { emptyRangeMessage, rangePhrase } from "./ranges";
import { limitAt, sessionsOverLimit } from "./limits";
import { PAUSE_REASON_LABELS } from "./pauses";
import { isOffPlan, worstGrade } from "./timeline";
import type { ChartRange, PatientCharts } from "./types";

/**
 * One plain sentence per chart, for the figure caption and screen readers: what a clinician would say
 * after looking at it. Dates are calendar dates (UTC) so the server and browser render the same text.
 */

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1).replace(/\.0$/, "");

export function timelineSummary(charts: Pick<PatientCharts, "range" | "sessions" | "reactions">, timeZone = "UTC"): string {
  const { range, sessions, reactions } = charts;
  if (sessions.length === 0 && reactions.length === 0) return emptyRangeMessage(range);
  const offPlan = sessions.filter(isOffPlan).length;
  const sessionPart = sessions.length === 0 ? "No sessions" : `${plural(sessions.length, "session")} (${offPlan === 0 ? "none" : offPlan} off plan)`;
  if (reactions.length === 0) return `${sessionPart} and no reactions ${rangePhrase(range)}.`;
  // The latest report of the worst grade: a severe grade last week matters more than one in spring.
  const graded = reactions.flatMap((r) => r.symptoms.map((s) => ({ ...s, at: r.reportedAt })));
  const worst = graded.reduce((a, b) => (b.grade >= a.grade ? b : a));
  const latest = reactions.at(-1)!;
  const latestGrade = worstGrade(latest);
  const worstPart =
    worst.grade === 0 ? "no symptom was graded above none" : `the worst was ${lower(gradeLabel(worst.grade))} ${lower(shortSymptomLabel(worst.symptom))} on ${formatClinicDay(worst.at, timeZone)}`;
  const latestPart = latestGrade === 0 ? "reported no symptoms" : `was ${lower(gradeLabel(latestGrade))} at worst`;
  return `${sessionPart} and ${plural(reactions.length, "reaction")} ${rangePhrase(range)}; ${worstPart}, and the latest reaction (${formatClinicDay(latest.reportedAt, timeZone)}) ${latestPart}.`;
}

/** "; paused for a warning sign since 3 Nov 2026 (still in force)": the latest pause, and how many there were. */
function pausePart(pauses: PatientCharts["pauses"], timeZone: string): string {
  const latest = pauses.at(-1);
  if (!latest) return "";
  const why = `for a ${PAUSE_REASON_LABELS[latest.reason]}`;
  const when =
    latest.until === null
      ? `since ${formatClinicDay(latest.since, timeZone)} (still in force: no length allowed)`
      : `from ${formatClinicDay(latest.since, timeZone)} to ${formatClinicDay(latest.until, timeZone)}`;
  return pauses.length === 1 ? `; paused ${why} ${when}` : `; paused ${pauses.length} times, the latest ${why} ${when}`;
}

export function needleSummary(charts: Pick<PatientCharts, "range" | "sessions" | "limits" | "to" | "pauses">, timeZone = "UTC"): string {
  const { range, sessions, limits, pauses } = charts;
  const areas = [...new Set(limits.map((l) => l.area))];
  // A pause starts and ends a step of its own: those are told as pauses, not as plan changes.
  const pauseEdges = new Set(pauses.flatMap((p) => [p.since, p.until]));
  const changes = limits.filter((l, i) => limits[i - 1]?.area === l.area && !pauseEdges.has(l.from)).length;
  const changePart = (changes > 0 ? `; the approved maximum changed ${changes === 1 ? "once" : `${changes} times`}` : "") + pausePart(pauses, timeZone);
  if (sessions.length === 0) {
    const now = Date.parse(charts.to);
    const current = areas.map((a) => `${areaLabel(a).toLowerCase()} ${limitAt(limits, a, now) === 0 ? "none" : `${formatMm(limitAt(limits, a, now))} mm`}`).join(", ");
    return `No sessions ${rangePhrase(range)}${current ? `; the approved maximum now is ${current}` : ""}${changePart}.`;
  }
  const over = sessionsOverLimit(charts);
  const all = sessions.length === 1 ? "The one session" : `All ${sessions.length} sessions`;
  if (over.length === 0) return `${all} ${rangePhrase(range)} stayed within the approved needle length${changePart}.`;
  const longest = over.reduce((a, b) => (b.needleMm > a.needleMm ? b : a));
  const allowed = limitAt(limits, longest.area, Date.parse(longest.performedAt));
  const against = allowed === 0 ? "when none was approved" : `against ${formatMm(allowed)} mm approved`;
  return `${over.length} of ${plural(sessions.length, "session")} ${rangePhrase(range)} used a longer needle than approved (longest ${formatMm(longest.needleMm)} mm on the ${areaLabel(longest.area).toLowerCase()} on ${formatClinicDay(longest.performedAt, timeZone)}, ${against})${changePart}.`;
}

export function healingSummary(range: ChartRange, entries: readonly HealingEntry[]): string {
  if (entries.length === 0) return `No session was followed by reactions ${rangePhrase(range)}.`;
  const healed = entries.filter((e) => e.days !== null).map((e) => e.days!);
  const stillHealing = entries.length - healed.length;
  const stillPart = stillHealing === 0 ? "" : `; ${stillHealing === 1 ? "1 session is" : `${stillHealing} sessions are`} still healing`;
  if (healed.length === 0) return `${plural(stillHealing, "session")} with reactions ${rangePhrase(range)}, none healed yet.`;
  const average = healed.reduce((a, b) => a + b, 0) / healed.length;
  const trend = healingTrend([...entries].sort((a, b) => a.performedAt.localeCompare(b.performedAt)));
  const trendPart = !trend
    ? ""
    : trend.direction === "steady"
      ? ", steady over the range"
      : `, getting ${trend.direction} (from about ${oneDecimal(trend.first)} to ${oneDecimal(trend.last)} days)`;
  return `After ${plural(healed.length, "healed session")} ${rangePhrase(range)}, healing took ${oneDecimal(average)} days on average${trendPart}${stillPart}.`;
}

export function adherenceSummary(range: ChartRange, areas: readonly string[], weeks: readonly AdherenceWeek[], minIntervalDays: number | null): string {
  const total = weeks.reduce((sum, w) => sum + Object.values(w.counts).reduce((a, b) => a + b, 0), 0);
  if (total === 0) return `No sessions ${rangePhrase(range)}.`;
  const rates = areas.map((a) => `${areaLabel(a).toLowerCase()} ${oneDecimal(weeks.reduce((sum, w) => sum + (w.counts[a] ?? 0), 0) / weeks.length)}`).join(", ");
  const perWeek = allowedPerWeek(minIntervalDays);
  const allowedPart = perWeek === null ? "the plan sets no minimum interval" : `while approved, the plan allows ${perWeek} a week per area (every ${plural(minIntervalDays!, "day")})`;
  const overWeeks = weeks.filter((w) => w.over.length > 0);
  const overPart =
    overWeeks.length > 0 ? `; ${plural(overWeeks.length, "week")} went over, the latest from ${formatCalendarDate(overWeeks.at(-1)!.week)}` : perWeek === null ? "" : ", and no week went over";
  return `Sessions per week on average ${rangePhrase(range)}: ${rates}; ${allowedPart}${overPart}.`;
}
