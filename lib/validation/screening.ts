import { z } from "zod";
import { SCREENING_ITEM_CODES, SCREENING_ITEMS } from "@/lib/domain/clinical";
import { calendarDateSchema, latestToday } from "./common";

/** A past event in the patient's life (a last dose, a procedure): no earlier than a birth date may be. */
const eventDateSchema = calendarDateSchema({
  earliest: { at: "1900-01-01", message: "The date is before 1900." },
  latest: { at: latestToday, message: "The date cannot be in the future." },
});

export const screeningAnswerSchema = z.object({
  item: z.enum(SCREENING_ITEM_CODES, { error: "Unknown screening item." }),
  // Shown next to the unanswered item in the screening form, and clear enough for an API client.
  answer: z.boolean({ error: "Answer yes or no." }),
  date: eventDateSchema.nullish().transform((v) => v ?? null),
});

/** Every checklist item answered exactly once: a partial screening cannot clear anyone. */
export const screeningSchema = z.object({
  answers: z
    .array(screeningAnswerSchema)
    .max(SCREENING_ITEMS.length, "Answer each item once.")
    .superRefine((answers, ctx) => {
      const seen = new Set<string>();
      answers.forEach((a, index) => {
        if (seen.has(a.item)) ctx.addIssue({ code: "custom", path: [index, "item"], message: `${a.item} is answered twice.` });
        seen.add(a.item);
      });
      const missing = SCREENING_ITEMS.filter((i) => !seen.has(i.code)).map((i) => i.code);
      if (missing.length) ctx.addIssue({ code: "custom", message: `Every item must be answered; missing: ${missing.join(", ")}.` });
    }),
});
export type ScreeningInput = z.infer<typeof screeningSchema>;
