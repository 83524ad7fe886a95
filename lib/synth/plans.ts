import { needsLongNeedleConfirmation, NEEDLE_LENGTHS_MM, typicalMaxMm } from "@/lib/domain/clinical";
import { intervalFloorFor } from "@/lib/domain/clinic-settings";
import { addDays, addMonths } from "@/lib/domain/dates";
import { STANDARD_INSTRUCTIONS } from "@/lib/domain/instructions";
import { longestNeedleMm, validatePlanDecision, type PlanAreaLimit, type PlanDecisionDraft } from "@/lib/domain/plan-rules";
import { currentPlan, writeAudit, type ClinicContext, type DecidedPlan, type PatientState, type PlanSummary, type Staff } from "./context";
import type { Rng } from "./random";
import { evaluateAt } from "./screening";
import { iso, isoDate } from "./time";
import { INTERVAL_OVERRIDE, OVERRIDE_TEXTS } from "./vocabulary";

/** The plans Northside's clinicians approve, by how often (DOMAIN.md's typical depths per area). */
const PLAN_SHAPES: { weight: number; areas: PlanAreaLimit[] }[] = [
  { weight: 26, areas: [{ area: "face", maxNeedleMm: 0.25 }] },
  { weight: 18, areas: [{ area: "face", maxNeedleMm: 0.5 }] },
  { weight: 14, areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }] },
  { weight: 12, areas: [{ area: "face", maxNeedleMm: 0.25 }, { area: "neck", maxNeedleMm: 0.25 }] },
  { weight: 8, areas: [{ area: "scalp", maxNeedleMm: 0.5 }] },
  { weight: 5, areas: [{ area: "face", maxNeedleMm: 0.75 }] },
  { weight: 3, areas: [{ area: "face", maxNeedleMm: 1.0 }] },
  { weight: 5, areas: [{ area: "neck", maxNeedleMm: 0.25 }, { area: "decolletage", maxNeedleMm: 0.25 }] },
  { weight: 4, areas: [{ area: "hands", maxNeedleMm: 0.25 }] },
  { weight: 4, areas: [{ area: "body", maxNeedleMm: 0.5 }] },
  { weight: 4, areas: [{ area: "face", maxNeedleMm: 0.3 }] },
  { weight: 3, areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "decolletage", maxNeedleMm: 0.25 }, { area: "hands", maxNeedleMm: 0.25 }] },
];

const REVIEW_MONTHS = [3, 4, 6, 6, 6, 9, 12] as const;

export function choosePlanAreas(rng: Rng): PlanAreaLimit[] {
  return rng.weighted(PLAN_SHAPES).areas;
}

/** A renewal that steps an area up one home length, within the typical depth for the area. */
export function progressedAreas(areas: PlanAreaLimit[]): PlanAreaLimit[] {
  return areas.map((a) => {
    const next = NEEDLE_LENGTHS_MM.find((mm) => mm > a.maxNeedleMm + 1e-9 && mm >= 0.5);
    return next !== undefined && next <= (typicalMaxMm(a.area) ?? 0) + 1e-9 && next <= 0.75 ? { ...a, maxNeedleMm: next } : a;
  });
}

const previousApprovalAt = (p: PatientState) => [...p.plans].reverse().find((v) => v.decision === "approved")?.decidedAt ?? null;

/**
 * Approves a plan the way a clinician fills the editor: the floor interval (sometimes longer, rarely
 * below it with a reason), every blocking item overridden in words, every caution acknowledged.
 * The draft goes through lib/domain/plan-rules.ts; a refusal is a bug in the generator.
 */
export function approvePlan(ctx: ClinicContext, p: PatientState, by: Staff, at: number, areas: PlanAreaLimit[]): DecidedPlan {
  const { rng } = p;
  const today = isoDate(at);
  const screening = p.screening!;
  const evaluation = evaluateAt(ctx, screening.answers, at);
  const floor = intervalFloorFor(longestNeedleMm(areas)!, ctx.settings.intervalFloors);
  const belowFloor = floor >= 3 && rng.chance(0.02);
  const minIntervalDays = belowFloor ? floor - 1 : rng.chance(0.15) ? floor + rng.int(1, 7) : floor;
  const blocks = evaluation.blocks.map((b) => b.item);
  const draft: PlanDecisionDraft = {
    decision: "approved",
    areas,
    minIntervalDays,
    reviewBy: addMonths(today, rng.pick(REVIEW_MONTHS)),
    instructions: STANDARD_INSTRUCTIONS,
    contraindicationOverride: blocks.length ? blocks.map((item) => OVERRIDE_TEXTS[item] ?? OVERRIDE_TEXTS.keloid).join(" ") : null,
    intervalOverrideReason: belowFloor ? INTERVAL_OVERRIDE : null,
    screeningVersion: screening.version,
    overriddenItems: blocks,
    confirmLongNeedle: needsLongNeedleConfirmation(areas),
    acknowledgedReviewItems: evaluation.reviews.map((r) => r.item),
  };
  const previous = previousApprovalAt(p);
  const violations = validatePlanDecision(draft, {
    today,
    screening: { version: screening.version, recordedAt: iso(screening.recordedAt), evaluation },
    intervalFloors: ctx.settings.intervalFloors,
    screeningValidityDays: ctx.settings.screeningValidityDays,
    previousApprovalAt: previous === null ? null : iso(previous),
  });
  if (violations.length) throw new Error(`Synthetic plan refused by the plan rules: ${violations.map((v) => v.rule).join(", ")}`);
  return writeDecision(ctx, p, by, at, draft);
}

/** A denial or suspension: no areas, a reason (lib/domain/plan-rules.ts asks for nothing else). */
export function declinePlan(ctx: ClinicContext, p: PatientState, by: Staff, at: number, decision: "denied" | "suspended", reason: string): DecidedPlan {
  const violations = validatePlanDecision({ decision, reason }, { today: isoDate(at), screening: null, intervalFloors: [], screeningValidityDays: 0, previousApprovalAt: null });
  if (violations.length) throw new Error(`Synthetic ${decision} refused by the plan rules: ${violations.map((v) => v.rule).join(", ")}`);
  return writeDecision(ctx, p, by, at, { decision, reason });
}

function writeDecision(ctx: ClinicContext, p: PatientState, by: Staff, at: number, draft: PlanDecisionDraft): DecidedPlan {
  const approved = draft.decision === "approved";
  const areas = approved ? draft.areas! : [];
  const before = currentPlan(p);
  const version = (before?.version ?? 0) + 1;
  const screeningVersion = p.screening?.version ?? null;
  const id = p.rng.uuid();
  ctx.writer.add("planVersion", [
    id, p.id, version, draft.decision, JSON.stringify(areas), longestNeedleMm(areas), approved ? draft.minIntervalDays! : null,
    approved ? draft.reviewBy! : null, draft.instructions ?? null, draft.reason ?? null, draft.contraindicationOverride ?? null,
    draft.intervalOverrideReason ?? null, screeningVersion, approved ? JSON.stringify(draft.overriddenItems) : null,
    approved ? (draft.confirmLongNeedle ? 1 : 0) : null, approved ? JSON.stringify(draft.acknowledgedReviewItems) : null, by.id, iso(at),
  ]);
  const summary: PlanSummary = {
    version,
    decision: draft.decision,
    areas,
    minIntervalDays: approved ? draft.minIntervalDays! : null,
    reviewBy: approved ? draft.reviewBy! : null,
    reason: draft.reason ?? null,
    screeningVersion,
    overriddenItems: approved ? draft.overriddenItems! : [],
    confirmLongNeedle: approved ? draft.confirmLongNeedle! : false,
    acknowledgedReviewItems: approved ? draft.acknowledgedReviewItems! : [],
  };
  writeAudit(ctx, at, by, "plan.decide", p.id, { before: before?.summary ?? null, after: summary });
  const plan: DecidedPlan = { version, decision: draft.decision, areas, minIntervalDays: summary.minIntervalDays, reviewBy: summary.reviewBy, decidedAt: at, summary };
  p.plans.push(plan);
  p.pausedSince = null;
  return plan;
}

/** The day after the review date, when an approval stops covering sessions (UTC calendar days). */
export const expiryOf = (plan: DecidedPlan) => (plan.reviewBy ? Date.parse(`${addDays(plan.reviewBy, 1)}T00:00:00.000Z`) : Infinity);
