import { z } from "zod";
import { HEALTH_CHANGE_ITEMS, OTHER_MEDICINE } from "@/lib/domain/health-changes";
import { calendarDateSchema, latestToday, optionalText } from "./common";
import { justificationSchema } from "./justification";

/** One change the patient tells the clinic of: a screening item (or another medicine, named). */
const healthChangeItemSchema = z
  .object({
    item: z.enum(HEALTH_CHANGE_ITEMS, { error: `item must be one of ${HEALTH_CHANGE_ITEMS.join(", ")}.` }),
    date: calendarDateSchema({
      earliest: { at: "1900-01-01", message: "The date is before 1900." },
      latest: { at: latestToday, message: "The date cannot be in the future." },
    })
      .nullish()
      .transform((v) => v ?? null),
    note: optionalText(500, "note"),
  })
  .refine((v) => v.item !== OTHER_MEDICINE || Boolean(v.note), { path: ["note"], message: "Name the medicine." });

export const healthChangeReportSchema = z.object({
  items: z
    .array(healthChangeItemSchema, { error: "items must be a list of changes." })
    .min(1, "Choose at least one change.")
    .max(20, "At most 20 changes at once.")
    .refine((items) => new Set(items.map((i) => i.item)).size === items.length, "Each change once."),
});
export type HealthChangeReportInput = z.infer<typeof healthChangeReportSchema>;

/** Clearing a pause is a clinical act: the note says why it is safe to continue. */
export const pauseClearSchema = z.object({ note: justificationSchema("note") });
export type PauseClearInput = z.infer<typeof pauseClearSchema>;
