import { z } from "zod";
import { HOME_MAX_NEEDLE_MM, SCREENING_CLASSES, SCREENING_ITEMS } from "@/lib/domain/clinical";
import { SYMPTOM_CODES } from "@/lib/domain/reactions";

const classes = Object.fromEntries(SCREENING_ITEMS.map((i) => [i.code, z.enum(SCREENING_CLASSES)])) as {
  [K in (typeof SCREENING_ITEMS)[number]["code"]]: z.ZodEnum<{ block: "block"; review: "review" }>;
};

export const clinicSettingsSchema = z.object({
  screeningClasses: z.object(classes),
  intervalFloors: z
    .array(
      z.object({
        upToMm: z.number().positive().max(HOME_MAX_NEEDLE_MM, "Floors cover home lengths only (up to 1.0 mm)."),
        minDays: z.number().int().min(1).max(365),
      }),
    )
    .min(1)
    .max(6)
    .refine((floors) => floors.some((f) => f.upToMm === HOME_MAX_NEEDLE_MM), "One floor must cover lengths up to 1.0 mm."),
  isotretinoinLookbackMonths: z.number().int().min(1).max(24),
  alertRules: z
    .object({
      severeGrade: z.number().int().min(1).max(3),
      infectionGrade: z.number().int().min(1).max(3),
      persistentSymptoms: z.array(z.enum(SYMPTOM_CODES)).max(SYMPTOM_CODES.length),
      persistentGrade: z.number().int().min(1).max(3),
      persistentHours: z.number().int().min(24).max(24 * 14),
    })
    .optional(),
  screeningValidityDays: z.number({ error: "screeningValidityDays must be a number of days." }).int().min(7).max(365).optional(),
  rednessExtraSpacingDays: z.number({ error: "rednessExtraSpacingDays must be a number of days." }).int().min(0).max(60).optional(),
});
export type ClinicSettingsInput = z.infer<typeof clinicSettingsSchema>;
