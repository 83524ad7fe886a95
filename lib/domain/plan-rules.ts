import {
  AREA_LABELS,
  AREAS,
  HOME_MAX_NEEDLE_MM,
  NEEDLE_LENGTHS_MM,
  formatMm,
  isHomeNeedleLength,
  type Area,
  type PlanDecision,
} from "./clinical";
import { intervalFloorFor, type IntervalFloor } from "./clinic-settings";
import { addMonths, isValidIsoDate, type IsoDate } from "./dates";
import type { ScreeningEvaluation } from "./screening";

export type PlanAreaLimit = { area: string; maxNeedleMm: number };

/** A decision as submitted, after shape validation (types) but before the clinical rules. */
export type PlanDecisionDraft = {
  decision: PlanDecision;
  areas?: PlanAreaLimit[];
  minIntervalDays?: number | null;
  reviewBy?: IsoDate | null;
  instructions?: string | null;
  reason?: string | null;
  contraindicationOverride?: string | null;
  intervalOverrideReason?: string | null;
};

export type PlanRule =
  | "areas_required"
  | "area_unknown"
  | "area_duplicated"
  | "needle_above_home_max"
  | "needle_not_in_home_set"
  | "interval_required"
  | "interval_below_floor"
  | "review_by_required"
  | "review_by_not_future"
  | "review_by_too_far"
  | "instructions_required"
  | "screening_missing"
  | "contraindication_override_required"
  | "reason_required";

export type PlanViolation = { rule: PlanRule; path: string; message: string };

export type PlanRuleContext = {
  today: IsoDate;
  /** Null when the patient has never been screened. */
  screening: ScreeningEvaluation | null;
  intervalFloors: IntervalFloor[];
};

export const REVIEW_BY_MAX_MONTHS = 12;

const blank = (value: string | null | undefined) => !value || value.trim() === "";
const lengthsText = NEEDLE_LENGTHS_MM.map(formatMm).join(", ");

function areaLabel(area: string): string {
  return (AREA_LABELS as Record<string, string>)[area] ?? area;
}

/** Areas known and unique, each with a home length: shared by decisions and clinic templates. */
export function validatePlanAreas(areas: PlanAreaLimit[]): PlanViolation[] {
  const violations: PlanViolation[] = [];
  if (areas.length === 0) {
    return [{ rule: "areas_required", path: "areas", message: "An approved plan needs at least one area with its maximum needle length." }];
  }
  const seen = new Set<string>();
  areas.forEach((limit, index) => {
    if (!(AREAS as readonly string[]).includes(limit.area)) {
      violations.push({ rule: "area_unknown", path: `areas.${index}.area`, message: `Unknown area "${limit.area}": use one of ${AREAS.join(", ")}.` });
    } else if (seen.has(limit.area)) {
      violations.push({ rule: "area_duplicated", path: `areas.${index}.area`, message: `${areaLabel(limit.area)} is listed more than once.` });
    }
    seen.add(limit.area);
    if (limit.maxNeedleMm > HOME_MAX_NEEDLE_MM) {
      violations.push({
        rule: "needle_above_home_max",
        path: `areas.${index}.maxNeedleMm`,
        message: `${areaLabel(limit.area)}: ${limit.maxNeedleMm} mm is above the 1.0 mm home maximum; longer needles are clinic-only.`,
      });
    } else if (!isHomeNeedleLength(limit.maxNeedleMm)) {
      violations.push({
        rule: "needle_not_in_home_set",
        path: `areas.${index}.maxNeedleMm`,
        message: `${areaLabel(limit.area)}: ${limit.maxNeedleMm} mm is not a home length; choose ${lengthsText} mm.`,
      });
    }
  });
  return violations;
}

function checkApproval(draft: PlanDecisionDraft, ctx: PlanRuleContext): PlanViolation[] {
  const areas = draft.areas ?? [];
  const violations = validatePlanAreas(areas);

  if (draft.minIntervalDays == null) {
    violations.push({ rule: "interval_required", path: "minIntervalDays", message: "Set the minimum number of days between sessions." });
  } else {
    const lengths = areas.map((a) => a.maxNeedleMm).filter((mm) => mm <= HOME_MAX_NEEDLE_MM);
    if (lengths.length > 0) {
      const longest = Math.max(...lengths);
      const floor = intervalFloorFor(longest, ctx.intervalFloors);
      if (draft.minIntervalDays < floor && blank(draft.intervalOverrideReason)) {
        violations.push({
          rule: "interval_below_floor",
          path: "minIntervalDays",
          message: `${draft.minIntervalDays} days is below the ${floor}-day floor for ${formatMm(longest)} mm; record an interval override reason to go below it.`,
        });
      }
    }
  }

  if (!draft.reviewBy) {
    violations.push({ rule: "review_by_required", path: "reviewBy", message: "Set a review date." });
  } else if (!isValidIsoDate(draft.reviewBy) || draft.reviewBy <= ctx.today) {
    violations.push({ rule: "review_by_not_future", path: "reviewBy", message: "The review date must be in the future." });
  } else if (draft.reviewBy > addMonths(ctx.today, REVIEW_BY_MAX_MONTHS)) {
    violations.push({ rule: "review_by_too_far", path: "reviewBy", message: "The review date must be at most 12 months ahead." });
  }

  if (blank(draft.instructions)) {
    violations.push({ rule: "instructions_required", path: "instructions", message: "Write the instructions the patient will follow." });
  }

  if (!ctx.screening) {
    violations.push({ rule: "screening_missing", path: "screening", message: "Record the contraindication screening before approving a plan." });
  } else if (ctx.screening.blocks.length > 0 && blank(draft.contraindicationOverride)) {
    const items = ctx.screening.blocks.map((b) => b.label).join("; ");
    violations.push({
      rule: "contraindication_override_required",
      path: "contraindicationOverride",
      message: `The screening has a blocking answer (${items}); approval needs a recorded contraindication override justification.`,
    });
  }
  return violations;
}

/** Every clinical rule a plan decision must meet; an empty list means it may be recorded. */
export function validatePlanDecision(draft: PlanDecisionDraft, ctx: PlanRuleContext): PlanViolation[] {
  if (draft.decision === "approved") return checkApproval(draft, ctx);
  if (blank(draft.reason)) {
    return [{ rule: "reason_required", path: "reason", message: `A ${draft.decision === "denied" ? "denial" : "suspension"} needs a reason.` }];
  }
  return [];
}

export function longestNeedleMm(areas: PlanAreaLimit[]): number | null {
  return areas.length ? Math.max(...areas.map((a) => a.maxNeedleMm)) : null;
}

export function isKnownArea(area: string): area is Area {
  return (AREAS as readonly string[]).includes(area);
}
