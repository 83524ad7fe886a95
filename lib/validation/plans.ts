import { z } from "zod";
import { AREAS, PLAN_DECISIONS, SCREENING_ITEM_CODES } from "@/lib/domain/clinical";
import { addMonths, todayIso } from "@/lib/domain/dates";
import { calendarDateSchema, multiLineText, optionalText, singleLineText } from "./common";

/**
 * Area codes are a dozen letters; 60 leaves room for new ones while a pasted paragraph is refused
 * here, before the plan rules (which name an unknown area back to the clinician) ever see it.
 */
export const AREA_MAX_CHARS = 60;

// The plan rules decide how far ahead a review may be (12 months) and name the rule when it is not;
// this only refuses dates no one means, so the rule can speak for the rest.
const reviewBySchema = calendarDateSchema({
  earliest: { at: "2000-01-01", message: "The review date is before 2000." },
  latest: { at: () => addMonths(todayIso(), 100 * 12), message: "The review date is more than a century ahead." },
});

const screeningItems = (label: string) =>
  z
    .array(z.enum(SCREENING_ITEM_CODES, { error: `${label} must list screening item codes.` }), { error: `${label} must be a list of screening item codes.` })
    .max(SCREENING_ITEM_CODES.length)
    .default([])
    .transform((items) => [...new Set(items)]);

/** Shape only: the clinical rules (lengths, floors, screening) live in lib/domain/plan-rules.ts. */
export const planAreaSchema = z.object({
  area: singleLineText({ label: "area", max: AREA_MAX_CHARS, required: "area is required." }),
  maxNeedleMm: z.number({ error: "maxNeedleMm must be a number of millimetres." }).finite(),
});

export const planDecisionSchema = z.object({
  baseVersion: z
    .number({ error: "baseVersion must be the plan version you were looking at (0 when there was none)." })
    .int()
    .min(0),
  decision: z.enum(PLAN_DECISIONS, { error: `decision must be one of ${PLAN_DECISIONS.join(", ")}.` }),
  areas: z.array(planAreaSchema).max(AREAS.length * 2, "Too many areas.").default([]),
  minIntervalDays: z
    .number({ error: "minIntervalDays must be a whole number of days." })
    .int("minIntervalDays must be a whole number of days.")
    .min(1, "minIntervalDays must be at least 1.")
    .max(365, "minIntervalDays is at most 365.")
    .nullish(),
  reviewBy: reviewBySchema.nullish(),
  instructions: optionalText(4000, "instructions"),
  reason: optionalText(2000, "reason"),
  contraindicationOverride: optionalText(2000, "contraindicationOverride"),
  intervalOverrideReason: optionalText(2000, "intervalOverrideReason"),
  screeningVersion: z
    .number({ error: "screeningVersion must be the screening version you decided on." })
    .int("screeningVersion must be a whole number.")
    .min(1, "screeningVersion starts at 1.")
    .nullish()
    .transform((v) => v ?? null),
  overriddenItems: screeningItems("overriddenItems"),
  confirmLongNeedle: z.boolean({ error: "confirmLongNeedle must be true or false." }).default(false),
  acknowledgedReviewItems: screeningItems("acknowledgedReviewItems"),
});
export type PlanDecisionInput = z.infer<typeof planDecisionSchema>;

/** The template form shows these messages next to its fields, so they are written for the clinician. */
export const planTemplateSchema = z.object({
  name: singleLineText({ label: "The name", max: 80, required: "Name the template." }),
  areas: z.array(planAreaSchema).min(1, "A template needs at least one area.").max(AREAS.length),
  minIntervalDays: z
    .number({ error: "Set the minimum number of days between sessions." })
    .int("Use whole days.")
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days."),
  instructions: multiLineText({ label: "The instructions", max: 4000, required: "Write the instructions for the patient." }),
});
export type PlanTemplateInput = z.infer<typeof planTemplateSchema>;
