import { z } from "zod";
import { HOME_MAX_NEEDLE_MM, SCREENING_CLASSES, SCREENING_ITEMS } from "@/lib/domain/clinical";
import { SYMPTOM_CODES } from "@/lib/domain/reactions";
import { optionalText, pageSizeSchema, pagingSchema } from "./common";

const classes = Object.fromEntries(SCREENING_ITEMS.map((i) => [i.code, z.enum(SCREENING_CLASSES)])) as {
  [K in (typeof SCREENING_ITEMS)[number]["code"]]: z.ZodEnum<{ block: "block"; review: "review" }>;
};

// Out-of-range values that would loosen a DOMAIN default pass here and are refused by findLoosening,
// which names the rule; these bounds only catch values that make no sense at all.
const days = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number of days.` })
    .int("Use whole days.")
    .min(min, `At least ${min} day${min === 1 ? "" : "s"}.`)
    .max(max, `At most ${max} days.`);

export const clinicSettingsSchema = z.object({
  screeningClasses: z.object(classes),
  intervalFloors: z
    .array(
      z.object({
        upToMm: z.number({ error: "upToMm must be a length in mm." }).positive("upToMm must be more than 0.").max(HOME_MAX_NEEDLE_MM, "Floors cover home lengths only (up to 1.0 mm)."),
        minDays: days("minDays", 1, 365),
      }),
    )
    .min(1)
    .max(6)
    .refine((floors) => floors.some((f) => f.upToMm === HOME_MAX_NEEDLE_MM), "One floor must cover lengths up to 1.0 mm."),
  isotretinoinLookbackMonths: z
    .number({ error: "isotretinoinLookbackMonths must be a number of months." })
    .int("Use whole months.")
    .min(1, "At least 1 month.")
    .max(24, "At most 24 months."),
  alertRules: z
    .object({
      severeGrade: z.number().int().min(1).max(3),
      infectionGrade: z.number().int().min(1).max(3),
      persistentSymptoms: z.array(z.enum(SYMPTOM_CODES)).max(SYMPTOM_CODES.length),
      persistentGrade: z.number().int().min(1).max(3),
      persistentHours: z.number({ error: "persistentHours must be a number of hours." }).int("Use whole hours.").min(24, "At least 24 hours.").max(24 * 14, "At most 336 hours."),
    })
    .optional(),
  screeningValidityDays: days("screeningValidityDays", 7, 365).optional(),
  rednessExtraSpacingDays: days("rednessExtraSpacingDays", 0, 60).optional(),
  /**
   * Why a blocking screening item should only warn: required (a justification, lib/domain/text.ts) when
   * the save turns one from block to review, which then waits for a second clinician or an admin.
   */
  reason: optionalText(1000, "reason"),
});
export type ClinicSettingsInput = z.infer<typeof clinicSettingsSchema>;

/** A page of the clinic's settings proposals (GET /api/clinic/settings/proposals). */
export const settingsProposalsQuerySchema = z.object({ page: pagingSchema.page, pageSize: pageSizeSchema(50, 10) });
export type SettingsProposalsQuery = z.infer<typeof settingsProposalsQuerySchema>;

/** The settings page's history: a page of proposals and a page of past saves, each paged on its own. */
export const settingsHistoryQuerySchema = z.object({ proposals: pagingSchema.page, changes: pagingSchema.page });
