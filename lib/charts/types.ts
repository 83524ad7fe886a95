/**
 * Chart-ready rows, aggregated on the server (lib/data/charts.ts, lib/data/overview.ts) and drawn by
 * small client leaves. The shapes are the API contracts of issue 7: keep them exact.
 */
import type { SessionFlag } from "@/lib/domain/session-flags";
import type { SymptomGrade } from "@/lib/domain/reactions";
import type { PauseReason } from "@/lib/domain/holds";

export const CHART_RANGES = ["30d", "90d", "365d", "all"] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export const CHART_RANGE_LABELS: Record<ChartRange, string> = { "30d": "30 days", "90d": "90 days", "365d": "1 year", all: "All" };

export type PatientCharts = {
  range: ChartRange;
  /** ISO instants bounding the range; `from` is the first session or reaction for "all" (null when there is none). */
  from: string | null;
  to: string;
  /** Exactly the patient's sessions performed in the range, oldest first. */
  sessions: { id: string; performedAt: string; area: string; needleMm: number; flags: SessionFlag[] }[];
  /** Reactions reported in the range, oldest first. */
  reactions: { id: string; reportedAt: string; sessionId: string | null; symptoms: SymptomGrade[] }[];
  /**
   * The approved maximum per area over time: one row per area and plan-version period overlapping the
   * range (`to` null while still in force). Denied, suspended, expired and paused periods have `maxNeedleMm` 0.
   */
  limits: { area: string; from: string; to: string | null; maxNeedleMm: number }[];
  /** Per session with reactions: days until every linked symptom was reported back at 0; null while still healing. */
  healing: { sessionId: string; performedAt: string; area: string; days: number | null }[];
  /**
   * Periods home microneedling was paused (a warning sign, a new contraindication, a health change)
   * overlapping the range, oldest first, with their real bounds (`until` null while still paused).
   * `limits` allow no length (0) within them, whatever the plan said.
   */
  pauses: ChartPause[];
};

/** The pause reasons of lib/domain/holds.ts (pure, so charts in the browser share them). */
export type ChartPauseReason = PauseReason;
export type ChartPause = { since: string; until: string | null; reason: ChartPauseReason };

export const PLAN_STATUS_KEYS = ["approved", "denied", "suspended", "expired", "pending"] as const;

export type ClinicOverview = {
  /** Every patient of the clinic counted exactly once, by the status of their latest plan version. */
  plansByStatus: Record<(typeof PLAN_STATUS_KEYS)[number], number>;
  /** ISO week start (Monday, YYYY-MM-DD) with alerts raised and resolved that week. */
  alertsPerWeek: { week: string; raised: number; resolved: number }[];
  reactionsBySymptom: { symptom: string; grade: number; count: number }[];
  /** Share (0–1) of the week's sessions that were flagged off-plan. */
  offPlanShare: { week: string; share: number }[];
  needsAttention: { patientId: string; name: string; reason: string }[];
};
