import {
  AREA_LABELS,
  AREAS,
  HOME_MAX_NEEDLE_MM,
  NEEDLE_LENGTHS_MM,
  CONFIRM_ABOVE_MM,
  formatMm,
  isHomeNeedleLength,
  needsLongNeedleConfirmation,
  typicalMaxMm,
  type Area,
  type PlanDecision,
} from "./clinical";
import { intervalFloorFor, type IntervalFloor } from "./clinic-settings";
import { addDays, addMonths, isValidIsoDate, type IsoDate } from "./dates";
import type { ScreeningEvaluation } from "./screening";
import { isJustification, isMeaningfulText, JUSTIFICATION_RULE, MIN_JUSTIFICATION_CHARS } from "./text";

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
  /** The screening version the clinician decided on (approvals). */
  screeningVersion?: number | null;
  /** The blocking items the contraindication override covers: every current one must be named. */
  overriddenItems?: string[];
  /** Confirms lengths above 0.5 mm or above the typical depth for an area. */
  confirmLongNeedle?: boolean;
  /** The review-class items answered yes that the clinician has weighed: every current one. */
  acknowledgedReviewItems?: string[];
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
  | "overridden_items_mismatch"
  | "screening_version_required"
  | "screening_stale"
  | "long_needle_confirmation_required"
  | "review_items_acknowledgement_required"
  | "reason_required";

export type PlanViolation = { rule: PlanRule; path: string; message: string };

export type PlanRuleScreening = { version: number; recordedAt: string; evaluation: ScreeningEvaluation };

export type PlanRuleContext = {
  today: IsoDate;
  /** The latest screening; null when the patient has never been screened. */
  screening: PlanRuleScreening | null;
  intervalFloors: IntervalFloor[];
  screeningValidityDays: number;
  /** When the latest earlier approval was decided: a renewal needs a screening recorded since, or a recent one. */
  previousApprovalAt: string | null;
};

export const REVIEW_BY_MAX_MONTHS = 12;

const unreadable = (value: string | null | undefined) => !isMeaningfulText(value);
const readable = `at least ${MIN_JUSTIFICATION_CHARS} letters or digits`;
// An override sets a clinical rule aside: it must give grounds a later reader can act on, not fill a field.
const unjustified = (value: string | null | undefined) => !isJustification(value);
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
      violations.push({ rule: "area_unknown", path: `areas.${index}.area`, message: `Choose one of the treatment areas: ${AREAS.join(", ")}.` });
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
      if (draft.minIntervalDays < floor && unjustified(draft.intervalOverrideReason)) {
        violations.push({
          rule: "interval_below_floor",
          path: "minIntervalDays",
          message: `${draft.minIntervalDays} days is below the ${floor}-day floor for ${formatMm(longest)} mm; record an interval override reason (${JUSTIFICATION_RULE}) to go below it.`,
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

  if (unreadable(draft.instructions)) {
    violations.push({ rule: "instructions_required", path: "instructions", message: `Write the instructions the patient will follow (${readable}).` });
  }

  if (needsLongNeedleConfirmation(areas) && draft.confirmLongNeedle !== true) {
    const beyond = areas.filter((a) => a.maxNeedleMm > CONFIRM_ABOVE_MM + 1e-9 || a.maxNeedleMm > (typicalMaxMm(a.area) ?? Infinity) + 1e-9);
    violations.push({
      rule: "long_needle_confirmation_required",
      path: "confirmLongNeedle",
      message: `Confirm the long needle explicitly: ${beyond.map((a) => `${areaLabel(a.area)} ${formatMm(a.maxNeedleMm)} mm`).join(", ")}.`,
    });
  }
  violations.push(...checkScreening(draft, ctx));
  return violations;
}

const sameSet = (named: string[] | undefined, expected: string[]) => {
  const given = new Set(named ?? []);
  return given.size === expected.length && expected.every((item) => given.has(item));
};

function checkScreening(draft: PlanDecisionDraft, ctx: PlanRuleContext): PlanViolation[] {
  if (!ctx.screening) {
    return [{ rule: "screening_missing", path: "screening", message: "Record the contraindication screening before approving a plan." }];
  }
  const violations: PlanViolation[] = [];
  if (draft.screeningVersion == null) {
    violations.push({ rule: "screening_version_required", path: "screeningVersion", message: "Name the screening version you decided on (screeningVersion)." });
  }
  const { recordedAt, evaluation } = ctx.screening;
  const recentEnough = recordedAt.slice(0, 10) >= addDays(ctx.today, -ctx.screeningValidityDays);
  const sincePrevious = ctx.previousApprovalAt !== null && recordedAt > ctx.previousApprovalAt;
  if (!recentEnough && !sincePrevious) {
    violations.push({
      rule: "screening_stale",
      path: "screening",
      message: `The screening of ${recordedAt.slice(0, 10)} is older than ${ctx.screeningValidityDays} days and predates the last approval: re-confirm it before approving.`,
    });
  }
  const blocks = evaluation.blocks.map((b) => b.item);
  if (blocks.length > 0 && unjustified(draft.contraindicationOverride)) {
    violations.push({
      rule: "contraindication_override_required",
      path: "contraindicationOverride",
      message: `The screening has a blocking answer (${evaluation.blocks.map((b) => b.label).join("; ")}); approval needs a recorded override justification (${JUSTIFICATION_RULE}).`,
    });
  }
  if ((blocks.length > 0 || (draft.overriddenItems?.length ?? 0) > 0) && !sameSet(draft.overriddenItems, blocks)) {
    violations.push({
      rule: "overridden_items_mismatch",
      path: "overriddenItems",
      message: blocks.length
        ? `Name every blocking item the override covers: ${evaluation.blocks.map((b) => b.label).join("; ")}.`
        : "The screening has no blocking answer to override.",
    });
  }
  const reviews = evaluation.reviews.map((r) => r.item);
  if ((reviews.length > 0 || (draft.acknowledgedReviewItems?.length ?? 0) > 0) && !sameSet(draft.acknowledgedReviewItems, reviews)) {
    violations.push({
      rule: "review_items_acknowledgement_required",
      path: "acknowledgedReviewItems",
      message: reviews.length
        ? `Acknowledge each screening caution: ${evaluation.reviews.map((r) => r.label).join("; ")}.`
        : "The screening has no caution to acknowledge.",
    });
  }
  return violations;
}

/** Every clinical rule a plan decision must meet; an empty list means it may be recorded. */
export function validatePlanDecision(draft: PlanDecisionDraft, ctx: PlanRuleContext): PlanViolation[] {
  if (draft.decision === "approved") return checkApproval(draft, ctx);
  if (unreadable(draft.reason)) {
    return [{ rule: "reason_required", path: "reason", message: `A ${draft.decision === "denied" ? "denial" : "suspension"} needs a reason (${readable}).` }];
  }
  return [];
}

export function longestNeedleMm(areas: PlanAreaLimit[]): number | null {
  return areas.length ? Math.max(...areas.map((a) => a.maxNeedleMm)) : null;
}

export function isKnownArea(area: string): area is Area {
  return (AREAS as readonly string[]).includes(area);
}
