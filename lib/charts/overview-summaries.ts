import type { ClinicOverview } from "@/lib/charts/types";
import { gradeLabel } from "@/lib/domain/reactions";
import { percent, pivotReactions, planStatusRows, weekLabel } from "./overview-shape";

/**
 * One sentence per overview widget, read by screen readers before the chart and printed with it.
 * Each states totals the table beside it also shows, so the two can never disagree.
 */

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function plansSummary(counts: ClinicOverview["plansByStatus"]): string {
  const rows = planStatusRows(counts);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  if (total === 0) return "The clinic has no patients yet.";
  const parts = rows.filter((r) => r.count > 0).map((r) => `${r.count} ${r.label.toLowerCase()}`);
  return `${n(total, "patient")}: ${joinList(parts)}.`;
}

export function alertsSummary(weeks: ClinicOverview["alertsPerWeek"]): string {
  const raised = weeks.reduce((sum, w) => sum + w.raised, 0);
  const resolved = weeks.reduce((sum, w) => sum + w.resolved, 0);
  if (weeks.length === 0 || (raised === 0 && resolved === 0)) return "No alerts were raised or resolved in these weeks.";
  const first = weekLabel(weeks[0]!.week);
  const busiest = weeks.reduce((top, w) => (w.raised > top.raised ? w : top), weeks[0]!);
  const peak = busiest.raised > 0 ? `; most were raised in the week of ${weekLabel(busiest.week)} (${busiest.raised})` : "";
  return `${n(raised, "alert")} raised and ${resolved} resolved since the week of ${first}${peak}.`;
}

export function reactionsSummary(rows: ClinicOverview["reactionsBySymptom"]): string {
  const { symptoms } = pivotReactions(rows);
  const top = symptoms[0];
  if (!top) return "No reactions were reported in this period.";
  const severe = rows.filter((r) => r.grade >= 3).reduce((sum, r) => sum + r.count, 0);
  const severeText = severe === 0 ? "none was graded severe" : `${n(severe, "report")} graded ${gradeLabel(3).toLowerCase()}`;
  return `${top.label} was reported most often (${n(top.total, "time")}); ${severeText}.`;
}

export function offPlanSummary(weeks: ClinicOverview["offPlanShare"]): string {
  const latest = weeks.at(-1);
  if (!latest) return "No sessions were logged in these weeks.";
  const highest = weeks.reduce((top, w) => (w.share > top.share ? w : top), weeks[0]!);
  const latestText = `${percent(latest.share)} of sessions in the week of ${weekLabel(latest.week)} were flagged off-plan`;
  if (highest.share === 0) return `${latestText}, and none in the weeks before.`;
  if (highest === latest) return `${latestText}, the highest share in these weeks.`;
  return `${latestText}; the highest was ${percent(highest.share)} in the week of ${weekLabel(highest.week)}.`;
}

export function attentionSummary(patients: number): string {
  return patients === 0 ? "No patient needs attention right now." : `${n(patients, "patient needs", "patients need")} attention.`;
}

function joinList(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
