import { PLAN_STATUS_KEYS, type ClinicOverview } from "@/lib/charts/types";
import { formatDayMonth } from "@/lib/domain/dates";
import { SYMPTOMS } from "@/lib/domain/reactions";
import { shortSymptomLabel } from "./labels";

export type PlanStatusKey = (typeof PLAN_STATUS_KEYS)[number];

export const PLAN_STATUS_LABELS: Record<PlanStatusKey, string> = {
  approved: "Approved",
  pending: "Pending",
  suspended: "Suspended",
  expired: "Expired",
  denied: "Denied",
};

/** The overview lists statuses in the order a clinic acts on them: working plans first. */
export const PLAN_STATUS_ORDER: PlanStatusKey[] = ["approved", "pending", "suspended", "expired", "denied"];

export function planStatusRows(counts: ClinicOverview["plansByStatus"]) {
  return PLAN_STATUS_ORDER.map((status) => ({ status, label: PLAN_STATUS_LABELS[status], count: counts[status] }));
}

export type SymptomGradeRow = { symptom: string; label: string; total: number; grades: Record<number, number> };

/**
 * Reactions by symptom with a count per grade, most reported first (ties in the app's symptom order),
 * plus the grades that occur anywhere, so the chart stacks and the table lists the same columns.
 */
export function pivotReactions(rows: ClinicOverview["reactionsBySymptom"]): { symptoms: SymptomGradeRow[]; grades: number[] } {
  const bySymptom = new Map<string, SymptomGradeRow>();
  for (const { symptom, grade, count } of rows) {
    const row = bySymptom.get(symptom) ?? { symptom, label: shortSymptomLabel(symptom), total: 0, grades: {} };
    row.grades[grade] = (row.grades[grade] ?? 0) + count;
    row.total += count;
    bySymptom.set(symptom, row);
  }
  const order = (code: string) => {
    const i = SYMPTOMS.findIndex((s) => s.code === code);
    return i === -1 ? SYMPTOMS.length : i;
  };
  const symptoms = [...bySymptom.values()].sort((a, b) => b.total - a.total || order(a.symptom) - order(b.symptom));
  const grades = [...new Set(rows.map((r) => r.grade))].sort((a, b) => a - b);
  return { symptoms, grades };
}

export type AttentionPatient = { patientId: string; name: string; reasons: string[] };

/** One entry per patient with every reason they need attention, in the order the server ranked them. */
export function groupNeedsAttention(rows: ClinicOverview["needsAttention"]): AttentionPatient[] {
  const byPatient = new Map<string, AttentionPatient>();
  for (const { patientId, name, reason } of rows) {
    const entry = byPatient.get(patientId) ?? { patientId, name, reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    byPatient.set(patientId, entry);
  }
  return [...byPatient.values()];
}

/** "3 Mar" for an ISO week start (a calendar date, so formatted in UTC to avoid drifting a day). */
export function weekLabel(week: string): string {
  return formatDayMonth(week);
}

/** A share (0–1) as a percentage with one decimal, the same text in the chart, summary and table. */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Round steps of 10% (20% past 50%) up to the highest share, never odd ones like 9% or 17%. */
export function percentTicks(max: number): number[] {
  const step = max > 0.5 ? 0.2 : 0.1;
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step * 10) / 10);
}
